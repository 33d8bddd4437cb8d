// Reopening an approved report (docs/reporting.md "Workflow"): an officer
// holding the unit, with a reason; the report goes back to "returned" and its
// facts stop counting until the unit resubmits. History, audit and the notice
// to the chair in the same transaction.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { notifyReportReturned } from '../notifications/notify.js';
import { canReviewReport } from './policy.js';
import { deleteReportFacts, recordReportEvent, refreshAddendsOf } from './report-writes.js';
import { bumpReport, lockForReview } from './review-lock.js';

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
    const reason = body.reason.trim();
    if (!reason) throw fieldError('REPORT_REASON_REQUIRED', 'reason');
    const removed = await deleteReportFacts(tx, report.id);
    await refreshAddendsOf(tx, report.unitId, removed);
    await tx
      .update(reports)
      .set({ status: 'returned', reviewComment: reason, fieldComments: {}, approvedAt: null, approvedBy: null, ...bumpReport(actor, now) })
      .where(eq(reports.id, report.id));
    await recordReportEvent(tx, actor, report.id, 'reopened', reason, null, now);
    await recordAudit(tx, actor, {
      action: 'report.reopen',
      entityType: 'report',
      entityId: report.id,
      unitId: report.unitId,
      before: { status: report.status },
      after: { status: 'returned', reason },
    });
    await notifyReportReturned(tx, report.id);
    return { id: report.id };
  });
}
