import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from './sql.js';
import { MIGRATIONS_FOLDER, type DatabaseHandle } from './client.js';

/** Applies the committed drizzle-kit migrations (idempotent). */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

interface JournalEntry {
  idx: number;
  tag: string;
}

/** The tag of the newest applied migration, e.g. "0000_foundation". */
export async function migrationVersion(handle: DatabaseHandle): Promise<string | null> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const applied = Number(row?.n ?? 0);
  return applied > 0 ? (journal.entries[applied - 1]?.tag ?? null) : null;
}
