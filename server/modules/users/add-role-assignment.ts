import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { roleAssignments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { auditAssignment, checkAssignment, userForUpdate } from './assignment-rules.js';
import { requireUserAction } from './policy.js';
import type { AssignmentInput } from './schemas.js';

/** Gives a user a role at a unit (phân quyền), optionally over its subtree, for a period. */
export async function addRoleAssignment(db: Executor, actor: Actor, userId: string, input: AssignmentInput): Promise<void> {
  requireUserAction(actor, 'assign');
  await checkAssignment(db, actor, input);
  await inTransaction(db, async (tx) => {
    await userForUpdate(tx, userId);
    const [created] = await tx
      .insert(roleAssignments)
      .values({
        userId,
        role: input.role,
        unitId: input.unitId,
        includesSubtree: input.includesSubtree,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'assignment.create',
      entityType: 'role_assignment',
      entityId: created!.id,
      unitId: created!.unitId,
      after: auditAssignment(created!),
    });
  });
}
