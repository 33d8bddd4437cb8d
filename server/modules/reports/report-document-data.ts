// What the reporting cycle's documents read (docs/reporting.md): a period with
// its program in force and issuer, the units that owed a report, the reports
// sent (narratives, difficulties, on time or late), the targets' results at
// the cut-off, and one unit's report with its values. Reads only.
import { sql } from 'drizzle-orm';
import { vietnamDay } from '../../../common/format.js';
import type { ProgramContent } from '../../../common/programs.js';
import type { ReportKind, ReportStatus } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { notFound } from '../../lib/errors.js';
import { computeTargets, type TargetProgress } from '../indicators/compute-targets.js';
import { isSubmittedOnTime, listExpectedReports } from './expected-reports.js';

export interface PeriodContext {
  period: { id: string; kind: ReportKind; dataFrom: string; dataTo: string; dueOn: string; factMonth: string; closedAt: string | null };
  /** The program's first version: the schedule's key. */
  firstProgramId: string;
  /** The version in force (newest issued one, else the first). */
  program: {
    id: string;
    unitId: string;
    year: number;
    symbol: string;
    place: string;
    title: string;
    superiorBodyName: string | null;
    issuingBodyName: string;
    signatureAuthority: string;
    signerTitle: string;
    signerName: string;
    content: ProgramContent;
  };
}

export async function loadPeriodContext(db: Executor, periodId: string): Promise<PeriodContext> {
  const [period] = await queryRows<{
    id: string;
    program_id: string;
    kind: ReportKind;
    data_from: unknown;
    data_to: unknown;
    due_on: unknown;
    fact_month: unknown;
    closed_at: unknown;
  }>(
    db,
    sql`select id, program_id, kind, data_from, data_to, due_on, fact_month, closed_at from report_periods where id = ${periodId}::uuid`,
  );
  if (!period) throw notFound();
  const [program] = await queryRows<PeriodContext['program'] & { unit_id: string; superior_body_name: string | null }>(
    db,
    sql`with recursive chain as (
          select p.* from programs p where p.id = ${period.program_id}::uuid
          union all
          select p.* from programs p join chain c on p.previous_version_id = c.id)
        select id, unit_id, year, symbol, place, title, superior_body_name, issuing_body_name as "issuingBodyName",
          signature_authority as "signatureAuthority", signer_title as "signerTitle", signer_name as "signerName", content
        from chain order by (status <> 'draft') desc, version desc limit 1`,
  );
  return {
    period: {
      id: period.id,
      kind: period.kind,
      dataFrom: toDateOnly(period.data_from)!,
      dataTo: toDateOnly(period.data_to)!,
      dueOn: toDateOnly(period.due_on)!,
      factMonth: toDateOnly(period.fact_month)!,
      closedAt: period.closed_at ? String(period.closed_at) : null,
    },
    firstProgramId: period.program_id,
    program: { ...program!, unitId: program!.unit_id, superiorBodyName: program!.superior_body_name },
  };
}

export interface SentReport {
  reportId: string;
  unitId: string;
  unitName: string;
  status: ReportStatus;
  narratives: Record<string, string>;
  difficulties: string | null;
  onTime: boolean;
}

export interface PeriodCompliance {
  expected: { unitId: string; unitName: string }[];
  /** Reports submitted at least once and counting now (submitted or approved), in unit order. */
  sent: SentReport[];
  late: string[];
  missing: string[];
}

/**
 * Who owed the period and what they sent: the expected reports of the period
 * (listExpectedReports, the one rule of docs/reporting.md "Who owes a report"),
 * late by isSubmittedOnTime, missing when never submitted; narratives and
 * difficulties of the reports that count now (submitted or approved).
 */
export async function loadPeriodCompliance(db: Executor, ctx: PeriodContext): Promise<PeriodCompliance> {
  const expected = await listExpectedReports(db, { periodIds: [ctx.period.id] });
  expected.sort((a, b) => collator.compare(a.unit.shortName, b.unit.shortName) || a.unit.code.localeCompare(b.unit.code));
  const counting = expected.filter((e) => e.report && (e.report.status === 'submitted' || e.report.status === 'approved'));
  const texts = counting.length
    ? await queryRows<{ id: string; narratives: Record<string, string>; difficulties: string | null }>(
        db,
        sql`select id, narratives, difficulties from reports where id in (${sql.join(
          counting.map((e) => sql`${e.report!.id}::uuid`),
          sql`, `,
        )})`,
      )
    : [];
  const byId = new Map(texts.map((r) => [r.id, r]));
  const sent: SentReport[] = counting.map((e) => ({
    reportId: e.report!.id,
    unitId: e.unit.id,
    unitName: e.unit.shortName,
    status: e.report!.status,
    narratives: byId.get(e.report!.id)?.narratives ?? {},
    difficulties: byId.get(e.report!.id)?.difficulties ?? null,
    onTime:
      e.state !== 'submitted_late' && e.report!.firstSubmittedAt !== null && isSubmittedOnTime(e.report!.firstSubmittedAt, e.period.dueOn),
  }));
  const late = expected
    .filter((e) => e.report?.firstSubmittedAt && !isSubmittedOnTime(e.report.firstSubmittedAt, e.period.dueOn))
    .map((e) => e.unit.shortName);
  const missing = expected.filter((e) => !e.report?.firstSubmittedAt).map((e) => e.unit.shortName);
  return { expected: expected.map((e) => ({ unitId: e.unit.id, unitName: e.unit.shortName })), sent, late, missing };
}

