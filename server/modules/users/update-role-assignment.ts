import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { roleAssignments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { assignmentForUpdate, auditAssignment } from './assignment-rules.js';
import { requireAssignableUnit, requireUserAction } from './policy.js';
import type { UpdateAssignmentBody } from './schemas.js';

/** Changes an assignment's subtree flag or period; ending it means setting validTo. */
export async function updateRoleAssignment(
  db: Executor,
  actor: Actor,
  userId: string,
  assignmentId: string,
  input: UpdateAssignmentBody,
): Promise<void> {
  requireUserAction(actor, 'assign');
  await inTransaction(db, async (tx) => {
    const before = await assignmentForUpdate(tx, userId, assignmentId);
    await requireAssignableUnit(tx, actor, before.unitId);
    const next = {
      includesSubtree: input.includesSubtree ?? before.includesSubtree,
      validFrom: input.validFrom ?? before.validFrom,
      validTo: input.validTo === undefined ? before.validTo : input.validTo,
    };
    if (next.validTo && next.validTo < next.validFrom) {
      throw fieldError('ASSIGNMENT_DATES_INVALID', input.validTo !== undefined ? 'validTo' : 'validFrom');
    }
    const [after] = await tx.update(roleAssignments).set(next).where(eq(roleAssignments.id, assignmentId)).returning();
    await recordAudit(tx, actor, {
      action: 'assignment.update',
      entityType: 'role_assignment',
      entityId: assignmentId,
      unitId: before.unitId,
      before: auditAssignment(before),
      after: auditAssignment(after!),
    });
  });
}
