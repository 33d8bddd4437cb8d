import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { targetAllocations, targets } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { visibleTargets } from './policy.js';
import { presentTarget } from './presenter.js';
import type { ListTargetsQuery } from './schemas.js';

/** Targets whose scope unit is within the caller's scope, optionally of one program or scope unit. */
export async function listTargets(db: Executor, actor: Actor, query: ListTargetsQuery) {
  const conditions: SQL[] = [visibleTargets(actor, targets.scopeUnitId)];
  if (query.programId) conditions.push(eq(targets.programId, query.programId));
  if (query.scopeUnitId) conditions.push(eq(targets.scopeUnitId, query.scopeUnitId));
  const rows = await db
    .select()
    .from(targets)
    .where(and(...conditions))
    .orderBy(asc(targets.sortOrder), asc(targets.code), asc(targets.createdAt));
  const allocations = rows.length
    ? await db.select().from(targetAllocations).where(inArray(targetAllocations.targetId, rows.map((r) => r.id)))
    : [];
  return { items: rows.map((r) => presentTarget(r, allocations)) };
}
