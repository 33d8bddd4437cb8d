// Approving a submitted report (docs/reporting.md "Workflow"): its facts
// count in the "approved only" view too. Locked, version-checked (of two
// officers reviewing at once one wins, the other gets 409 STALE_WRITE), with
// history, audit and the notice to the chair in one transaction.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { notifyReportApproved } from '../notifications/notify.js';
import { canApproveReport } from './policy.js';
import { recordReportEvent } from './report-writes.js';
import { bumpReport, lockForReview } from './review-lock.js';

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
      .set({ status: 'approved', approvedAt: now, approvedBy: actor.userId ?? null, ...bumpReport(actor, now) })
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
