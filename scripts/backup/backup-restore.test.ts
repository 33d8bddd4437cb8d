// Backup and restore on the engine under test: the demo database is backed up,
// restored into an empty data directory (PGlite) or database (PostgreSQL), and
// the copy has the same row counts and the same value for a target.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/db/client.js';
import { migrateDatabase } from '../../server/db/migrate.js';
import { queryRows } from '../../server/db/sql.js';
import { computeTargets } from '../../server/modules/indicators/compute-targets.js';
import { testDatabaseUrl, testEngine } from '../../test/db.js';
import { loadDemoData } from '../demo/load-demo-data.js';
import { backupDatabase, restoreDatabase, type BackupTarget } from './backup-restore.js';

const TABLES = [
  'org_units',
  'org_unit_paths',
  'users',
  'role_assignments',
  'programs',
  'targets',
  'facts',
  'members',
  'member_events',
  'audit_log',
];

async function rowCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

/** The value of the first demo target as of 30/11/2024 (code and value). */
async function firstTargetValue(handle: DatabaseHandle) {
  const [t] = await queryRows<{ id: string }>(handle.db, sql`select id from targets order by id limit 1`);
  const [progress] = await computeTargets(handle.db, { targetIds: [t!.id] }, '2024-11-30');
  return { id: t!.id, value: progress!.value, status: progress!.status };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-backup-'));
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function urlFor(name: string): string {
  const u = new URL(testDatabaseUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: testDatabaseUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new empty target of the engine under test: a data directory, or a database. */
async function emptyTarget(label: string): Promise<BackupTarget> {
  // DATA_DIR is tmp/label: PGlite's folder in it, and the files beside the database.
  if (testEngine() === 'pglite') return { dataDir: path.join(tmp, label, 'pglite'), filesDir: path.join(tmp, label) };
  const name = `congdoan_t_${process.pid}_${label}_${crypto.randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}"`));
  cleanups.push(() => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined));
  return { databaseUrl: urlFor(name), dataDir: path.join(tmp, label, 'unused'), filesDir: path.join(tmp, label) };
}

/** The names in a .tar.gz. */
function listTar(archive: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', ['-tzf', archive]);
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`tar -t: ${code}`))));
  });
}

const open = (t: BackupTarget) => openDatabase(t.databaseUrl ? { databaseUrl: t.databaseUrl } : { dataDir: t.dataDir });

describe(`backup and restore (${testEngine()})`, () => {
  it('backs up the demo database and restores it into an empty one: same row counts, same target value, same files of DATA_DIR', async () => {
    const source = await emptyTarget('source');
    let handle = await open(source);
    await migrateDatabase(handle);
    await loadDemoData(handle.db);
    const counts = await rowCounts(handle);
    const target = await firstTargetValue(handle);
    await handle.close();
    expect(counts.members).toBeGreaterThan(0);
    expect(target.value).not.toBeNull();
    // Everything in DATA_DIR beside the database: attachments, an upload being imported, a folder added later.
    const files = {
      'attachments/programs/ctr-02.pdf': 'tệp đính kèm',
      'imports/0b6f.xlsx': 'PK tệp đang nhập',
      'exports/bao-cao.xlsx': 'PK báo cáo',
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(source.filesDir!, name)), { recursive: true });
      fs.writeFileSync(path.join(source.filesDir!, name), text);
    }

    const file = path.join(tmp, testEngine() === 'pglite' ? 'demo.tar.gz' : 'demo.dump');
    const result = await backupDatabase(source, file);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.filesFile).toBe(`${file}.files.tar.gz`);
    // The database is not packed twice: PGlite's folder and lock stay out of the files archive.
    const listed = await listTar(result.filesFile!);
    expect(listed.filter((n) => /(^|\/)(pglite|\.pglite\.lock)(\/|$)/.test(n))).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining(Object.keys(files).map((n) => expect.stringContaining(n))));

    const copy = await emptyTarget('copy');
    await restoreDatabase(copy, file);
    handle = await open(copy);
    try {
      expect(await rowCounts(handle)).toEqual(counts);
      expect(await firstTargetValue(handle)).toEqual(target);
    } finally {
      await handle.close();
    }
    for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(copy.filesDir!, name), 'utf8')).toBe(text);
    // Never over existing data.
    await expect(restoreDatabase(copy, file)).rejects.toThrow(testEngine() === 'pglite' ? /không trống/ : /--replace/);
  }, 300_000); // PGlite on disk: migrate, load the demo, dump, load again

  it.runIf(testEngine() === 'pglite')('explains how to check and clear a lock held by a live unrelated process', async () => {
    const dataDir = path.join(tmp, 'locked', 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    const sleeper = spawn('sleep', ['30']);
    cleanups.push(async () => void sleeper.kill());
    fs.writeFileSync(path.join(tmp, 'locked', '.pglite.lock'), String(sleeper.pid));
    const error = await openDatabase({ dataDir }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toContain(`ps -p ${sleeper.pid}`);
    expect(error?.message).toContain('sleep 30');
    expect(error?.message).toContain(`rm ${path.join(tmp, 'locked', '.pglite.lock')}`);
  });
});
