import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { computeTargets } from './compute-targets.js';
import { requireTargetScopeVisible, visibleTargets } from './policy.js';
import type { TargetProgressQuery } from './schemas.js';

/**
 * Progress of targets as of a date (default today), in one statement for the
 * whole list, restricted to the targets the caller may read (visibleTargets): a program's
 * targets, the targets set for a scope unit, both, or — with neither — every
 * visible target whose period includes the as-of date (the caller's dashboard).
 */
export async function getTargetProgress(db: Executor, actor: Actor, query: TargetProgressQuery) {
  const asOf = query.asOf ?? todayInVietnam();
  if (query.scopeUnitId) await requireTargetScopeVisible(db, actor, query.scopeUnitId);
  const selection =
    query.programId || query.scopeUnitId
      ? { ...(query.programId ? { programId: query.programId } : {}), ...(query.scopeUnitId ? { scopeUnitId: query.scopeUnitId } : {}) }
      : { activeOn: asOf };
  return { asOf, items: await computeTargets(db, selection, asOf, visibleTargets(actor), query.counting) };
}
