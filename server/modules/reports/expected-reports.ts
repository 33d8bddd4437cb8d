// WHO OWES WHAT (docs/reporting.md "Schedule"): the expected reports of a
// program's periods, each unit that owes one joined to its report if any, with
// the compliance state (not started, draft, submitted on time / late, returned,
// approved). The due list, the compliance board, the reminders and the
// workflow's "is this report due" check all read it, so one rule decides.
import { sql, type SQL } from 'drizzle-orm';
import type { ComplianceState, ReportKind, ReportStatus } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly, toIso } from '../../db/sql.js';
import { inUnitScopeHashed, type Actor } from '../../lib/access.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The deadline instant of a period: 24:00 of its due day in Vietnam (UTC+7, no daylight saving). */
export function reportDeadline(dueOn: string): Date {
  return new Date(new Date(`${dueOn}T00:00:00+07:00`).getTime() + DAY_MS);
}

/** On time: the FIRST submission before 24:00 (UTC+7) of the due day. */
export function isSubmittedOnTime(firstSubmittedAt: Date | string, dueOn: string): boolean {
  return new Date(firstSubmittedAt).getTime() < reportDeadline(dueOn).getTime();
}

/** The compliance state of an expected report from its stored status (null: not started). */
export function complianceState(status: ReportStatus | null, firstSubmittedAt: Date | string | null, dueOn: string): ComplianceState {
  switch (status) {
    case null:
      return 'not_started';
    case 'draft':
      return 'draft';
    case 'returned':
      return 'returned';
    case 'approved':
      return 'approved';
    case 'submitted':
      return firstSubmittedAt && !isSubmittedOnTime(firstSubmittedAt, dueOn) ? 'submitted_late' : 'submitted_on_time';
  }
}

/** Overdue: past the deadline and still not sent (not started, draft or returned). */
export function isOverdue(state: ComplianceState, dueOn: string, now: Date = new Date()): boolean {
  return (state === 'not_started' || state === 'draft' || state === 'returned') && now.getTime() >= reportDeadline(dueOn).getTime();
}

/**
 * SQL condition "unit `unit` owes the period `p`" (p: an alias of
 * report_periods): on the cut-off (data_to) the unit is valid, of one of the
 * schedule's unit kinds (default grassroots unions), and strictly below the
 * program's issuing unit (org_unit_paths on that day).
 */
export function owesPeriod(unit: SQL, p: SQL): SQL {
  return sql`exists (select 1 from org_units ou
    join programs opr on opr.id = ${p}.program_id
    join org_unit_paths oop on oop.ancestor_id = opr.unit_id and oop.descendant_id = ou.id and oop.depth > 0
      and oop.valid_from <= ${p}.data_to and oop.valid_to >= ${p}.data_to
    where ou.id = ${unit}
      and ou.valid_from <= ${p}.data_to and (ou.valid_to is null or ou.valid_to >= ${p}.data_to)
      and coalesce((select rs.unit_kinds from report_schedules rs where rs.program_id = ${p}.program_id), '["grassroots_union"]'::jsonb)
        @> jsonb_build_array(ou.kind))`;
}

export interface ExpectedReportsFilter {
  periodIds?: readonly string[];
  /** The program's first version id (report_periods.program_id). */
  programIds?: readonly string[];
  /** Only these units. */
  unitIds?: readonly string[];
  /** Only units in this unit's subtree on the period's cut-off (the unit itself included). */
  underUnitId?: string;
  /** Only units the actor may read (docs/scopes.md). */
  readableBy?: Actor;
  kinds?: readonly ReportKind[];
  /** Periods due on or after / on or before these days. */
  dueFrom?: string;
  dueTo?: string;
  /** Periods whose data start on or before this day (periods that have begun). */
  startedBy?: string;
  /** "now" for overdue (tests). */
  now?: Date;
}

export interface ExpectedReport {
  period: {
    id: string;
    programId: string;
    kind: ReportKind;
    dataFrom: string;
    dataTo: string;
    dueOn: string;
    factMonth: string;
    closedAt: string | null;
    rowVersion: number;
  };
  program: { id: string; unitId: string; title: string };
  unit: { id: string; code: string; shortName: string; fullName: string; kind: string };
  /** The unit's parent on the cut-off. */
  parent: { id: string; shortName: string } | null;
  report: {
    id: string;
    status: ReportStatus;
    firstSubmittedAt: string | null;
    submittedAt: string | null;
    approvedAt: string | null;
    reviewComment: string | null;
    rowVersion: number;
  } | null;
  state: ComplianceState;
  overdue: boolean;
  locked: boolean;
}

interface Row {
  period_id: string;
  program_id: string;
  kind: ReportKind;
  data_from: unknown;
  data_to: unknown;
  due_on: unknown;
  fact_month: unknown;
  closed_at: unknown;
  period_version: number;
  program_unit_id: string;
  program_title: string;
  unit_id: string;
  unit_code: string;
  unit_short_name: string;
  unit_full_name: string;
  unit_kind: string;
  parent_id: string | null;
  parent_short_name: string | null;
  report_id: string | null;
  status: ReportStatus | null;
  first_submitted_at: unknown;
  submitted_at: unknown;
  approved_at: unknown;
  review_comment: string | null;
  report_version: number | null;
}

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Every (period, unit) that owes a report under the filter, joined to the
 * report when one exists, ordered by deadline then unit code. One query.
 */
