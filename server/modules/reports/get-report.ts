import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ComplianceState } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, reportAttachments, reportEvents, reportPeriods, reports, users } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import { canReachUnit, inUnitScope, READ_ROLES, type Actor } from '../../lib/access.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { complianceState } from './expected-reports.js';
import { canApproveReport, canReviewReport, canSubmitReport } from './policy.js';
import { buildForm, chainOf, expectedReportOf, type FormSection, type ReportPeriodRow, type ReportRow } from './report-form.js';

export interface ReportAllowed {
  edit: boolean;
  submit: boolean;
  return: boolean;
  approve: boolean;
  reopen: boolean;
}

export interface ReportModel {
  period: ReportPeriodRow;
  program: { id: string; title: string };
  unit: { id: string; code: string; shortName: string; fullName: string };
  report: ReportRow | null;
  state: ComplianceState;
  locked: boolean;
  sections: FormSection[];
  history: {
    action: string;
    actor: { id: string; fullName: string } | null;
    at: Date;
    comment: string | null;
    fieldComments: Record<string, string> | null;
  }[];
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number; createdAt: Date }[];
  allowedActions: ReportAllowed;
}

export type ReportKey = { id: string } | { periodId: string; unitId: string };

/**
 * The actions the actor may take on a report now, by the same policy functions
 * the writes use (docs/reporting.md "Workflow").
 */
export async function allowedReportActions(
  ex: Executor,
  actor: Actor,
  input: { unitId: string; period: ReportPeriodRow; report: Pick<ReportRow, 'status'> | null; owes: boolean },
): Promise<ReportAllowed> {
  const none = { edit: false, submit: false, return: false, approve: false, reopen: false };
  if (input.period.closedAt) return none;
  const status = input.report?.status ?? null;
  const period = { dataTo: toDateOnly(input.period.dataTo)! };
  const editable = input.owes && (status === null || status === 'draft' || status === 'returned');
  const [submitter, reviewer, approver] = await Promise.all([
    editable ? canSubmitReport(ex, actor, input.unitId, period) : false,
    status === 'submitted' || status === 'approved' ? canReviewReport(ex, actor, input.unitId, period) : false,
    status === 'submitted' ? canApproveReport(ex, actor, input.unitId, period) : false,
  ]);
  return {
    edit: editable && submitter,
    submit: editable && submitter && input.report !== null,
    return: status === 'submitted' && reviewer,
    approve: status === 'submitted' && approver,
    reopen: status === 'approved' && reviewer,
  };
}

/**
 * A report by id, or the form of (period, unit) — blank when not started:
 * sections from the program, values, history, attachments and what the reader
 * may do. Readable by whoever reads the unit (docs/scopes.md).
 */
export async function getReport(ex: Executor, actor: Actor, key: ReportKey): Promise<ReportModel> {
  // The report, its period and whether the actor reads the unit, in one statement (a form is read
  // after every save and submission: each round trip counts on a deadline day, docs/load.md).
  const readable = (unit: SQL | AnyPgColumn) => sql<boolean>`coalesce(${inUnitScope(unit, actor, READ_ROLES)}, false)`;
  let report: ReportRow | null;
  let period: ReportPeriodRow;
  let unitId: string;
  if ('id' in key) {
    const [row] = await ex
      .select({ report: reports, period: reportPeriods, readable: readable(reports.unitId) })
      .from(reports)
      .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
      .where(eq(reports.id, key.id));
    if (!row) throw notFound();
    if (!row.readable) throw forbidden();
    ({ report, period } = row);
    unitId = row.report.unitId;
  } else {
    unitId = key.unitId;
    const [row] = await ex
      .select({ period: reportPeriods, report: reports, readable: readable(sql`${unitId}::uuid`) })
      .from(reportPeriods)
      .leftJoin(reports, and(eq(reports.periodId, reportPeriods.id), eq(reports.unitId, unitId)))
      .where(eq(reportPeriods.id, key.periodId));
    // No such period: outside one's scope is answered 403 all the same, as for any unit (docs/scopes.md).
    if (!row) throw (await canReachUnit(ex, actor, unitId, READ_ROLES)) ? notFound() : forbidden();
    if (!row.readable) throw forbidden();
    ({ report, period } = row);
  }
  const expected = await expectedReportOf(ex, period.id, unitId);
  // The unit as the expected report has it; read apart only for a report the unit no longer owes.
  const unit = expected ? pickUnit(expected.unit) : await loadUnit(ex, unitId);
  // A blank form only for a unit that owes the period.
  if (!report && !expected) throw notFound();
  const chain = await chainOf(ex, period);
  const sections = await buildForm(ex, { chain, period, unitId, reportId: report?.id ?? null });
  const [history, attachments] = report ? await Promise.all([historyOf(ex, report.id), attachmentsOf(ex, report.id)]) : [[], []];
  const allowedActions = await allowedReportActions(ex, actor, { unitId, period, report, owes: expected !== null });
  return {
    period,
    program: { id: chain.firstId, title: chain.title },
    unit,
    report,
    state: complianceState((report?.status as never) ?? null, report?.firstSubmittedAt ?? null, toDateOnly(period.dueOn)!),
    locked: period.closedAt != null,
    sections,
    history,
    attachments,
    allowedActions,
  };
}

const pickUnit = ({ id, code, shortName, fullName }: ReportModel['unit']): ReportModel['unit'] => ({ id, code, shortName, fullName });

async function loadUnit(ex: Executor, unitId: string): Promise<ReportModel['unit']> {
  const [unit] = await ex
    .select({ id: orgUnits.id, code: orgUnits.code, shortName: orgUnits.shortName, fullName: orgUnits.fullName })
    .from(orgUnits)
    .where(eq(orgUnits.id, unitId));
  if (!unit) throw notFound();
  return unit;
}

async function historyOf(ex: Executor, reportId: string): Promise<ReportModel['history']> {
  const rows = await ex
    .select({
      action: reportEvents.action,
      actorId: users.id,
      actorName: users.fullName,
      at: reportEvents.at,
      comment: reportEvents.comment,
      fieldComments: reportEvents.fieldComments,
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.actorId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.at));
  return rows.map((h) => ({
    action: h.action,
    actor: h.actorId ? { id: h.actorId, fullName: h.actorName ?? '' } : null,
    at: h.at,
    comment: h.comment,
    fieldComments: h.fieldComments ?? null,
  }));
}

function attachmentsOf(ex: Executor, reportId: string): Promise<ReportModel['attachments']> {
  return ex
    .select({
      id: reportAttachments.id,
      fileName: reportAttachments.fileName,
      mediaType: reportAttachments.mediaType,
      sizeBytes: reportAttachments.sizeBytes,
      createdAt: reportAttachments.createdAt,
    })
    .from(reportAttachments)
    .where(and(eq(reportAttachments.reportId, reportId), isNull(reportAttachments.deletedAt)))
    .orderBy(asc(reportAttachments.createdAt));
}
