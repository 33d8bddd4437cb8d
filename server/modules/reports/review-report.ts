// The Office's steps on a submitted report (docs/reporting.md "Workflow"):
// return with comments, approve, reopen an approved one with a reason. Each
// locks the report, checks the version the reviewer read (two officers
// reviewing one report: one wins, the other gets 409 STALE_WRITE), writes the
// history and audit rows and the notice in one transaction.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Tx } from '../../db/client.js';
import { notifyReportApproved, notifyReportReturned } from '../notifications/notify.js';
import { canApproveReport, canReviewReport } from './policy.js';
import { loadPeriod, lockReport, type ReportPeriodRow, type ReportRow } from './report-form.js';
import { deleteReportFacts, recordReportEvent, refreshAddendsOf } from './report-writes.js';

type Check = (ex: Executor, actor: Actor, unitId: string, period: { dataTo: string }) => Promise<boolean>;

async function lockForReview(
  tx: Tx,
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  may: Check,
): Promise<{ report: ReportRow; period: ReportPeriodRow }> {
  const report = await lockReport(tx, reportId);
  const period = await loadPeriod(tx, report.periodId);
  if (!(await may(tx, actor, report.unitId, { dataTo: toDateOnly(period.dataTo)! }))) throw forbidden();
  if (report.rowVersion !== expectedVersion) throw await staleWrite(tx, 'reports', report.id);
  if (period.closedAt) throw new AppError('REPORT_PERIOD_LOCKED');
  return { report, period };
}

const bump = (actor: Actor, now: Date) => ({ rowVersion: sql`row_version + 1`, updatedAt: now, updatedBy: actor.userId ?? null });

/** Returns a submitted report to its unit with a comment on the whole and/or per field; its facts stop counting. */
export async function returnReport(
  ex: Executor,
  actor: Actor,
  reportId: string,
  body: { expectedVersion: number; comment?: string | null | undefined; fieldComments?: Record<string, string> | undefined },
  now: Date = new Date(),
): Promise<{ id: string }> {
  return inTransaction(ex, async (tx) => {
    const { report } = await lockForReview(tx, actor, reportId, body.expectedVersion, canReviewReport);
    if (report.status !== 'submitted') throw new AppError('REPORT_NOT_SUBMITTED');
    const comment = body.comment?.trim() || null;
    const fieldComments = Object.fromEntries(Object.entries(body.fieldComments ?? {}).filter(([, v]) => v.trim() !== ''));
    if (!comment && Object.keys(fieldComments).length === 0) throw new AppError('REPORT_RETURN_COMMENT_REQUIRED');
    const removed = await deleteReportFacts(tx, report.id);
    await refreshAddendsOf(tx, report.unitId, removed);
    await tx
      .update(reports)
      .set({ status: 'returned', reviewComment: comment, fieldComments, ...bump(actor, now) })
      .where(eq(reports.id, report.id));
    await recordReportEvent(tx, actor, report.id, 'returned', comment, fieldComments, now);
    await recordAudit(tx, actor, {
      action: 'report.return',
      entityType: 'report',
      entityId: report.id,
      unitId: report.unitId,
      before: { status: report.status },
      after: { status: 'returned', comment, fields: Object.keys(fieldComments).length },
    });
    await notifyReportReturned(tx, report.id);
    return { id: report.id };
  });
}

/** Approves a submitted report: its facts count in the "approved only" view too. */
export async function approveReport(
  ex: Executor,
  actor: Actor,
  reportId: string,
  body: { expectedVersion: number },
  now: Date = new Date(),
): Promise<{ id: string }> {
  return inTransaction(ex, async (tx) => {
    const { report } = await lockForReview(tx, actor, reportId, body.expectedVersion, canApproveReport);
    if (report.status !== 'submitted') throw new AppError('REPORT_NOT_SUBMITTED');
    await tx.execute(sql`update facts set approved = true, updated_at = now() where report_id = ${report.id}::uuid`);
    await tx
      .update(reports)
      .set({ status: 'approved', approvedAt: now, approvedBy: actor.userId ?? null, ...bump(actor, now) })
      .where(eq(reports.id, report.id));
    await recordReportEvent(tx, actor, report.id, 'approved', null, null, now);
    await recordAudit(tx, actor, {
      action: 'report.approve',
      entityType: 'report',
      entityId: report.id,
      unitId: report.unitId,
      before: { status: report.status },
      after: { status: 'approved' },
    });
    await notifyReportApproved(tx, report.id);
    return { id: report.id };
  });
}

/** Reopens an approved report with a reason (back to returned; its facts stop counting until resubmitted). */
export async function reopenReport(
  ex: Executor,
  actor: Actor,
  reportId: string,
  body: { expectedVersion: number; reason: string },
  now: Date = new Date(),
): Promise<{ id: string }> {
  return inTransaction(ex, async (tx) => {
    const { report } = await lockForReview(tx, actor, reportId, body.expectedVersion, canReviewReport);
    if (report.status !== 'approved') throw new AppError('REPORT_NOT_APPROVED');
    const removed = await deleteReportFacts(tx, report.id);
    await refreshAddendsOf(tx, report.unitId, removed);
    await tx
      .update(reports)
      .set({ status: 'returned', reviewComment: body.reason, fieldComments: {}, approvedAt: null, approvedBy: null, ...bump(actor, now) })
      .where(eq(reports.id, report.id));
    await recordReportEvent(tx, actor, report.id, 'reopened', body.reason, null, now);
    await recordAudit(tx, actor, {
      action: 'report.reopen',
      entityType: 'report',
      entityId: report.id,
      unitId: report.unitId,
      before: { status: report.status },
      after: { status: 'returned', reason: body.reason },
    });
    await notifyReportReturned(tx, report.id);
    return { id: report.id };
  });
}
