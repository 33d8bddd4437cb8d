// A program's reporting periods (kỳ báo cáo, docs/reporting.md "Schedule"):
// the defaults, the program's first version (the key every version shares),
// and the periods made real in report_periods the first time anyone needs
// them (a form, the due list, the board), so every period has an id.
import { sql } from 'drizzle-orm';
import { DEFAULT_SCHEDULE, type ReportKind } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { reportPeriods } from '../../db/schema/index.js';
import { queryRows, toDateOnly } from '../../db/sql.js';

export interface PeriodDates {
  kind: ReportKind;
  dataFrom: string;
  dataTo: string;
  dueOn: string;
}

/** The month the period's figures are written as facts of: the month of its cut-off. */
export function factMonthOf(dataTo: string): string {
  return `${dataTo.slice(0, 7)}-01`;
}

/** Default periods of a program's year: 12 months (due the 25th), half-year and year (common/reports.ts DEFAULT_SCHEDULE). */
export function defaultPeriods(year: number): PeriodDates[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const due = pad(DEFAULT_SCHEDULE.monthlyDueDay);
  const months: PeriodDates[] = Array.from({ length: 12 }, (_, i) => ({
    kind: 'monthly' as const,
    dataFrom: `${year}-${pad(i + 1)}-01`,
    dataTo: `${year}-${pad(i + 1)}-${due}`,
    dueOn: `${year}-${pad(i + 1)}-${due}`,
  }));
  return [
    ...months,
    {
      kind: 'half_year',
      dataFrom: `${year}-01-01`,
      dataTo: `${year}-${DEFAULT_SCHEDULE.halfYear.dataTo}`,
      dueOn: `${year}-${DEFAULT_SCHEDULE.halfYear.dueOn}`,
    },
    {
      kind: 'year',
      dataFrom: `${year}-01-01`,
      dataTo: `${year}-${DEFAULT_SCHEDULE.year.dataTo}`,
      dueOn: `${year}-${DEFAULT_SCHEDULE.year.dueOn}`,
    },
  ];
}

export interface ProgramChain {
  /** The first version's id: the key of the schedule and the periods. */
  firstId: string;
  unitId: string;
  year: number;
  /** Title of the version in force (the latest issued one, else the latest). */
  title: string;
  versions: {
    id: string;
    version: number;
    status: string;
    issuedOn: string | null;
    title: string;
    /** The version's task groups (nhóm nhiệm vụ), number and title, in the program's order: the report form's sections. */
    taskGroups: { number: number; title: string }[];
  }[];
}

/** Every version of the program the given version belongs to, oldest first; null when unknown. */
export async function programChain(ex: Executor, programId: string): Promise<ProgramChain | null> {
  const rows = await queryRows<{
    id: string;
    version: number;
    status: string;
    issued_on: unknown;
    title: string;
    unit_id: string;
    year: number;
    previous_version_id: string | null;
    task_groups: Array<{ number: unknown; title: unknown }> | null;
  }>(
    ex,
    sql`with recursive up as (
          select id, previous_version_id from programs where id = ${programId}::uuid
          union all
          select p.id, p.previous_version_id from programs p join up on p.id = up.previous_version_id),
        root as (select id from up where previous_version_id is null),
        down as (
          select p.* from programs p where p.id in (select id from root)
          union all
          select p.* from programs p join down on p.previous_version_id = down.id)
        select id, version, status, issued_on, title, unit_id, year, previous_version_id,
          (select jsonb_agg(jsonb_build_object('number', g->'number', 'title', g->'title') order by n)
            from jsonb_array_elements(case when jsonb_typeof(content->'taskGroups') = 'array' then content->'taskGroups' else '[]'::jsonb end)
              with ordinality as x(g, n)) as task_groups
        from down order by version`,
  );
  const first = rows[0];
  if (!first) return null;
  const versions = rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    status: r.status,
    issuedOn: toDateOnly(r.issued_on),
    title: r.title,
    taskGroups: (r.task_groups ?? []).map((g) => ({ number: Number(g.number), title: String(g.title) })),
  }));
  const inForce = [...versions].reverse().find((v) => v.status === 'issued') ?? versions[versions.length - 1]!;
  return { firstId: first.id, unitId: first.unit_id, year: Number(first.year), title: inForce.title, versions };
}

/** The version whose targets a period's form is built from: the latest issued (or superseded) on or before the deadline, else the one in force. */
export function versionForPeriod(chain: ProgramChain, dueOn: string): string {
  const issued = chain.versions.filter((v) => v.status === 'issued' || v.status === 'superseded');
  const before = issued.filter((v) => v.issuedOn != null && v.issuedOn <= dueOn);
  return (before[before.length - 1] ?? issued[issued.length - 1] ?? chain.versions[chain.versions.length - 1]!).id;
}

/** True when some version of the program has been issued (a draft has no schedule in force). */
export function chainIssued(chain: ProgramChain): boolean {
  return chain.versions.some((v) => v.status === 'issued' || v.status === 'superseded');
}

/**
 * Makes the default periods real for a program (keyed by its first version)
 * that has none yet; idempotent (the unique key on program, kind and start).
 */
export async function ensureReportPeriods(ex: Executor, firstProgramId: string, year: number): Promise<void> {
  const [row] = await queryRows<{ ok: boolean }>(
    ex,
    sql`select exists (select 1 from report_periods where program_id = ${firstProgramId}::uuid) as ok`,
  );
  if (row?.ok) return;
  await ex
    .insert(reportPeriods)
    .values(defaultPeriods(year).map((p) => ({ ...p, programId: firstProgramId, factMonth: factMonthOf(p.dataTo) })))
    .onConflictDoNothing();
}

/** Issued programs above the given units (their issuing unit is an ancestor during the program's year): first version id and year. */
export async function programsAboveUnits(ex: Executor, unitIds: readonly string[], year?: number): Promise<{ id: string; year: number }[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<{ id: string; year: number }>(
    ex,
    sql`select distinct p.id, p.year from programs p
        where p.previous_version_id is null
          ${year ? sql`and p.year = ${year}` : sql``}
          and exists (select 1 from org_unit_paths op where op.ancestor_id = p.unit_id and op.depth > 0
            and op.descendant_id in (${sql.join(
              unitIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
            and op.valid_from <= make_date(p.year, 12, 31) and op.valid_to >= make_date(p.year, 1, 1))
          and exists (with recursive down as (
              select q.id, q.status from programs q where q.id = p.id
              union all
              select q.id, q.status from programs q join down on q.previous_version_id = down.id)
            select 1 from down where down.status in ('issued', 'superseded'))`,
  );
  return rows.map((r) => ({ id: r.id, year: Number(r.year) }));
}
