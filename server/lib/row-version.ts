// Optimistic versions (no lost updates): programs, targets, org units and
// members carry `row_version` (bumped by every change of the row) and
// `updated_by`/`updated_at` (who changed it last, and when). An edit sends the
// version it was read at (`expectedVersion`); the update runs
// `WHERE id = $1 AND row_version = $2`, and 0 rows answer 409 STALE_WRITE
// naming the last writer and the time — read from the row itself, never
// from the audit log.
import { sql } from 'drizzle-orm';
import { formatDateTime } from '../../common/format.js';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { AppError } from './errors.js';

/** The tables that carry a row version. */
export type VersionedTable =
  | 'programs'
  | 'targets'
  | 'org_units'
  | 'members'
  | 'data_elements'
  | 'indicators'
  | 'reports'
  | 'report_periods'
  | 'compiled_reports'
  | 'issue_delegations'
  | 'activity_records';

/**
 * Columns to set in every UPDATE of a versioned row: the next version, the
 * time and the writer (null for the system, e.g. the demo loader).
 */
export function nextVersion(actor: { userId: string } | null) {
  return { rowVersion: sql`row_version + 1`, updatedAt: new Date(), updatedBy: actor?.userId ?? null };
}

/** 409 STALE_WRITE for the row as it is now: who changed it last and when. */
export async function staleWrite(db: Executor, table: VersionedTable, id: string): Promise<AppError> {
  const [row] = await queryRows<{ name: string | null; updated_at: string | Date; row_version: number }>(
    db,
    sql`select u.full_name as name, t.updated_at, t.row_version from ${sql.identifier(table)} t
        left join users u on u.id = t.updated_by where t.id = ${id}::uuid`,
  );
  return new AppError('STALE_WRITE', {
    name: row?.name ?? '—',
    time: row ? formatDateTime(row.updated_at) : '—',
    currentVersion: row?.row_version ?? 0,
  });
}

/**
 * Throws 409 STALE_WRITE unless the row read (and locked) in this transaction
 * is still at the version the client read.
 */
export async function requireVersion(
  db: Executor,
  table: VersionedTable,
  row: { id: string; rowVersion: number },
  expected: number,
): Promise<void> {
  if (row.rowVersion !== expected) throw await staleWrite(db, table, row.id);
}
