// Demo load benchmark (`npm run bench:demo`): the time of loadDemoData — the
// whole demo (unit tree, program, indicator definitions and facts, the member
// registry through its use-cases, accounts) in its one transaction — on a
// fresh, migrated database: PGlite in memory, then a scratch PostgreSQL
// database (dropped after). Migrations are not timed. Runs BENCH_RUNS times
// per engine (default 3), each on a new database, and prints every time and
// the median. Prints figures only; no pass/fail on time.
//
//   BENCH_RUNS=3            loads per engine
//   BENCH_DATABASE_URL=…    PostgreSQL server
import crypto from 'node:crypto';
import os from 'node:os';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { loadDemoData } from '../scripts/demo/load-demo-data.js';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

interface Row {
  engine: string;
  times: number[];
  statements: number;
}

/** One timed demo load on a fresh database; returns ms and the SQL statements it sent. */
async function timeLoad(handle: DatabaseHandle): Promise<{ ms: number; statements: number }> {
  await migrateDatabase(handle);
  const before = handle.queryCount();
  const t = performance.now();
  await loadDemoData(handle.db);
  return { ms: performance.now() - t, statements: handle.queryCount() - before };
}

async function pglite(): Promise<Row> {
  const row: Row = { engine: 'PGlite (memory)', times: [], statements: 0 };
  for (let i = 0; i < RUNS; i++) {
    const handle = await openDatabase({ dataDir: null });
    try {
      const { ms, statements } = await timeLoad(handle);
      row.times.push(ms);
      row.statements = statements;
      console.log(`PGlite: load ${i + 1} in ${(ms / 1000).toFixed(2)} s (${statements} statements)`);
    } finally {
      await handle.close();
    }
  }
  return row;
}

async function postgres(): Promise<Row | null> {
  const row: Row = { engine: 'PostgreSQL', times: [], statements: 0 };
  for (let i = 0; i < RUNS; i++) {
    const database = `congdoan_bench_${crypto.randomBytes(4).toString('hex')}`;
    let created = false;
    try {
      await withAdmin((admin) => admin.query(`create database "${database}"`));
      created = true;
      const handle = await openDatabase({ databaseUrl: urlWithDatabase(POSTGRES_URL, database) });
      try {
        const { ms, statements } = await timeLoad(handle);
        row.times.push(ms);
        row.statements = statements;
        console.log(`PostgreSQL: load ${i + 1} in ${(ms / 1000).toFixed(2)} s (${statements} statements)`);
      } finally {
        await handle.close();
      }
    } catch (e) {
      if (!created) {
        console.log(`PostgreSQL skipped: ${(e as Error).message.split('\n')[0]}`);
        return null;
      }
      throw e;
    } finally {
      if (created) await withAdmin((admin) => admin.query(`drop database if exists "${database}" with (force)`));
    }
  }
  return row;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const rows = [await pglite(), await postgres()].filter((r): r is Row => r !== null);
  console.log(
    `\nDemo load (loadDemoData on a fresh migrated database), ${os.cpus().length} cores, Node ${process.version}, ${RUNS} runs\n`,
  );
  const header = ['engine', 'median (s)', 'runs (s)', 'statements'];
  const table = rows.map((r) => [
    r.engine,
    (median(r.times) / 1000).toFixed(2),
    r.times.map((t) => (t / 1000).toFixed(2)).join(' / '),
    String(r.statements),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
