import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { roleAssignments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { assignmentForUpdate, auditAssignment } from './assignment-rules.js';
import { requireAssignableUnit, requireUserAction } from './policy.js';

/**
 * Removes an assignment made by mistake. An assignment that was really held
 * should rather be ended (validTo) so that history stays readable.
 */
export async function deleteRoleAssignment(db: Executor, actor: Actor, userId: string, assignmentId: string): Promise<void> {
  requireUserAction(actor, 'assign');
  await inTransaction(db, async (tx) => {
    const before = await assignmentForUpdate(tx, userId, assignmentId);
    await requireAssignableUnit(tx, actor, before.unitId);
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
    await recordAudit(tx, actor, {
      action: 'assignment.delete',
      entityType: 'role_assignment',
      entityId: assignmentId,
      unitId: before.unitId,
      before: auditAssignment(before),
    });
  });
}
