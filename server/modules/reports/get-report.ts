import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ComplianceState } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, reportPeriods, reports } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import { canReachUnit, inUnitScope, READ_ROLES, type Actor } from '../../lib/access.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { complianceState, type ExpectedReport } from './expected-reports.js';
import { canApproveReport, canReviewReport, canSubmitReport } from './policy.js';
import {
  buildForm,
  chainOf,
  expectedReportOf,
  type FormSection,
  type FormValue,
  type ReportPeriodRow,
  type ReportRow,
} from './report-form.js';
import type { ProgramChain } from './report-periods.js';

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
  input: {
    unitId: string;
    period: ReportPeriodRow;
    report: Pick<ReportRow, 'status'> | null;
    owes: boolean;
    /** canSubmitReport's answer when the caller has just checked it (a save): not asked again. */
    submitter?: boolean;
  },
): Promise<ReportAllowed> {
  const none = { edit: false, submit: false, return: false, approve: false, reopen: false };
  if (input.period.closedAt) return none;
  const status = input.report?.status ?? null;
  const period = { dataTo: toDateOnly(input.period.dataTo)! };
  const editable = input.owes && (status === null || status === 'draft' || status === 'returned');
  const [submitter, reviewer, approver] = await Promise.all([
    editable ? (input.submitter ?? canSubmitReport(ex, actor, input.unitId, period)) : false,
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
  // The report, its period, whether the actor reads the unit, and the report's history and
  // attachments, in one statement (a form is opened before every save: each round trip counts on a
  // deadline day, docs/load.md).
  const readable = (unit: SQL | AnyPgColumn) => sql<boolean>`coalesce(${inUnitScope(unit, actor, READ_ROLES)}, false)`;
  let row: { report: ReportRow | null; period: ReportPeriodRow } & ReportExtrasRow;
  let unitId: string;
  if ('id' in key) {
    const [found] = await ex
      .select({ report: reports, period: reportPeriods, readable: readable(reports.unitId), ...reportExtras() })
      .from(reports)
      .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
      .where(eq(reports.id, key.id));
    if (!found) throw notFound();
    if (!found.readable) throw forbidden();
    row = found;
    unitId = found.report.unitId;
  } else {
    unitId = key.unitId;
    const [found] = await ex
      .select({ period: reportPeriods, report: reports, readable: readable(sql`${unitId}::uuid`), ...reportExtras() })
      .from(reportPeriods)
      .leftJoin(reports, and(eq(reports.periodId, reportPeriods.id), eq(reports.unitId, unitId)))
      .where(eq(reportPeriods.id, key.periodId));
    // No such period: outside one's scope is answered 403 all the same, as for any unit (docs/scopes.md).
    if (!found) throw (await canReachUnit(ex, actor, unitId, READ_ROLES)) ? notFound() : forbidden();
    if (!found.readable) throw forbidden();
    row = found;
  }
  const { report, period } = row;
  const expected = await expectedReportOf(ex, period.id, unitId);
  // A blank form only for a unit that owes the period.
  if (!report && !expected) throw notFound();
  const chain = await chainOf(ex, period);
  const sections = await buildForm(ex, { chain, period, unitId, reportId: report?.id ?? null });
  // The unit as the expected report has it; read apart only for a report the unit no longer owes.
  const unit = expected ? pickUnit(expected.unit) : await loadUnit(ex, unitId);
  return assembleReport(ex, actor, { report, period, unit, expected, chain, sections, extras: row });
}

/**
 * The report as its writer sees it right after a save or a submission, built
 * in the write's own transaction from what the write already holds (period,
 * expected report, program chain, and the form when the write did not change
 * what it shows): the report row with its history and attachments in one
 * statement, instead of the 9–11 of a getReport after commit.
 */
export async function reportAfterWrite(
  tx: Executor,
  actor: Actor,
  input: {
    reportId: string;
    period: ReportPeriodRow;
    expected: ExpectedReport;
    chain: ProgramChain;
    /** The form as saved (a draft: its values as typed, no fact changed); rebuilt when absent (a submission's facts). */
    sections?: FormSection[];
    /** The report's values as just written, for a rebuilt form (not read back). */
    typed?: Map<string, FormValue>;
    submitter?: boolean;
  },
): Promise<ReportModel> {
  const [row] = await tx
    .select({ report: reports, ...reportExtras() })
    .from(reports)
    .where(eq(reports.id, input.reportId));
  if (!row) throw notFound();
  const { report, period, expected, chain } = { ...input, report: row.report };
  const sections =
    input.sections ??
    (await buildForm(tx, { chain, period, unitId: report.unitId, reportId: report.id, ...(input.typed ? { typed: input.typed } : {}) }));
  return assembleReport(tx, actor, {
    report,
    period,
    unit: pickUnit(expected.unit),
    expected,
    chain,
    sections,
    extras: row,
    ...(input.submitter !== undefined ? { submitter: input.submitter } : {}),
  });
}

async function assembleReport(
  ex: Executor,
  actor: Actor,
  input: {
    report: ReportRow | null;
    period: ReportPeriodRow;
    unit: ReportModel['unit'];
    expected: ExpectedReport | null;
    chain: ProgramChain;
    sections: FormSection[];
    extras: ReportExtrasRow;
    submitter?: boolean;
  },
): Promise<ReportModel> {
  const { report, period, unit, chain, sections } = input;
  const allowedActions = await allowedReportActions(ex, actor, {
    unitId: unit.id,
    period,
    report,
    owes: input.expected !== null,
    ...(input.submitter !== undefined ? { submitter: input.submitter } : {}),
  });
  return {
    period,
    program: { id: chain.firstId, title: chain.title },
    unit,
    report,
    state: complianceState((report?.status as never) ?? null, report?.firstSubmittedAt ?? null, toDateOnly(period.dueOn)!),
    locked: period.closedAt != null,
    sections,
    history: report ? historyOf(input.extras.history) : [],
    attachments: report ? attachmentsOf(input.extras.attachments) : [],
    allowedActions,
  };
}

interface ReportExtrasRow {
  history: Array<{
    action: string;
    actorId: string | null;
    actorName: string | null;
    at: string;
    comment: string | null;
    fieldComments: Record<string, string> | null;
  }> | null;
  attachments: Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number | string; createdAt: string }> | null;
}

/**
 * The report's history (oldest first) and live attachments, as JSON columns of
 * the statement that reads the report from `reports` (its id written qualified:
 * drizzle leaves a one-table select's columns bare, and a bare `id` inside the
 * subqueries would name theirs).
 */
function reportExtras() {
  const reportId = sql.raw('"reports"."id"');
  return {
    history: sql<ReportExtrasRow['history']>`(select json_agg(json_build_object('action', e.action, 'actorId', u.id,
        'actorName', u.full_name, 'at', e.at, 'comment', e.comment, 'fieldComments', e.field_comments) order by e.at)
      from report_events e left join users u on u.id = e.actor_id where e.report_id = ${reportId})`,
    attachments: sql<ReportExtrasRow['attachments']>`(select json_agg(json_build_object('id', a.id, 'fileName', a.file_name,
        'mediaType', a.media_type, 'sizeBytes', a.size_bytes, 'createdAt', a.created_at) order by a.created_at)
      from report_attachments a where a.report_id = ${reportId} and a.deleted_at is null)`,
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

function historyOf(rows: ReportExtrasRow['history']): ReportModel['history'] {
  return (rows ?? []).map((h) => ({
    action: h.action,
    actor: h.actorId ? { id: h.actorId, fullName: h.actorName ?? '' } : null,
    at: new Date(h.at),
    comment: h.comment,
    fieldComments: h.fieldComments ?? null,
  }));
}

function attachmentsOf(rows: ReportExtrasRow['attachments']): ReportModel['attachments'] {
  return (rows ?? []).map((a) => ({ ...a, sizeBytes: Number(a.sizeBytes), createdAt: new Date(a.createdAt) }));
}
