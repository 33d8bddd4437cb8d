// Who may see and change a report's attachments (docs/reporting.md): readers of
// the report's unit see them; the unit's CĐCS chair/officer (write scope on
// the period's fact month, as for saving the draft) adds and deletes them
// while the report is editable — a draft or a returned report of an open
// period.
import { eq } from 'drizzle-orm';
import type { Role } from '../../../../common/enums.js';
import type { ReportStatus } from '../../../../common/reports.js';
import type { Executor } from '../../../db/client.js';
import { reportPeriods, reports } from '../../../db/schema/index.js';
import { canReachUnit, canWriteUnit, type Actor } from '../../../lib/access.js';
import { AppError, forbidden, notFound } from '../../../lib/errors.js';

/** Roles that fill in a unit's report (the CĐCS chair is a grassroots_officer). */
export const REPORT_FILLING_ROLES: readonly Role[] = ['grassroots_officer'];

/** Statuses in which the unit may still change its report. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];

export interface AttachmentReport {
  id: string;
  unitId: string;
  status: ReportStatus;
  factMonth: string;
  closed: boolean;
}

async function loadReport(db: Executor, reportId: string, lock: boolean): Promise<AttachmentReport | null> {
  const query = db
    .select({
      id: reports.id,
      unitId: reports.unitId,
      status: reports.status,
      factMonth: reportPeriods.factMonth,
      closedAt: reportPeriods.closedAt,
    })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(eq(reports.id, reportId));
  // The report row is locked so that two uploads do not both pass the count limit, and a submission waits.
  const [row] = lock ? await query.for('update', { of: reports }) : await query;
  if (!row) return null;
  return { id: row.id, unitId: row.unitId, status: row.status as ReportStatus, factMonth: row.factMonth, closed: row.closedAt != null };
}

/** The report when the actor may read it; 404 otherwise (an unreadable report is not revealed). */
export async function requireReportReadable(db: Executor, actor: Actor, reportId: string): Promise<AttachmentReport> {
  const report = await loadReport(db, reportId, false);
  if (!report || !(await canReachUnit(db, actor, report.unitId))) throw notFound();
  return report;
}

/** Inside a transaction: the report, locked, when the actor may change its attachments now. */
export async function requireAttachmentsEditable(tx: Executor, actor: Actor, reportId: string): Promise<AttachmentReport> {
  const report = await loadReport(tx, reportId, true);
  if (!report || !(await canReachUnit(tx, actor, report.unitId))) throw notFound();
  if (!(await canWriteUnit(tx, actor, report.unitId, REPORT_FILLING_ROLES, report.factMonth))) throw forbidden();
  if (report.closed || !EDITABLE_STATUSES.includes(report.status)) throw new AppError('ATTACHMENT_REPORT_NOT_EDITABLE');
  return report;
}
