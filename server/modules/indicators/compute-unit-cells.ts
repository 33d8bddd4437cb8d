import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { monthOf, roundValue, type TargetProgress } from './compute-targets.js';
import { engineCtes, type UnitState } from './engine-sql.js';
import { elapsedShare } from './periods.js';
import { judgeUnitCell, type UnitJudgement } from './unit-status.js';

/** One (target, unit) cell: the unit's own figures on the target and how it stands. */
export interface UnitCell extends UnitJudgement {
  targetId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  state: UnitState;
  /** The engine's per-unit value (see compute-target-breakdown.ts). */
  value: number | null;
  meets: boolean | null;
  allocated: number | null;
  /** The condition's text value (e.g. the classification grade), when the condition reads one. */
  grade: string | null;
}

interface Row {
  target_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  state: UnitState;
  measure: TargetProgress['measure'];
  unit_of_measure: string;
  comparator: TargetProgress['comparator'];
  target_value: number;
  tolerance: number;
  period_from: unknown;
  period_to: unknown;
  unit_value: number | null;
  meets: boolean;
  grade: string | null;
  allocated: number | null;
}

/**
 * Per-unit cells of many targets as of a date in ONE statement (the engine's
 * `pu` rows, docs/indicator-engine.md), each judged against the unit's own
 * target (unit-status.ts). `targets` is a condition on `tg`/`i`; `units` a
 * condition on `p.descendant_id` (the counted unit) applied inside the engine,
 * so only those units' facts are read. The caller checks access first.
 */
export async function computeUnitCells(db: Executor, targets: SQL, asOf: string, units: SQL = sql`true`): Promise<UnitCell[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with ${engineCtes(targets, asOf, { units })}
    select pu.target_id, pu.unit_id, u.code as unit_code, u.short_name as unit_name, pu.state, pu.measure,
      i.unit_of_measure, tg.comparator, tg.value::float8 as target_value, tg.tolerance::float8 as tolerance,
      tg.period_from, tg.period_to, pu.unit_value::float8 as unit_value, pu.meets, pu.grade,
      al.value::float8 as allocated
    from pu
    join org_units u on u.id = pu.unit_id
    join targets tg on tg.id = pu.target_id
    join indicators i on i.id = tg.indicator_id
    left join target_allocations al on al.target_id = pu.target_id and al.unit_id = pu.unit_id
    order by tg.sort_order, tg.code nulls last, tg.id, u.short_name, u.id`,
  );
  return rows.map((r) => {
    const isCondition = r.measure === 'share_of_units' || r.measure === 'count_of_units';
    const hasData = r.state === 'reported' || r.state === 'ineligible';
    const value = !hasData || r.unit_value === null ? null : roundValue(Number(r.unit_value));
    const meets = isCondition && r.state === 'reported' ? Boolean(r.meets) : null;
    const allocated = r.allocated === null ? null : Number(r.allocated);
    const period = { from: monthOf(r.period_from), to: monthOf(r.period_to) };
    const judgement = judgeUnitCell(
      {
        measure: r.measure,
        comparator: r.comparator,
        targetValue: Number(r.target_value),
        tolerance: Number(r.tolerance),
        unitOfMeasure: r.unit_of_measure,
      },
      { state: r.state, value, meets, allocated },
      elapsedShare(period, asOf),
    );
    return {
      targetId: r.target_id,
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      state: r.state,
      value,
      meets,
      allocated,
      grade: hasData ? r.grade : null,
      ...judgement,
    };
  });
}
