// Real databases for tests: an in-memory PGlite, or a fresh PostgreSQL
// database cloned from a migrated template. Each test file gets its own, so
// files run in parallel without seeing each other's data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_FOLDER, openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';

export type TestEngine = 'pglite' | 'postgres';

export const testEngine = (): TestEngine => (process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');
export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function migrationsHash(): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 12);
}

function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops databases left by test runs that were killed, and templates of older migrations. */
async function dropLeftovers(admin: pg.Client, currentTemplate: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'congdoan\\_t\\_%' or datname like 'congdoan\\_tpl\\_%'",
  );
  for (const { datname } of rows) {
    const pid = /^congdoan_t_(\d+)_/.exec(datname)?.[1];
    const stale = pid ? !processAlive(Number(pid)) : datname !== currentTemplate;
    if (stale) await admin.query(`drop database if exists "${datname}"`).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates (once, under an advisory lock) a migrated template database. */
async function ensureTemplate(): Promise<string> {
  const name = `congdoan_tpl_${migrationsHash()}`;
  await withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock(724301)');
    try {
      await dropLeftovers(admin, name);
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`create database "${name}"`);
        const handle = await openDatabase({ databaseUrl: urlWithDatabase(testDatabaseUrl(), name) });
        try {
          await migrateDatabase(handle);
        } catch (e) {
          await handle.close();
          await admin.query(`drop database if exists "${name}"`);
          throw e;
        }
        await handle.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock(724301)');
    }
  });
  return name;
}

/**
 * Drops a test database once its connections are gone. Forcing it at once
 * would kill connections the pool is still closing, and the driver reports
 * that as an unhandled error.
 */
async function dropDatabase(name: string): Promise<void> {
  await withAdmin(async (admin) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await admin.query(`drop database if exists "${name}"`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006') throw e; // 55006: still in use
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await admin.query(`drop database if exists "${name}" with (force)`);
  });
}

let pgliteSnapshot: Promise<Blob | File> | null = null;

/** A migrated, empty database of the engine under test; close() drops it. */
export async function createTestDatabase(engine: TestEngine = testEngine()): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    // Migrate once per worker, then start each database from a dump of it.
    pgliteSnapshot ??= (async () => {
      const handle = await openDatabase({ dataDir: null });
      await migrateDatabase(handle);
      const client = (handle.db as unknown as { $client: { dumpDataDir: (c?: 'none' | 'gzip') => Promise<Blob | File> } }).$client;
      const dump = await client.dumpDataDir('none');
      await handle.close();
      return dump;
    })();
    const snapshot = await pgliteSnapshot;
    return openDatabase({ dataDir: null, loadDataDir: snapshot });
  }
  const name = `congdoan_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // Another checkout's run (other migrations) may drop our template between
  // ensureTemplate() and the copy: make it again and retry.
  for (let attempt = 0; ; attempt++) {
    const template = await ensureTemplate();
    try {
      await withAdmin((admin) => admin.query(`create database "${name}" template "${template}"`));
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== '3D000' || attempt >= 3) throw e; // 3D000: template gone
    }
  }
  const handle = await openDatabase({ databaseUrl: urlWithDatabase(testDatabaseUrl(), name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropDatabase(name);
    },
  };
}
