import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { targetAllocations, targets } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { targetInScope, targetRowFacts, unitInScope, visibleTargets } from './policy.js';
import type { ListTargetsQuery } from './schemas.js';

/**
 * Targets the caller may read (visibleTargets), optionally of one program or
 * scope unit, with the allocations the caller may see and, per row, what the
 * caller may do with it and its program's status (targetRowFacts).
 */
export async function listTargets(db: Executor, actor: Actor, query: ListTargetsQuery) {
  const conditions: SQL[] = [
    visibleTargets(actor, {
      scopeUnitId: targets.scopeUnitId,
      periodFrom: targets.periodFrom,
      periodTo: targets.periodTo,
      programId: targets.programId,
    }),
  ];
  if (query.programId) conditions.push(eq(targets.programId, query.programId));
  // Retired targets only in a history view.
  if (!query.includeArchived) conditions.push(isNull(targets.archivedAt));
  if (query.scopeUnitId) conditions.push(eq(targets.scopeUnitId, query.scopeUnitId));
  const rows = await db
    .select()
    .from(targets)
    .where(and(...conditions))
    .orderBy(asc(targets.sortOrder), asc(targets.code), asc(targets.createdAt));
  const allocations = rows.length
    ? await db
        .select()
        .from(targetAllocations)
        .where(
          and(
            inArray(
              targetAllocations.targetId,
              rows.map((r) => r.id),
            ),
            // A target set above the caller's unit shows only the shares of units in their scope.
            or(targetInScope(actor, targetAllocations.targetId), unitInScope(actor, targetAllocations.unitId)),
          ),
        )
    : [];
  const facts = await targetRowFacts(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return { rows, allocations, facts };
}
