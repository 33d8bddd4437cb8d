import type { FactCounting } from '../../../common/reports.js';
import { sql, type SQL } from 'drizzle-orm';
import { CUMULATIVE_MEASURES, type Measure } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { aggregateCte, engineCtes, valueExpression } from './engine-sql.js';
import { elapsedShare, type MonthRange } from './periods.js';
import { targetInForce } from './in-force.js';
import { ensureRollupsFresh } from './rollups.js';
import { judgeTargetStatus, type Comparator, type TargetStatus } from './status.js';

export interface TargetProgress {
  targetId: string;
  indicatorId: string;
  programId: string | null;
  code: string | null;
  text: string;
  measure: Measure;
  unitOfMeasure: string;
  comparator: Comparator;
  targetValue: number;
  tolerance: number;
  stretch: boolean;
  whenConditionsAllow: boolean;
  scopeUnitId: string;
  period: MonthRange;
  /** The computed value, null when no unit reported (or a ratio's denominator is 0). */
  value: number | null;
  status: TargetStatus;
  /** Units that reported (including those reported as not eligible). */
  reportedUnits: number;
  /** Units in the denominator (ratio, share, average) or counted (sum, count). */
  eligibleUnits: number;
  notApplicableUnits: number;
  noDataUnits: number;
}

interface Row {
  target_id: string;
  indicator_id: string;
  program_id: string | null;
  code: string | null;
  text: string;
  measure: Measure;
  unit_of_measure: string;
  comparator: Comparator;
  target_value: number;
  tolerance: number;
  stretch: boolean;
  when_conditions_allow: boolean;
  scope_unit_id: string;
  period_from: unknown;
  period_to: unknown;
  value: number | null;
  reported_units: number;
  eligible_units: number;
  na_units: number;
  no_data_units: number;
}

/** Which targets: these ids, or those matching every filter given (program, scope unit, period containing a date). */
export type TargetSelection = { targetIds: readonly string[] } | { programId?: string; scopeUnitId?: string; activeOn?: string };

