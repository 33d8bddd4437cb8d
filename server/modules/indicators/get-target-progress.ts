import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { computeTargets } from './compute-targets.js';
import { requireTargetRead, visibleTargets } from './policy.js';
import { presentProgress } from './presenter.js';
import type { TargetProgressQuery } from './schemas.js';

/**
 * Progress of a program's targets, or of the targets set for a scope unit, as
 * of a date (default today): one statement for the whole list, restricted to
 * targets within the caller's scope.
 */
export async function getTargetProgress(db: Executor, actor: Actor, query: TargetProgressQuery) {
  const asOf = query.asOf ?? todayInVietnam();
  if (query.scopeUnitId) await requireTargetRead(db, actor, query.scopeUnitId);
  const selection = query.programId ? { programId: query.programId } : { scopeUnitId: query.scopeUnitId! };
  const items = await computeTargets(db, selection, asOf, visibleTargets(actor));
  return { asOf, items: items.map(presentProgress) };
}
