// Returning a submitted report to its unit (docs/reporting.md "Workflow"):
// a comment on the whole and/or per field; its facts stop counting until the
// unit resubmits. Locked, version-checked, with history, audit and the notice
// to the chair in one transaction.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { notifyReportReturned } from '../notifications/notify.js';
import { canReviewReport } from './policy.js';
import { bumpReport, lockForReview } from './review-lock.js';
import { deleteReportFacts, recordReportEvent, refreshAddendsOf } from './report-writes.js';

/** Returns a submitted report to its unit with a comment on the whole and/or per field; its facts stop counting. */
export async function returnReport(
  ex: Executor,
  actor: Actor,
  reportId: string,
  body: { expectedVersion: number; comment?: string | null | undefined; fieldComments?: Record<string, string> | undefined },
  now: Date = new Date(),
  /** As submitReport's: a batch writer refreshes the derived figures once at the end. */
  options: { deferDerivedRefresh?: boolean } = {},
): Promise<{ id: string }> {
  return inTransaction(ex, async (tx) => {
    const { report } = await lockForReview(tx, actor, reportId, body.expectedVersion, canReviewReport);
    if (report.status !== 'submitted') throw new AppError('REPORT_NOT_SUBMITTED');
    const comment = body.comment?.trim() || null;
    const fieldComments = Object.fromEntries(Object.entries(body.fieldComments ?? {}).filter(([, v]) => v.trim() !== ''));
    if (!comment && Object.keys(fieldComments).length === 0) throw new AppError('REPORT_RETURN_COMMENT_REQUIRED');
    const removed = await deleteReportFacts(tx, report.id);
    if (!options.deferDerivedRefresh) await refreshAddendsOf(tx, report.unitId, removed);
    await tx
      .update(reports)
      .set({ status: 'returned', reviewComment: comment, fieldComments, ...bumpReport(actor, now) })
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
