import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { coalesceRead } from '../../lib/coalesce-reads.js';
import { computeTargets, selectTargetIds } from './compute-targets.js';
import { computeMemberDepartures } from './compute-member-departures.js';
import { programVersionInForce } from './in-force.js';
import { notOthersDrafts, requireTargetScopeVisible, visibleTargets } from './policy.js';
import type { TargetProgressQuery } from './schemas.js';

/**
 * Progress of targets as of a date (default today), in one statement for the
 * whole list, restricted to the targets the caller may read (visibleTargets): a program's
 * targets, the targets set for a scope unit, both, or — with neither — every
 * visible target whose period includes the as-of date (the caller's dashboard);
 * never the targets of another unit's draft program.
 * Only the targets of program versions in force on the as-of date count
 * (in-force.ts): an amendment moves progress from its issue date on.
 * Two statements: the ids of the targets the caller may read, then the engine
 * on those ids (shared by simultaneous readers, coalesce-reads.ts).
 */
export async function getTargetProgress(db: Executor, actor: Actor, query: TargetProgressQuery) {
  const asOf = query.asOf ?? todayInVietnam();
  if (query.scopeUnitId) await requireTargetScopeVisible(db, actor, query.scopeUnitId);
  // A program's progress follows the version of it in force on the date (an amendment once issued).
  const programId = query.programId ? await programVersionInForce(db, query.programId, asOf) : undefined;
  const selection =
    programId || query.scopeUnitId
      ? { ...(programId ? { programId } : {}), ...(query.scopeUnitId ? { scopeUnitId: query.scopeUnitId } : {}) }
      : { activeOn: asOf };
  // Another unit's draft never shows on a progress page (issue 10, item 8).
  const ids = await selectTargetIds(db, selection, asOf, sql`(${visibleTargets(actor)}) and (${notOthersDrafts(actor)})`);
  // The engine's run depends only on the targets, the date and the counting, not on who asks: readers of
  // the same dashboard at the same moment share one run (never an older one: server/lib/coalesce-reads.ts).
  const counting = query.counting ?? 'submitted';
  const items = await coalesceRead(db, `targets|${asOf}|${counting}|${ids.join(',')}`, () =>
    computeTargets(db, { targetIds: ids }, asOf, sql`true`, counting),
  );
  const departures = await computeMemberDepartures(
    db,
    items.map((i) => i.targetId),
    asOf,
  );
  return { asOf, items, departures };
}