/** The SQL condition on `tg` (targets) for a selection, or null when it selects nothing. */
export function targetSelectionFilter(selection: TargetSelection, asOf: string, visible: SQL = sql`true`): SQL | null {
  const conditions: SQL[] = [visible];
  if ('targetIds' in selection) {
    if (selection.targetIds.length === 0) return null;
    conditions.push(
      sql`tg.id in (${sql.join(
        selection.targetIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  } else {
    // A program's targets in use; without a program, only the targets of the versions in force on the date.
    conditions.push(selection.programId ? sql`tg.archived_at is null` : targetInForce(asOf));
    if (selection.programId) conditions.push(sql`tg.program_id = ${selection.programId}::uuid`);
    if (selection.scopeUnitId) conditions.push(sql`tg.scope_unit_id = ${selection.scopeUnitId}::uuid`);
    if (selection.activeOn) {
      conditions.push(sql`tg.period_from <= ${selection.activeOn}::date
        and tg.period_to >= date_trunc('month', ${selection.activeOn}::date::timestamp)::date`);
    }
  }
  return sql.join(
    conditions.map((c) => sql`(${c})`),
    sql` and `,
  );
}

/** The ids of the targets a selection picks (with `visible`), without computing them. */
export async function selectTargetIds(db: Executor, selection: TargetSelection, asOf: string, visible: SQL = sql`true`): Promise<string[]> {
  const filter = targetSelectionFilter(selection, asOf, visible);
  if (!filter) return [];
  const rows = await queryRows<{ id: string }>(db, sql`select tg.id from targets tg where ${filter} order by tg.id`);
  return rows.map((r) => r.id);
}

const TARGET_COLUMNS = sql`tg.id as target_id, tg.indicator_id, tg.program_id, tg.code, tg.text, i.measure, tg.unit_of_measure,
      tg.comparator, tg.value::float8 as target_value, tg.tolerance::float8 as tolerance, tg.stretch,
      tg.when_conditions_allow, tg.scope_unit_id, tg.period_from, tg.period_to,
      coalesce(a.reported_units, 0) as reported_units, coalesce(a.eligible_units, 0) as eligible_units,
      coalesce(a.na_units, 0) as na_units, coalesce(a.no_data_units, 0) as no_data_units,
      ${valueExpression} as value`;

const TARGET_ORDER = sql`order by tg.sort_order, tg.code nulls last, tg.created_at, tg.id`;

/**
 * Computes the progress of many targets as of a date (docs/indicator-engine.md):
 * values over each target's scope subtree and period, unit counts, and the
 * status judged with the target's tolerance. Reads the live roll-ups
 * (rollups.ts: one stored row per target and as-of month, kept up to date in
 * every writing transaction), so its cost does not grow with the units or the
 * facts; `computeTargetsByEngine` gives the same answer from the facts.
 * `visible` further restricts the targets (e.g. to the caller's scope, as a
 * condition on `tg`, the targets table). Targets come back in sort order.
 */
export async function computeTargets(
  db: Executor,
  selection: TargetSelection,
  asOf: string,
  visible: SQL = sql`true`,
  counting: FactCounting = 'submitted',
): Promise<TargetProgress[]> {
  const filter = targetSelectionFilter(selection, asOf, visible);
  if (!filter) return [];
  // One round trip when the roll-ups are up to date (always, after a use-case's commit); when a
  // writer outside a use-case left marks, they are recomputed first and the read is repeated.
  let rows = await readTotals(db, filter, asOf, counting);
  if (rows[0]?.pending) {
    await ensureRollupsFresh(db);
    rows = await readTotals(db, filter, asOf, counting);
  }
  return rows.map((r) => toTargetProgress(r, asOf));
}

function readTotals(db: Executor, filter: SQL, asOf: string, counting: FactCounting) {
  return queryRows<Row & { pending: boolean }>(
    db,
    sql`select ${TARGET_COLUMNS},
      (select exists (select 1 from rollup_dirty_units) or exists (select 1 from rollup_dirty_targets)) as pending
    from targets tg
    join indicators i on i.id = tg.indicator_id
    cross join lateral (select case when i.unit_of_measure = 'percent' then 100 else 1 end as scale) t
    left join target_rollup_totals a on a.target_id = tg.id and a.counting = ${counting}
      and a.as_of_month = least(tg.period_to, date_trunc('month', ${asOf}::date::timestamp)::date)
    where ${filter}
    ${TARGET_ORDER}`,
  );
}

/**
 * The same answer as `computeTargets`, computed from the facts in ONE SQL
 * statement by the engine (engine-sql.ts): the oracle the roll-ups are proved
 * against (rollups-oracle.test.ts).
 */
export async function computeTargetsByEngine(
  db: Executor,
  selection: TargetSelection,
  asOf: string,
  visible: SQL = sql`true`,
  counting: FactCounting = 'submitted',
): Promise<TargetProgress[]> {
  const filter = targetSelectionFilter(selection, asOf, visible);
  if (!filter) return [];
  const rows = await queryRows<Row>(
    db,
    sql`with ${engineCtes(filter, asOf, { counting })},${aggregateCte}
    select ${TARGET_COLUMNS}
    from t
    join targets tg on tg.id = t.target_id
    join indicators i on i.id = tg.indicator_id
    left join agg a on a.target_id = t.target_id
    ${TARGET_ORDER}`,
  );
  return rows.map((r) => toTargetProgress(r, asOf));
}

function toTargetProgress(r: Row, asOf: string): TargetProgress {
  const period = { from: monthOf(r.period_from), to: monthOf(r.period_to) };
  const value = r.value === null ? null : roundValue(Number(r.value));
  const status = judgeTargetStatus(
    {
      comparator: r.comparator,
      value: Number(r.target_value),
      tolerance: Number(r.tolerance),
      accumulation: CUMULATIVE_MEASURES.includes(r.measure) ? 'cumulative' : 'level',
    },
    value,
    elapsedShare(period, asOf),
  );
  return {
    targetId: r.target_id,
    indicatorId: r.indicator_id,
    programId: r.program_id,
    code: r.code,
    text: r.text,
    measure: r.measure,
    unitOfMeasure: r.unit_of_measure,
    comparator: r.comparator,
    targetValue: Number(r.target_value),
    tolerance: Number(r.tolerance),
    stretch: r.stretch,
    whenConditionsAllow: r.when_conditions_allow,
    scopeUnitId: r.scope_unit_id,
    period,
    value,
    status,
    reportedUnits: Number(r.reported_units),
    eligibleUnits: Number(r.eligible_units),
    notApplicableUnits: Number(r.na_units),
    noDataUnits: Number(r.no_data_units),
  };
}

/** 'YYYY-MM' of a DATE column value. */
export function monthOf(value: unknown): string {
  return toDateOnly(value)!.slice(0, 7);
}

/** Values are shown and judged to 4 decimals (96.0000 rather than 95.99999…). */
export function roundValue(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
