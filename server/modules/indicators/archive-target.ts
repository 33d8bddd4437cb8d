import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { targetAllocations, targets } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { nextVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import type { ArchiveTargetBody } from './schemas.js';
import { loadTargetForChange } from './update-target.js';

/**
 * Retires a target (bãi bỏ / lưu trữ chỉ tiêu): on an amendment being written
 * it drops the target from the new version (shown as retired in the version
 * diff); on an issued program it needs a reason. The row stays for history and
 * leaves progress, lists and future amendments. Audited.
 */
export async function archiveTarget(db: Executor, actor: Actor, id: string, input: ArchiveTargetBody) {
  return inTransaction(db, async (tx) => {
    await loadTargetForChange(tx, actor, id, input.expectedVersion, input.reason);
    const [after] = await tx
      .update(targets)
      .set({ archivedAt: new Date(), ...nextVersion(actor) })
      .where(and(eq(targets.id, id), eq(targets.rowVersion, input.expectedVersion)))
      .returning();
    if (!after) throw await staleWrite(tx, 'targets', id);
    const allocations = await tx.select().from(targetAllocations).where(eq(targetAllocations.targetId, id));
    await recordAudit(tx, actor, {
      action: 'target.archive',
      entityType: 'target',
      entityId: id,
      entityLabel: after.code ? `Chỉ tiêu ${after.code}` : after.text.slice(0, 80),
      unitId: after.scopeUnitId,
      before: { archivedAt: null },
      after: { archivedAt: after.archivedAt!.toISOString(), ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { ...after, allocations };
  });
}
