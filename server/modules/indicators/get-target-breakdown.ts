import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { targets } from '../../db/schema/indicators.js';
import { canReachUnit, READ_ROLES, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { computeAllocationProgress } from './compute-allocation-progress.js';
import { computeTargetBreakdown } from './compute-target-breakdown.js';
import { targetNotFound } from './policy.js';

/**
 * Per-unit values of one target as of a date (default today), and the progress
 * of each allocated share, for a caller who may read the target.
 */
export async function getTargetBreakdown(db: Executor, actor: Actor, targetId: string, asOf = todayInVietnam()) {
  const [target] = await db.select({ scopeUnitId: targets.scopeUnitId }).from(targets).where(eq(targets.id, targetId));
  if (!target || !(await canReachUnit(db, actor, target.scopeUnitId, READ_ROLES))) throw targetNotFound(actor);
  const units = await computeTargetBreakdown(db, targetId, asOf);
  const allocations = await computeAllocationProgress(db, targetId, asOf);
  return { targetId, asOf, units, allocations };
}