export async function listExpectedReports(ex: Executor, filter: ExpectedReportsFilter = {}): Promise<ExpectedReport[]> {
  const where: SQL[] = [sql`true`];
  if (filter.periodIds) where.push(filter.periodIds.length ? sql`p.id in (${uuidList(filter.periodIds)})` : sql`false`);
  if (filter.programIds) where.push(filter.programIds.length ? sql`p.program_id in (${uuidList(filter.programIds)})` : sql`false`);
  // Given units: only their closure rows are read (op.descendant_id = u.id), first, by descendant
  // (a materialized CTE). Joined to the program's unit, the planner read the ancestor's whole range
  // of the closure index instead (17 ms for one CĐCS under a national program of 126,000 units; it
  // cannot see how many descendants the program's unit has).
  const unitIds = filter.unitIds;
  if (unitIds?.length === 0) where.push(sql`false`);
  const closure = unitIds?.length
    ? sql`with op_rows as materialized (
        select ancestor_id, descendant_id, valid_from, valid_to, depth from org_unit_paths
        where descendant_id in (${uuidList(unitIds)}))`
    : sql``;
  const paths = unitIds?.length ? sql`op_rows` : sql`org_unit_paths`;
  if (filter.kinds)
    where.push(
      filter.kinds.length
        ? sql`p.kind in (${sql.join(
            filter.kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (filter.dueFrom) where.push(sql`p.due_on >= ${filter.dueFrom}::date`);
  if (filter.dueTo) where.push(sql`p.due_on <= ${filter.dueTo}::date`);
  if (filter.startedBy) where.push(sql`p.data_from <= ${filter.startedBy}::date`);
  if (filter.underUnitId)
    where.push(sql`exists (select 1 from org_unit_paths sp where sp.ancestor_id = ${filter.underUnitId}::uuid and sp.descendant_id = u.id
      and sp.valid_from <= p.data_to and sp.valid_to >= p.data_to)`);
  // Many units are tested (a program's whole board): the scope is hashed once rather than probed per unit.
  if (filter.readableBy) where.push(inUnitScopeHashed(sql`u.id`, filter.readableBy));
  const rows = await queryRows<Row>(
    ex,
    sql`${closure} select p.id as period_id, p.program_id, p.kind, p.data_from, p.data_to, p.due_on, p.fact_month, p.closed_at,
          p.row_version as period_version, pr.unit_id as program_unit_id, pr.title as program_title,
          u.id as unit_id, u.code as unit_code, u.short_name as unit_short_name, u.full_name as unit_full_name, u.kind as unit_kind,
          par.id as parent_id, par.short_name as parent_short_name,
          r.id as report_id, r.status, r.first_submitted_at, r.submitted_at, r.approved_at, r.review_comment, r.row_version as report_version
        from report_periods p
        join programs pr on pr.id = p.program_id
        join ${paths} op on op.ancestor_id = pr.unit_id and op.depth > 0
          and op.valid_from <= p.data_to and op.valid_to >= p.data_to
        join org_units u on u.id = op.descendant_id
          and u.valid_from <= p.data_to and (u.valid_to is null or u.valid_to >= p.data_to)
        left join report_schedules rs on rs.program_id = p.program_id
        left join org_unit_parents up on up.unit_id = u.id and up.valid_from <= p.data_to and (up.valid_to is null or up.valid_to >= p.data_to)
        left join org_units par on par.id = up.parent_id
        left join reports r on r.period_id = p.id and r.unit_id = u.id
        where coalesce(rs.unit_kinds, '["grassroots_union"]'::jsonb) @> jsonb_build_array(u.kind)
          and ${sql.join(where, sql` and `)}
        order by p.due_on, p.kind, u.code`,
  );
  const now = filter.now ?? new Date();
  return rows.map((r) => {
    const dueOn = toDateOnly(r.due_on)!;
    const firstSubmittedAt = r.first_submitted_at == null ? null : toIso(r.first_submitted_at);
    const state = complianceState(r.status, firstSubmittedAt, dueOn);
    return {
      period: {
        id: r.period_id,
        programId: r.program_id,
        kind: r.kind,
        dataFrom: toDateOnly(r.data_from)!,
        dataTo: toDateOnly(r.data_to)!,
        dueOn,
        factMonth: toDateOnly(r.fact_month)!,
        closedAt: r.closed_at == null ? null : toIso(r.closed_at),
        rowVersion: Number(r.period_version),
      },
      program: { id: r.program_id, unitId: r.program_unit_id, title: r.program_title },
      unit: { id: r.unit_id, code: r.unit_code, shortName: r.unit_short_name, fullName: r.unit_full_name, kind: r.unit_kind },
      parent: r.parent_id ? { id: r.parent_id, shortName: r.parent_short_name ?? '' } : null,
      report: r.report_id
        ? {
            id: r.report_id,
            status: r.status!,
            firstSubmittedAt,
            submittedAt: r.submitted_at == null ? null : toIso(r.submitted_at),
            approvedAt: r.approved_at == null ? null : toIso(r.approved_at),
            reviewComment: r.review_comment,
            rowVersion: Number(r.report_version),
          }
        : null,
      state,
      overdue: isOverdue(state, dueOn, now),
      locked: r.closed_at != null,
    };
  });
}
