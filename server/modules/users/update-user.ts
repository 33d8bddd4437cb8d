import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { auditUser, userForUpdate } from './assignment-rules.js';
import { requireUserAction } from './policy.js';
import type { UpdateUserBody } from './schemas.js';

/** Changes a user's full name, e-mail or interface language. */
export async function updateUser(db: Executor, actor: Actor, userId: string, input: UpdateUserBody): Promise<void> {
  requireUserAction(actor, 'update');
  await inTransaction(db, async (tx) => {
    const before = await userForUpdate(tx, userId);
    const changes: Partial<typeof users.$inferInsert> = {};
    if (input.fullName !== undefined) changes.fullName = input.fullName;
    if (input.email !== undefined) changes.email = input.email;
    if (input.locale !== undefined) changes.locale = input.locale;
    if (Object.keys(changes).length === 0) return;
    const [after] = await tx
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      before: auditUser(before),
      after: auditUser(after!),
    });
  });
}
