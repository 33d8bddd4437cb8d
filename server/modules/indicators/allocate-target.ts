import { and, eq, sql } from 'drizzle-orm';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { dataElements, targetAllocations, targets } from '../../db/schema/indicators.js';
import { queryRows } from '../../db/sql.js';
import { canReachUnit, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { nextVersion, staleWrite } from '../../lib/row-version.js';
import { fieldError } from '../../lib/errors.js';
import { allocateProportionally } from './allocation.js';
import {
  allocationsView,
  childUnitsAtStart,
  loadAllocationTarget,
  savedAllocations,
  type AllocationTarget,
  type AllocationUnit,
} from './get-target-allocations.js';
import { requireTargetManage, targetNotFound } from './policy.js';
import type { AllocateTargetBody } from './schemas.js';
import { firstOutsideScope } from './target-scope.js';

/**
 * Each child unit's weight: the last value reported for a number element
 * (e.g. members, workers) up to the end of the period, added up over the
 * child's subtree as it stood at the start of the period. Units that reported
 * nothing, or "not applicable", weigh nothing.
 */
async function basisWeights(db: Executor, target: AllocationTarget, dataElementId: string) {
  const start = `${target.periodFrom}-01`;
  const end = `${target.periodTo}-01`;
  return queryRows<{ unit_id: string; weight: number; reported: number }>(
    db,
    sql`with kids as (
          select distinct p.descendant_id as id from org_unit_paths p
          where p.ancestor_id = ${target.scopeUnitId}::uuid and p.depth = 1
            and p.valid_from <= ${start}::date and p.valid_to >= ${start}::date
        ), sub as (
          select distinct k.id as child_id, q.descendant_id as unit_id from kids k
          join org_unit_paths q on q.ancestor_id = k.id and q.valid_from <= ${start}::date and q.valid_to >= ${start}::date
        ), latest as (
          select distinct on (f.unit_id) f.unit_id, f.value_number, f.not_applicable from facts f
          where f.data_element_id = ${dataElementId}::uuid and f.month <= ${end}::date
            and f.unit_id in (select unit_id from sub)
          order by f.unit_id, f.month desc
        )
        select k.id as unit_id,
               coalesce(sum(l.value_number) filter (where not l.not_applicable), 0)::float8 as weight,
               count(l.value_number) filter (where not l.not_applicable)::int as reported
        from kids k left join sub s on s.child_id = k.id left join latest l on l.unit_id = s.unit_id
        group by k.id`,
  );
}

/**
 * Splits a total target among units (phân bổ chỉ tiêu), replacing its
 * allocations: by hand (they may fall short of or exceed the total, which the
 * answer shows as a gap), or in proportion to each child unit's last reported
 * value of a number element (largest-remainder whole numbers that add up
 * exactly). Percentages, shares and averages are inherited, never split.
 */
export async function allocateTarget(db: Executor, actor: Actor, targetId: string, input: AllocateTargetBody) {
  const target = await loadAllocationTarget(db, targetId);
  if (!target) throw targetNotFound(actor);
  if (!(await canReachUnit(db, actor, target.scopeUnitId, PERMISSIONS.managePrograms))) throw targetNotFound(actor);
  // Readable is not writable: only whoever holds the scope unit on the target's write date allocates it.
  await requireTargetManage(db, actor, target.scopeUnitId, target.periodTo);
  if (target.rowVersion !== input.expectedVersion) throw await staleWrite(db, 'targets', target.id);
  if (!target.allocatable) throw fieldError('TARGET_ALLOCATION_NOT_TOTAL', 'mode');

  const children = await childUnitsAtStart(db, target);
  let wanted: { unitId: string; value: number }[];
  if (input.mode === 'manual') {
    const seen = new Set<string>();
    for (const [i, a] of input.allocations.entries()) {
      if (seen.has(a.unitId)) throw fieldError('TARGET_ALLOCATION_DUPLICATE', `allocations.${i}.unitId`);
      seen.add(a.unitId);
    }
    const outside = await firstOutsideScope(
      db,
      target.scopeUnitId,
      { from: target.periodFrom, to: target.periodTo },
      input.allocations.map((a) => a.unitId),
    );
    if (outside >= 0) throw fieldError('TARGET_ALLOCATION_OUTSIDE_SCOPE', `allocations.${outside}.unitId`);
    wanted = input.allocations;
  } else {
    const [element] = await db
      .select({ valueType: dataElements.valueType, archivedAt: dataElements.archivedAt })
      .from(dataElements)
      .where(eq(dataElements.id, input.basis.dataElementId));
    if (!element || element.valueType !== 'number') throw fieldError('TARGET_ALLOCATION_BASIS_INVALID', 'basis.dataElementId');
    const weights = await basisWeights(db, target, input.basis.dataElementId);
    if (!weights.some((w) => w.weight > 0)) throw fieldError('TARGET_ALLOCATION_BASIS_NO_DATA', 'basis.dataElementId');
    const shares = allocateProportionally(
      target.total,
      weights.map((w) => ({ unitId: w.unit_id, weight: Number(w.weight) })),
    );
    wanted = children.map((c) => ({ unitId: c.unitId, value: shares.get(c.unitId) ?? 0 }));
  }

  const names = await unitNames(
    db,
    wanted.map((a) => a.unitId),
  );
  const allocations = wanted.map((a) => ({ ...names.get(a.unitId)!, value: a.value })).sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  if (input.mode === 'proportional' && input.dryRun) return allocationsView(target, allocations, children, true);

  return inTransaction(db, async (tx) => {
    // The allocations are the target's: saving them is an edit of the target, at the version read.
    const bumped = await tx
      .update(targets)
      .set(nextVersion(actor))
      .where(and(eq(targets.id, target.id), eq(targets.rowVersion, input.expectedVersion)))
      .returning({ rowVersion: targets.rowVersion });
    if (bumped.length === 0) throw await staleWrite(tx, 'targets', target.id);
    target.rowVersion = bumped[0]!.rowVersion;
    const before = await savedAllocations(tx, target.id);
    await tx.delete(targetAllocations).where(eq(targetAllocations.targetId, target.id));
    if (allocations.length > 0) {
      await tx
        .insert(targetAllocations)
        .values(allocations.map((a) => ({ targetId: target.id, unitId: a.unitId, value: String(a.value) })));
    }
    const view = allocationsView(target, allocations, children);
    await recordAudit(tx, actor, {
      action: 'target.allocate',
      entityType: 'target',
      entityId: target.id,
      unitId: target.scopeUnitId,
      before: { allocations: before },
      after: {
        mode: input.mode,
        ...(input.mode === 'proportional' ? { basis: input.basis } : {}),
        allocations,
        total: view.total,
        sum: view.sum,
        gap: view.gap,
      },
    });
    return view;
  });
}

async function unitNames(db: Executor, ids: string[]): Promise<Map<string, AllocationUnit>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select id, code, short_name as name from org_units where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, { unitId: r.id, unitCode: r.code, unitName: r.name }]));
}
