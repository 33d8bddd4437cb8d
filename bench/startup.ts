// Start-up benchmark (`npm run bench`): time from spawning the real server to
// its first successful GET /api/health, on a fresh database (migrations + demo
// data) and on the same database again, and the server's resident memory
// after start; on PGlite and on PostgreSQL; for the production build
// (node dist/server/main.js, what `npm start` runs) and for the TypeScript
// sources through tsx (development). Prints figures, no pass/fail.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';
import { ensureWebBuild } from '../e2e/build-web.js';
import { buildServer } from '../scripts/build-server.js';
import { makeDataDir, residentMemoryMiB, startServer, type ServerOptions } from '../e2e/server-process.js';

interface Row {
  entry: 'built' | 'source';
  engine: string;
  start: 'first' | 'later';
  readyMs: number;
  rssMiB: number | null;
}

async function measure(engine: string, start: Row['start'], options: ServerOptions & { entry: Row['entry'] }): Promise<Row> {
  const server = await startServer(options);
  try {
    // Let the start settle (timers, lazy imports) before reading the memory.
    await new Promise((r) => setTimeout(r, 500));
    await fetch(`${server.baseUrl}/api/health`);
    return { entry: options.entry, engine, start, readyMs: server.readyAfterMs, rssMiB: residentMemoryMiB(server.pid) };
  } finally {
    await server.stop();
  }
}

async function measureEntry(entry: Row['entry'], webDist: string, rows: Row[]) {
  const dataDir = makeDataDir('congdoan-bench-');
  try {
    rows.push(await measure('PGlite', 'first', { dataDir, webDist, entry }));
    rows.push(await measure('PGlite', 'later', { dataDir, webDist, entry }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const database = `congdoan_bench_${crypto.randomBytes(4).toString('hex')}`;
  let created = false;
  try {
    await withAdmin((admin) => admin.query(`create database "${database}"`));
    created = true;
    const databaseUrl = urlWithDatabase(POSTGRES_URL, database);
    const unused = makeDataDir('congdoan-bench-');
    try {
      rows.push(await measure('PostgreSQL', 'first', { dataDir: unused, databaseUrl, webDist, entry }));
      rows.push(await measure('PostgreSQL', 'later', { dataDir: unused, databaseUrl, webDist, entry }));
    } finally {
      fs.rmSync(unused, { recursive: true, force: true });
    }
  } catch (e) {
    console.log(`PostgreSQL skipped: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    if (created) await withAdmin((admin) => admin.query(`drop database if exists "${database}" with (force)`));
  }
}

async function main() {
  const webDist = ensureWebBuild((line) => console.log(line));
  await buildServer();
  const rows: Row[] = [];
  const entries: Row['entry'][] = process.argv.includes('--built-only') ? ['built'] : ['built', 'source'];
  for (const entry of entries) await measureEntry(entry, webDist, rows);

  console.log(`\nServer start-up (spawn → first 200 from /api/health), ${os.cpus().length} cores, Node ${process.version}`);
  console.log('first = empty database: migrations + demo data; later = same database again');
  console.log('built = node dist/server/main.js (npm start); source = node --import tsx server/main.ts (development)\n');
  const header = ['entry', 'engine', 'start', 'ready (ms)', 'RSS (MiB)'];
  const table = rows.map((r) => [r.entry, r.engine, r.start, r.readyMs.toFixed(0), r.rssMiB === null ? '–' : r.rssMiB.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

await main();
