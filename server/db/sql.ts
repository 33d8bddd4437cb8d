import type { SQL } from 'drizzle-orm';
import type { Executor } from './client.js';

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
