import { eq, sql } from 'drizzle-orm';
import type { Measure } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { indicators, targets } from '../../db/schema/indicators.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { canReachUnit, READ_ROLES, type Actor } from '../../lib/access.js';
import { allocationGap } from './allocation.js';
import { allocatable } from './definition-rules.js';
import { targetNotFound } from './policy.js';

export interface AllocationUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
}

/** A target with what its allocations need (null when it does not exist). */
export async function loadAllocationTarget(db: Executor, targetId: string) {
  const [row] = await db
    .select({
      id: targets.id,
      scopeUnitId: targets.scopeUnitId,
      value: targets.value,
      periodFrom: targets.periodFrom,
      periodTo: targets.periodTo,
      measure: indicators.measure,
      rowVersion: targets.rowVersion,
    })
    .from(targets)
    .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
    .where(eq(targets.id, targetId));
  if (!row) return null;
  return {
    id: row.id,
    scopeUnitId: row.scopeUnitId,
    total: Number(row.value),
    /** 'YYYY-MM' months. */
    periodFrom: toDateOnly(row.periodFrom)!.slice(0, 7),
    periodTo: toDateOnly(row.periodTo)!.slice(0, 7),
    allocatable: allocatable(row.measure as Measure),
    rowVersion: row.rowVersion,
  };
}
export type AllocationTarget = NonNullable<Awaited<ReturnType<typeof loadAllocationTarget>>>;

/** The scope unit's direct child units on the first day of the period (đơn vị trực thuộc). */
export async function childUnitsAtStart(db: Executor, target: AllocationTarget): Promise<AllocationUnit[]> {
  const rows = await queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select u.id, u.code, u.short_name as name from org_unit_paths p join org_units u on u.id = p.descendant_id
        where p.ancestor_id = ${target.scopeUnitId}::uuid and p.depth = 1
          and p.valid_from <= ${`${target.periodFrom}-01`}::date and p.valid_to >= ${`${target.periodFrom}-01`}::date
        group by u.id, u.code, u.short_name
        order by u.code`,
  );
  return rows.map((r) => ({ unitId: r.id, unitCode: r.code, unitName: r.name }));
}

/** The target's saved allocations with their units' code and name, by unit code. */
export async function savedAllocations(db: Executor, targetId: string) {
  const rows = await queryRows<{ unit_id: string; code: string; name: string; value: string | number }>(
    db,
    sql`select al.unit_id, u.code, u.short_name as name, al.value from target_allocations al join org_units u on u.id = al.unit_id
        where al.target_id = ${targetId}::uuid order by u.code`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, unitCode: r.code, unitName: r.name, value: Number(r.value) }));
}

/** The response shape: allocations, the units offered, and whether they add up to the total. */
export function allocationsView(
  target: AllocationTarget,
  allocations: (AllocationUnit & { value: number })[],
  childUnits: AllocationUnit[],
  dryRun = false,
) {
  const gap = allocationGap(
    target.total,
    allocations.map((a) => a.value),
  );
  const sum = target.total + gap;
  return {
    targetId: target.id,
    rowVersion: target.rowVersion,
    allocatable: target.allocatable,
    allocations,
    childUnits,
    total: target.total,
    sum,
    gap,
    dryRun,
  };
}

/** The allocations of one target (phân bổ chỉ tiêu), for a caller who may read it. */
export async function getTargetAllocations(db: Executor, actor: Actor, targetId: string) {
  const target = await loadAllocationTarget(db, targetId);
  if (!target || !(await canReachUnit(db, actor, target.scopeUnitId, READ_ROLES))) throw targetNotFound(actor);
  return allocationsView(target, await savedAllocations(db, targetId), await childUnitsAtStart(db, target));
}
