// What the reporting cycle's documents read (docs/reporting.md): a period with
// its program in force and issuer, the units that owed a report, the reports
// sent (narratives, difficulties, on time or late), the targets' results at
// the cut-off, and one unit's report with its values. Reads only.
import { sql } from 'drizzle-orm';
import { vietnamDay, vietnamDayEnd } from '../../../common/format.js';
import type { ProgramContent } from '../../../common/programs.js';
import type { ReportKind, ReportStatus } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { notFound } from '../../lib/errors.js';
import { computeTargets, type TargetProgress } from '../indicators/compute-targets.js';

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
 * Who owed the period (valid on the cut-off, of the schedule's unit kinds, in
 * the issuer's subtree on the cut-off; docs/reporting.md "Who owes a report")
 * and what they sent.
 */
export async function loadPeriodCompliance(db: Executor, ctx: PeriodContext): Promise<PeriodCompliance> {
  const { period, program } = ctx;
  const [schedule] = await queryRows<{ unit_kinds: string[] }>(
    db,
    sql`select unit_kinds from report_schedules where program_id = ${ctx.firstProgramId}::uuid`,
  );
  const kinds = schedule?.unit_kinds ?? ['grassroots_union'];
  const expected = await queryRows<{ id: string; short_name: string }>(
    db,
    sql`select u.id, u.short_name from org_units u
        join org_unit_paths p on p.descendant_id = u.id and p.ancestor_id = ${program.unitId}::uuid
          and p.valid_from <= ${period.dataTo}::date and p.valid_to >= ${period.dataTo}::date
        where u.kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
          and u.valid_from <= ${period.dataTo}::date and (u.valid_to is null or u.valid_to >= ${period.dataTo}::date)
        order by u.short_name, u.id`,
  );
  const rows = await queryRows<{
    id: string;
    unit_id: string;
    short_name: string;
    status: ReportStatus;
    narratives: Record<string, string>;
    difficulties: string | null;
    first_submitted_at: unknown;
  }>(
    db,
    sql`select r.id, r.unit_id, u.short_name, r.status, r.narratives, r.difficulties, r.first_submitted_at
        from reports r join org_units u on u.id = r.unit_id
        where r.period_id = ${period.id}::uuid order by u.short_name, u.id`,
  );
  const deadline = vietnamDayEnd(period.dueOn).getTime();
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const sent: SentReport[] = rows
    .filter((r) => r.status === 'submitted' || r.status === 'approved')
    .map((r) => ({
      reportId: r.id,
      unitId: r.unit_id,
      unitName: r.short_name,
      status: r.status,
      narratives: r.narratives ?? {},
      difficulties: r.difficulties,
      onTime: r.first_submitted_at !== null && new Date(r.first_submitted_at as string).getTime() < deadline,
    }));
  const late: string[] = [];
  const missing: string[] = [];
  for (const unit of expected) {
    const report = byUnit.get(unit.id);
    if (!report || report.first_submitted_at === null) missing.push(unit.short_name);
    else if (new Date(report.first_submitted_at as string).getTime() >= deadline) late.push(unit.short_name);
  }
  return { expected: expected.map((u) => ({ unitId: u.id, unitName: u.short_name })), sent, late, missing };
}

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
