// Reopening a closed reporting period (docs/reporting.md "Workflow"): a
// leader holding the program's issuing unit, with a reason; the reports of
// the period may change again and the owing units' derived figures follow
// the registry again (refreshed here).
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reportPeriods, reports } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { refreshActivityFacts } from '../activities/activity-facts.js';
import { refreshMemberFacts } from '../members/member-facts.js';
import { listExpectedReports } from './expected-reports.js';
import { requirePeriodClose } from './policy.js';
import { chainOf, lockPeriod, type ReportPeriodRow } from './report-form.js';
import { recordReportEvent } from './report-writes.js';

/** Reopens a closed period with a reason (leader); the owing units' derived figures follow the registry again. */
export async function reopenReportPeriod(
  ex: Executor,
  actor: Actor,
  periodId: string,
  body: { expectedVersion: number; reason: string },
  now: Date = new Date(),
): Promise<ReportPeriodRow> {
  return inTransaction(ex, async (tx) => {
    const period = await lockPeriod(tx, periodId);
    const chain = await chainOf(tx, period);
    await requirePeriodClose(tx, actor, chain.unitId, { dataTo: toDateOnly(period.dataTo)! });
    if (period.rowVersion !== body.expectedVersion) throw await staleWrite(tx, 'report_periods', period.id);
    if (!period.closedAt) throw new AppError('REPORT_PERIOD_NOT_CLOSED');
    const reason = body.reason.trim();
    if (!reason) throw fieldError('REPORT_REASON_REQUIRED', 'reason');
    const [after] = await tx
      .update(reportPeriods)
      .set({ closedAt: null, closedBy: null, rowVersion: sql`row_version + 1`, updatedAt: now, updatedBy: actor.userId ?? null })
      .where(eq(reportPeriods.id, period.id))
      .returning();
    const rows = await tx.select({ id: reports.id }).from(reports).where(eq(reports.periodId, period.id));
    for (const r of rows) await recordReportEvent(tx, actor, r.id, 'period_reopened', reason, null, now);
    const owing = await listExpectedReports(tx, { periodIds: [period.id] });
    await refreshMemberFacts(
      tx,
      owing.map((o) => o.unit.id),
    );
    // Figures from activity records follow the records again too.
    await refreshActivityFacts(
      tx,
      owing.map((o) => o.unit.id),
    );
    await recordAudit(tx, actor, {
      action: 'report_period.reopen',
      entityType: 'report_period',
      entityId: period.id,
      unitId: chain.unitId,
      entityLabel: `${chain.title} · ${period.kind} ${toDateOnly(period.dataTo)}`,
      before: { closedAt: period.closedAt?.toISOString() ?? null },
      after: { closedAt: null, reason },
    });
    return after!;
  });
}
