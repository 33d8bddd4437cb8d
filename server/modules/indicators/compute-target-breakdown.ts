import type { FactCounting } from '../../../common/reports.js';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Measure } from '../../../common/indicators.js';
import { monthOf, roundValue } from './compute-targets.js';
import { elapsedShare } from './periods.js';
import type { Comparator, TargetStatus } from './status.js';
import { judgeUnitCell } from './unit-status.js';
import { engineCtes, type UnitState } from './engine-sql.js';
import { ensureRollupsFresh } from './rollups.js';

export interface UnitBreakdown {
  unitId: string;
  unitCode: string;
  unitName: string;
  /** Months of the period (up to the as-of month) the unit spent in the scope subtree. */
  months: number;
  state: UnitState;
  /** The unit's own value: its ratio, sum, average contribution or record count (null for share/count of units). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Share / count of units: whether the unit meets the condition. */
  meets: boolean | null;
  /** The unit's allocated share of a total target, when one was set. */
  allocated: number | null;
  /** How the unit stands against its own target (unit-status.ts); null when it is not judged. */
  status: TargetStatus | null;
  /** The unit's classification grade, when the target's condition reads one. */
  grade: string | null;
}

interface Row {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  months: number;
  state: UnitState;
  measure: string;
  unit_value: number | null;
  num: number | null;
  den: number | null;
  meets: boolean;
  allocated: number | null;
  grade: string | null;
  comparator: Comparator;
  target_value: number;
  tolerance: number;
  unit_of_measure: string;
  period_from: unknown;
  period_to: unknown;
}

/**
 * Per-unit values of one target as of a date (the "which units hold it back"
 * table), in one statement: units with no data first, then the weakest.
 * The caller checks access to the target first; `units` (a condition on
 * `pu.unit_id`) keeps only some units, e.g. those in the caller's scope.
 * Reads the target's per-unit roll-up rows (rollups.ts);
 * `computeTargetBreakdownByEngine` gives the same rows from the facts.
 */
export async function computeTargetBreakdown(
  db: Executor,
  targetId: string,
  asOf: string,
  units: SQL = sql`true`,
  counting: FactCounting = 'submitted',
): Promise<UnitBreakdown[]> {
  await ensureRollupsFresh(db);
  const pu = sql`pu as (
      select r.target_id, r.unit_id, r.months, i.measure, r.meets, r.grade, r.state, r.num, r.den, r.unit_value
      from target_unit_rollups r
      join targets tg on tg.id = r.target_id
      join indicators i on i.id = tg.indicator_id
      where r.target_id = ${targetId}::uuid and r.counting = ${counting}
        -- The as-of month as a value known before the scan (an init plan), so the primary key reads
        -- that month's rows only, not every month's to filter them in a join (12 × the rows).
        and r.as_of_month = (select least(t1.period_to, date_trunc('month', ${asOf}::date::timestamp)::date)
                             from targets t1 where t1.id = ${targetId}::uuid)
    )`;
  return breakdownFrom(db, pu, asOf, units);
}

/** The same rows as `computeTargetBreakdown`, computed from the facts by the engine (the oracle). */
export async function computeTargetBreakdownByEngine(
  db: Executor,
  targetId: string,
  asOf: string,
  units: SQL = sql`true`,
  counting: FactCounting = 'submitted',
): Promise<UnitBreakdown[]> {
  return breakdownFrom(db, engineCtes(sql`tg.id = ${targetId}::uuid`, asOf, { counting }), asOf, units);
}

/** Lists the rows of `ctes` (ending with pu, the engine's per-unit rows) with the units' names and judgements. */
async function breakdownFrom(db: Executor, ctes: SQL, asOf: string, units: SQL): Promise<UnitBreakdown[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with ${ctes}
    select pu.unit_id, u.code as unit_code, u.short_name as unit_name, pu.months, pu.state, pu.measure,
      pu.unit_value::float8 as unit_value, pu.num::float8 as num, pu.den::float8 as den, pu.meets,
      al.value::float8 as allocated, pu.grade, tg.comparator, tg.value::float8 as target_value,
      tg.tolerance::float8 as tolerance, i.unit_of_measure, tg.period_from, tg.period_to
    from pu
    join org_units u on u.id = pu.unit_id
    join targets tg on tg.id = pu.target_id
    join indicators i on i.id = tg.indicator_id
    left join target_allocations al on al.target_id = pu.target_id and al.unit_id = pu.unit_id
    where ${units}
    order by
      case pu.state when 'no_data' then 0 when 'reported' then 1 when 'ineligible' then 2 else 3 end,
      pu.meets,
      case when i.direction = 'lower_is_better' then -pu.unit_value else pu.unit_value end nulls first,
      u.short_name, u.id`,
  );
  return rows.map((r) => {
    const isCondition = r.measure === 'share_of_units' || r.measure === 'count_of_units';
    const hasData = r.state === 'reported' || r.state === 'ineligible';
    const value = !hasData || r.unit_value === null ? null : roundValue(Number(r.unit_value));
    const meets = isCondition && r.state === 'reported' ? Boolean(r.meets) : null;
    const allocated = r.allocated === null ? null : Number(r.allocated);
    const { status } = judgeUnitCell(
      {
        measure: r.measure as Measure,
        comparator: r.comparator,
        targetValue: Number(r.target_value),
        tolerance: Number(r.tolerance),
        unitOfMeasure: r.unit_of_measure,
      },
      { state: r.state, value, meets, allocated },
      elapsedShare({ from: monthOf(r.period_from), to: monthOf(r.period_to) }, asOf),
    );
    return {
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      months: Number(r.months),
      state: r.state,
      value,
      numerator: hasData && !isCondition ? roundValue(Number(r.num)) : null,
      denominator: hasData && r.den !== null ? roundValue(Number(r.den)) : null,
      meets,
      allocated,
      status,
      grade: hasData ? r.grade : null,
    };
  });
}
