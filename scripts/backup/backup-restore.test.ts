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
  if (testEngine() === 'pglite') return { dataDir: path.join(tmp, label, 'pglite'), attachmentsDir: path.join(tmp, label, 'attachments') };
  const name = `congdoan_t_${process.pid}_${label}_${crypto.randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}"`));
  cleanups.push(() => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined));
  return { databaseUrl: urlFor(name), dataDir: path.join(tmp, label, 'unused'), attachmentsDir: path.join(tmp, label, 'attachments') };
}

const open = (t: BackupTarget) => openDatabase(t.databaseUrl ? { databaseUrl: t.databaseUrl } : { dataDir: t.dataDir });

describe(`backup and restore (${testEngine()})`, () => {
  it('backs up the demo database and restores it into an empty one: same row counts, same target value, same attachments', async () => {
    const source = await emptyTarget('source');
    let handle = await open(source);
    await migrateDatabase(handle);
    await loadDemoData(handle.db);
    const counts = await rowCounts(handle);
    const target = await firstTargetValue(handle);
    await handle.close();
    expect(counts.members).toBeGreaterThan(0);
    expect(target.value).not.toBeNull();
    fs.mkdirSync(path.join(source.attachmentsDir!, 'programs'), { recursive: true });
    fs.writeFileSync(path.join(source.attachmentsDir!, 'programs', 'ctr-02.pdf'), 'tệp đính kèm');

    const file = path.join(tmp, testEngine() === 'pglite' ? 'demo.tar.gz' : 'demo.dump');
    const result = await backupDatabase(source, file);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.attachmentsFile).toBe(`${file}.attachments.tar.gz`);

    const copy = await emptyTarget('copy');
    await restoreDatabase(copy, file);
    handle = await open(copy);
    try {
      expect(await rowCounts(handle)).toEqual(counts);
      expect(await firstTargetValue(handle)).toEqual(target);
    } finally {
      await handle.close();
    }
    expect(fs.readFileSync(path.join(copy.attachmentsDir!, 'programs', 'ctr-02.pdf'), 'utf8')).toBe('tệp đính kèm');
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
