// Report rows as the API shows them (decision 0009: use-cases return rows, routes present).
import type { z } from 'zod';
import type { OrgUnitKind } from '../../../common/enums.js';
import type { ReportAction, ReportKind, ReportStatus } from '../../../common/reports.js';
import { toDateOnly, toIso } from '../../db/sql.js';
import type { ExpectedReport } from './expected-reports.js';
import type { ReportSchedule } from './get-report-schedule.js';
import type { ReportModel } from './get-report.js';
import type { ReportPeriodRow } from './report-form.js';
import type { DueReportView, ReportPeriodView, ReportScheduleView, ReportView } from './schemas.js';

type Out<T extends z.ZodType> = z.input<T>;

export function presentPeriod(p: ReportPeriodRow | ExpectedReport['period']): Out<typeof ReportPeriodView> {
  return {
    id: p.id,
    programId: p.programId,
    kind: p.kind as ReportKind,
    dataFrom: toDateOnly(p.dataFrom)!,
    dataTo: toDateOnly(p.dataTo)!,
    dueOn: toDateOnly(p.dueOn)!,
    factMonth: toDateOnly(p.factMonth)!,
    closedAt: p.closedAt == null ? null : toIso(p.closedAt),
    rowVersion: p.rowVersion,
  };
}

export function presentSchedule(s: ReportSchedule): Out<typeof ReportScheduleView> {
  return {
    programId: s.programId,
    saved: s.saved,
    unitKinds: s.unitKinds as OrgUnitKind[],
    periods: s.periods.map(presentPeriod),
    rowVersion: s.rowVersion,
  };
}

export function presentDue(r: ExpectedReport): Out<typeof DueReportView> {
  return {
    period: presentPeriod(r.period),
    programId: r.program.id,
    programTitle: r.program.title,
    unit: { id: r.unit.id, code: r.unit.code, shortName: r.unit.shortName },
    reportId: r.report?.id ?? null,
    status: r.report?.status ?? null,
    state: r.state,
    overdue: r.overdue,
    locked: r.locked,
    reviewComment: r.report?.reviewComment ?? null,
  };
}

const iso = (v: Date | string | null | undefined) => (v == null ? null : toIso(v));

export function presentReport(m: ReportModel): Out<typeof ReportView> {
  return {
    id: m.report?.id ?? null,
    period: presentPeriod(m.period),
    programId: m.program.id,
    programTitle: m.program.title,
    unit: m.unit,
    status: (m.report?.status as ReportStatus | undefined) ?? null,
    state: m.state,
    locked: m.locked,
    sections: m.sections.map((s) => ({
      taskGroupNumber: s.taskGroupNumber,
      title: s.title,
      fields: s.fields.map((f) => ({
        dataElementId: f.dataElementId,
        code: f.code,
        label: f.label,
        help: f.help,
        valueType: f.valueType,
        wholeNumber: f.wholeNumber,
        allowsNotApplicable: f.allowsNotApplicable,
        gradeOptions: f.gradeOptions,
        derived: f.derived,
        derivedFrom: f.derivedFrom,
        records: f.records,
        upperBound: f.upperBound,
        upperBoundLabel: f.upperBoundLabel,
        upperBoundElementId: f.upperBoundElementId,
        upperBoundAddend: f.upperBoundAddend,
        value: f.value,
      })),
    })),
    narratives: m.report?.narratives ?? {},
    difficulties: m.report?.difficulties ?? null,
    reviewComment: m.report?.reviewComment ?? null,
    fieldComments: m.report?.fieldComments ?? {},
    history: m.history.map((h) => ({
      action: h.action as ReportAction,
      actor: h.actor,
      at: toIso(h.at),
      comment: h.comment,
      fieldComments: h.fieldComments,
    })),
    attachments: m.attachments.map((a) => ({ ...a, createdAt: toIso(a.createdAt) })),
    allowedActions: m.allowedActions,
    firstSubmittedAt: iso(m.report?.firstSubmittedAt),
    submittedAt: iso(m.report?.submittedAt),
    approvedAt: iso(m.report?.approvedAt),
    rowVersion: m.report?.rowVersion ?? null,
  };
}
