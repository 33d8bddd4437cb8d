import { sql } from 'drizzle-orm';
import type { FactCounting } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { canReachUnit, READ_ROLES, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { queryRows } from '../../db/sql.js';
import { computeAllocationProgress } from './compute-allocation-progress.js';
import { computeTargetBreakdown } from './compute-target-breakdown.js';
import { requireTargetVisible, unitInScope } from './policy.js';

/**
 * Per-unit values of one target as of a date (default today), and the progress
 * of each allocated share, for a caller who may read the target. A target set
 * above the caller's unit (visible read-only, docs/scopes.md) shows only the
 * rows and shares of units in the caller's own scope — a grassroots chair sees
 * their own unit's row, never a sibling's.
 */
export async function getTargetBreakdown(
  db: Executor,
  actor: Actor,
  targetId: string,
  asOf = todayInVietnam(),
  counting: FactCounting = 'submitted',
) {
  await requireTargetVisible(db, actor, targetId);
  const [target] = await queryRows<{ scope_unit_id: string }>(db, sql`select scope_unit_id from targets where id = ${targetId}::uuid`);
  const whole = await canReachUnit(db, actor, target!.scope_unit_id, READ_ROLES);
  const units = await computeTargetBreakdown(db, targetId, asOf, whole ? sql`true` : unitInScope(actor, sql`pu.unit_id`), counting);
  const allocations = await computeAllocationProgress(
    db,
    targetId,
    asOf,
    whole ? sql`true` : unitInScope(actor, sql`al.unit_id`),
    counting,
  );
  return { targetId, asOf, units, allocations };
}
