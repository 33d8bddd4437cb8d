import type { FactCounting } from '../../../common/reports.js';
import { sql, type SQL } from 'drizzle-orm';
import { CUMULATIVE_MEASURES, type Measure } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { monthOf, roundValue } from './compute-targets.js';
import { aggregateCte, engineCtes, valueExpression } from './engine-sql.js';
import { elapsedShare } from './periods.js';
import { judgeTargetStatus, type Comparator, type TargetStatus } from './status.js';

export interface AllocationProgress {
  unitId: string;
  unitCode: string;
  unitName: string;
  allocated: number;
  /** The indicator over the allocated unit's subtree, null when none of its units reported. */
  value: number | null;
  status: TargetStatus;
  reportedUnits: number;
  noDataUnits: number;
}

interface Row {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  allocated: number;
  comparator: Comparator;
  target_value: number;
  tolerance: number;
  measure: Measure;
  period_from: unknown;
  period_to: unknown;
  value: number | null;
  reported_units: number;
  no_data_units: number;
}

/**
 * Progress of each allocated share of a total target (phân bổ chỉ tiêu), e.g.
 * "+10 members" split 6 / 4: the same engine over each allocated unit's
 * subtree, in one statement, judged against the allocated value with the
 * target's tolerance scaled to the share. `units` (a condition on `al.unit_id`)
 * keeps only some shares, e.g. those of units in the caller's scope.
 */
export async function computeAllocationProgress(
  db: Executor,
  targetId: string,
  asOf: string,
  units: SQL = sql`true`,
  counting: FactCounting = 'submitted',
): Promise<AllocationProgress[]> {
  // Most targets are not allocated: asked first, as planning the engine's statement alone costs ~9 ms (every breakdown).
  const [allocated] = await queryRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from target_allocations where target_id = ${targetId}::uuid) as any`,
  );
  if (!allocated?.any) return [];
  const rows = await queryRows<Row>(
    db,
    sql`with ${engineCtes(sql`tg.id = ${targetId}::uuid`, asOf, { perAllocation: true, counting })},${aggregateCte}
    select al.unit_id, u.code as unit_code, u.short_name as unit_name, al.value::float8 as allocated,
      tg.comparator, tg.value::float8 as target_value, tg.tolerance::float8 as tolerance, i.measure,
      tg.period_from, tg.period_to,
      coalesce(a.reported_units, 0) as reported_units, coalesce(a.no_data_units, 0) as no_data_units,
      ${valueExpression} as value
    from t
    join target_allocations al on al.id = t.target_id
    join targets tg on tg.id = al.target_id
    join indicators i on i.id = tg.indicator_id
    join org_units u on u.id = al.unit_id
    left join agg a on a.target_id = t.target_id
    where ${units}
    order by u.short_name, u.id`,
  );
  return rows.map((r) => {
    const allocated = Number(r.allocated);
    const targetValue = Number(r.target_value);
    const tolerance = targetValue > 0 ? (Number(r.tolerance) * allocated) / targetValue : Number(r.tolerance);
    const value = r.value === null ? null : roundValue(Number(r.value));
    const period = { from: monthOf(r.period_from), to: monthOf(r.period_to) };
    return {
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      allocated,
      value,
      status: judgeTargetStatus(
        {
          comparator: r.comparator,
          value: allocated,
          tolerance,
          accumulation: CUMULATIVE_MEASURES.includes(r.measure) ? 'cumulative' : 'level',
        },
        value,
        elapsedShare(period, asOf),
      ),
      reportedUnits: Number(r.reported_units),
      noDataUnits: Number(r.no_data_units),
    };
  });
}
