import { sql } from 'drizzle-orm';
import type { FactCounting } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { canReachUnit, READ_ROLES, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { queryRows } from '../../db/sql.js';
import { coalesceRead } from '../../lib/coalesce-reads.js';
import { computeAllocationProgress } from './compute-allocation-progress.js';
import { computeTargetBreakdown } from './compute-target-breakdown.js';
import { targetVersionInForce } from './in-force.js';
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
  asked: string,
  asOf = todayInVietnam(),
  counting: FactCounting = 'submitted',
) {
  await requireTargetVisible(db, actor, asked);
  // The target as amended in the program version in force on the date.
  const targetId = await targetVersionInForce(db, asked, asOf);
  const [target] = await queryRows<{ scope_unit_id: string }>(db, sql`select scope_unit_id from targets where id = ${targetId}::uuid`);
  const whole = await canReachUnit(db, actor, target!.scope_unit_id, READ_ROLES);
  // Readers who see the whole target share one run of the engine (coalesce-reads.ts); others see their own rows.
  const units = whole
    ? await coalesceRead(db, `breakdown|${targetId}|${asOf}|${counting}`, () =>
        computeTargetBreakdown(db, targetId, asOf, sql`true`, counting),
      )
    : await computeTargetBreakdown(db, targetId, asOf, unitInScope(actor, sql`pu.unit_id`), counting);
  const allocations = await computeAllocationProgress(
    db,
    targetId,
    asOf,
    whole ? sql`true` : unitInScope(actor, sql`al.unit_id`),
    counting,
  );
  return { targetId: asked, asOf, units, allocations };
}
