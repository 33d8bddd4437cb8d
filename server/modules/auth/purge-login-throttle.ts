// Purging expired sign-in throttle rows (login_throttle, sign-in.ts): every
// attempt from a new address leaves a row "<user> <address>", so without a
// purge the table grows with every address that ever tried. A row is expired
// when no lock holds (none, or its end has passed) and its last failure is
// older than the window in which failures still count (LOGIN_FAILURE_WINDOW_MS,
// the same hour as the account's progressive delay). Run at start-up and then
// every PURGE_INTERVAL_MS by the auth routes (routes.ts).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';

/** Failures older than this no longer count (sign-in.ts reads the account's failures of the last hour). */
export const LOGIN_FAILURE_WINDOW_MS = 60 * 60_000;
/** How often the running server purges. */
export const PURGE_INTERVAL_MS = 10 * 60_000;

/** Deletes the expired rows; returns how many. */
export async function purgeLoginThrottle(db: Executor, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  const rows = await queryRows<{ username: string }>(
    db,
    sql`delete from login_throttle
        where (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
          and (last_failure_at is null or last_failure_at <= ${cutoff}::timestamptz)
        returning username`,
  );
  return rows.length;
}
