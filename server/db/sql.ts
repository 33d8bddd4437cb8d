import { sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Executor } from './client.js';

/** Runs raw SQL and returns its rows (the same on PGlite and node-postgres). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Dates come back as Date (PGlite) or string (node-postgres): normalise to ISO text. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value.includes(' ') && !value.includes('T')) return new Date(value).toISOString();
  return String(value);
}

/** A DATE column as 'YYYY-MM-DD' whatever the driver returned. */
export function toDateOnly(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, '0');
    const d = String(value.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}

/** The planner settings withPlannerSettings may change (names fixed here: they are written into the statement). */
export type PlannerSettings = Partial<Record<'enable_hashjoin' | 'enable_hashagg' | 'enable_material' | 'work_mem', string>>;

/**
 * Runs reads under planner settings of their own (access.ts inUnitScopeMerged:
 * a search's hits merged with a national scope, which the planner would hash at
 * twice the cost). The settings hold for `fn`'s statements only: SET LOCAL in a
 * transaction of its own, or inside the caller's transaction, set back after.
 */
export async function withPlannerSettings<T>(db: Executor, settings: PlannerSettings, fn: (tx: Executor) => Promise<T>): Promise<T> {
  const names = Object.keys(settings) as Array<keyof PlannerSettings>;
  const set = async (tx: Executor, values: Record<string, string>) => {
    const [row] = await queryRows<Record<string, string>>(
      tx,
      sql`select ${sql.join(
        names.map((name) => sql`current_setting(${name}) as ${sql.identifier(name)}, set_config(${name}, ${values[name]!}, true)`),
        sql`, `,
      )}`,
    );
    return Object.fromEntries(names.map((name) => [name, row![name]!]));
  };
  if (db instanceof PgTransaction) {
    const previous = await set(db, settings as Record<string, string>);
    let result: T;
    try {
      result = await fn(db);
    } catch (error) {
      await set(db, previous).catch(() => {}); // an aborted transaction rolls back, settings and all
      throw error;
    }
    await set(db, previous);
    return result;
  }
  return (db as Database).transaction(async (tx) => {
    await set(tx, settings as Record<string, string>);
    return fn(tx);
  });
}