const collator = new Intl.Collator('vi');

/** The program's targets with their results at the period's cut-off (the dashboard's engine). */
export async function loadTargetResults(
  db: Executor,
  ctx: PeriodContext,
): Promise<(TargetProgress & { taskGroupNumber: number | null })[]> {
  const [holder] = await queryRows<{ program_id: string }>(
    db,
    sql`with recursive chain as (
          select p.id, p.version from programs p where p.id = ${ctx.firstProgramId}::uuid
          union all
          select p.id, p.version from programs p join chain c on p.previous_version_id = c.id)
        select t.program_id from targets t join chain c on c.id = t.program_id order by c.version desc limit 1`,
  );
  if (!holder) return [];
  const items = await computeTargets(db, { programId: holder.program_id }, ctx.period.dataTo);
  const groups = await queryRows<{ id: string; task_group_number: number | null }>(
    db,
    sql`select id, task_group_number from targets where program_id = ${holder.program_id}::uuid`,
  );
  const groupOf = new Map(groups.map((g) => [g.id, g.task_group_number]));
  return items.map((t) => ({ ...t, taskGroupNumber: groupOf.get(t.targetId) ?? null }));
}

export interface UnitReportDocumentData {
  id: string;
  periodId: string;
  status: ReportStatus;
  unit: { id: string; fullName: string; shortName: string; parentName: string | null };
  narratives: Record<string, string>;
  difficulties: string | null;
  submittedOn: string | null;
  submitterName: string | null;
  values: {
    label: string;
    valueType: string;
    number: number | null;
    bool: boolean | null;
    text: string | null;
    notApplicable: boolean;
    notApplicableReason: string | null;
  }[];
}

export async function loadUnitReport(db: Executor, reportId: string): Promise<UnitReportDocumentData> {
  const [r] = await queryRows<{
    id: string;
    period_id: string;
    status: ReportStatus;
    unit_id: string;
    full_name: string;
    short_name: string;
    parent_name: string | null;
    narratives: Record<string, string>;
    difficulties: string | null;
    submitted_at: unknown;
    submitter: string | null;
  }>(
    db,
    sql`select r.id, r.period_id, r.status, r.unit_id, u.full_name, u.short_name, r.narratives, r.difficulties, r.submitted_at,
          su.full_name as submitter,
          (select pu.full_name from org_unit_parents op join org_units pu on pu.id = op.parent_id
            where op.unit_id = u.id order by op.valid_from desc limit 1) as parent_name
        from reports r join org_units u on u.id = r.unit_id left join users su on su.id = r.submitted_by
        where r.id = ${reportId}::uuid`,
  );
  if (!r) throw notFound();
  const values = await queryRows<{
    label: string;
    value_type: string;
    value_number: string | null;
    value_bool: boolean | null;
    value_text: string | null;
    not_applicable: boolean;
    not_applicable_reason: string | null;
  }>(
    db,
    sql`select de.name_vi as label, de.value_type, v.value_number, v.value_bool, v.value_text, v.not_applicable, v.not_applicable_reason
        from report_values v join data_elements de on de.id = v.data_element_id
        where v.report_id = ${reportId}::uuid order by de.code`,
  );
  return {
    id: r.id,
    periodId: r.period_id,
    status: r.status,
    unit: { id: r.unit_id, fullName: r.full_name, shortName: r.short_name, parentName: r.parent_name },
    narratives: r.narratives ?? {},
    difficulties: r.difficulties,
    submittedOn: r.submitted_at ? vietnamDay(new Date(r.submitted_at as string)) : null,
    submitterName: r.submitter,
    values: values.map((v) => ({
      label: v.label,
      valueType: v.value_type,
      number: v.value_number === null ? null : Number(v.value_number),
      bool: v.value_bool,
      text: v.value_text,
      notApplicable: v.not_applicable,
      notApplicableReason: v.not_applicable_reason,
    })),
  };
}
