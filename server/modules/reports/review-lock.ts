// What the Office's steps on a report share (return, approve, reopen;
// docs/reporting.md "Workflow"): the report row locked for the step, the
// reviewer's right on the unit at the period, the version the reviewer read
// (two officers reviewing one report: one wins, the other gets 409
// STALE_WRITE) and the period still open.
import { sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { staleWrite } from '../../lib/row-version.js';
import { loadPeriod, lockReport, type ReportPeriodRow, type ReportRow } from './report-form.js';

export type ReviewCheck = (ex: Executor, actor: Actor, unitId: string, period: { dataTo: string }) => Promise<boolean>;

/** Locks the report for a review step: 404 unknown, 403 not allowed, 409 stale, 409 period locked (in that order). */
export async function lockForReview(
  tx: Tx,
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  may: ReviewCheck,
): Promise<{ report: ReportRow; period: ReportPeriodRow }> {
  const report = await lockReport(tx, reportId);
  const period = await loadPeriod(tx, report.periodId);
  if (!(await may(tx, actor, report.unitId, { dataTo: toDateOnly(period.dataTo)! }))) throw forbidden();
  if (report.rowVersion !== expectedVersion) throw await staleWrite(tx, 'reports', report.id);
  if (period.closedAt) throw new AppError('REPORT_PERIOD_LOCKED');
  return { report, period };
}

/** The columns every step sets on the report row: next version, when, who. */
export const bumpReport = (actor: Actor, now: Date) => ({
  rowVersion: sql`row_version + 1`,
  updatedAt: now,
  updatedBy: actor.userId ?? null,
});
