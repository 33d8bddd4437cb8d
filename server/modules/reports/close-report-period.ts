// Closing (khóa sổ) a reporting period (docs/reporting.md "Workflow",
// "Frozen figures"): a leader holding the program's issuing unit; from then on
// no report of the period changes and the derived figures of its fact month
// stay as they are for the units that owe it.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reportPeriods, reports } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { requirePeriodClose } from './policy.js';
import { chainOf, lockPeriod, type ReportPeriodRow } from './report-form.js';
import { recordReportEvent } from './report-writes.js';

/**
 * Closes (khóa sổ) a period: a leader holding the program's issuing unit.
 * From then on no report of the period changes and the derived figures of
 * its fact month stay as they are for the units that owe it (frozen).
 */
export async function closeReportPeriod(
  ex: Executor,
  actor: Actor,
  periodId: string,
  body: { expectedVersion: number },
  now: Date = new Date(),
): Promise<ReportPeriodRow> {
  return inTransaction(ex, async (tx) => {
    const period = await lockPeriod(tx, periodId);
    const chain = await chainOf(tx, period);
    await requirePeriodClose(tx, actor, chain.unitId, { dataTo: toDateOnly(period.dataTo)! });
    if (period.rowVersion !== body.expectedVersion) throw await staleWrite(tx, 'report_periods', period.id);
    if (period.closedAt) throw new AppError('REPORT_PERIOD_ALREADY_CLOSED');
    const [after] = await tx
      .update(reportPeriods)
      .set({
        closedAt: now,
        closedBy: actor.userId ?? null,
        rowVersion: sql`row_version + 1`,
        updatedAt: now,
        updatedBy: actor.userId ?? null,
      })
      .where(eq(reportPeriods.id, period.id))
      .returning();
    const rows = await tx.select({ id: reports.id }).from(reports).where(eq(reports.periodId, period.id));
    for (const r of rows) await recordReportEvent(tx, actor, r.id, 'period_closed', null, null, now);
    await recordAudit(tx, actor, {
      action: 'report_period.close',
      entityType: 'report_period',
      entityId: period.id,
      unitId: chain.unitId,
      entityLabel: `${chain.title} · ${period.kind} ${toDateOnly(period.dataTo)}`,
      before: { closedAt: null },
      after: { closedAt: now.toISOString() },
    });
    return after!;
  });
}
