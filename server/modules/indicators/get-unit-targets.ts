import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { computeMemberDepartures } from './compute-member-departures.js';
import { computeTargets } from './compute-targets.js';
import { computeUnitCells, type UnitCell } from './compute-unit-cells.js';
import { dashboardTargets } from './dashboard-targets.js';
import { requireTargetRead, visibleTargets } from './policy.js';
import type { UnitTargetsQuery } from './schemas.js';

/**
 * A unit's own targets (what a CĐCS chair sees first, issue 10 item 6): each
 * target that applies to the unit — set for it, or for a unit above whose
 * subtree counts it — with the unit's own value, its own target (allocated
 * share or inherited percentage), status and what it still owes; and the whole
 * target's progress (the district's figures) beside it. Targets of another
 * unit's draft are left out. The caller must read the unit (its own scope).
 */
export async function getUnitTargets(db: Executor, actor: Actor, query: UnitTargetsQuery) {
  const asOf = query.asOf ?? todayInVietnam();
  await requireTargetRead(db, actor, query.unitId);
  const [unit] = await db.select({ name: orgUnits.shortName }).from(orgUnits).where(eq(orgUnits.id, query.unitId));
  const cells = await computeUnitCells(
    db,
    dashboardTargets(actor, query.programId, asOf),
    asOf,
    sql`p.descendant_id = ${query.unitId}::uuid`,
  );
  const targets = await computeTargets(db, { targetIds: cells.map((c) => c.targetId) }, asOf, visibleTargets(actor));
  const departures = await computeMemberDepartures(
    db,
    targets.map((t) => t.targetId),
    asOf,
  );
  const byTarget = new Map(cells.map((c) => [c.targetId, c]));
  const items = targets.map((target) => {
    const cell = byTarget.get(target.targetId)!;
    // A target set for the unit itself: its own figures are the target's.
    const own: UnitCell =
      target.scopeUnitId === query.unitId
        ? {
            ...cell,
            basis: 'inherited',
            ownTarget: target.targetValue,
            ownValue: target.value,
            status: target.status,
            owed: cell.owed ?? (target.value === null ? target.targetValue : Math.max(0, target.targetValue - target.value)),
          }
        : cell;
    return { target, own };
  });
  return { asOf, unitId: query.unitId, unitName: unit?.name ?? '', items, departures };
}
