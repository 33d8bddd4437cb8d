import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { sessions, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { auditUser, userForUpdate } from './assignment-rules.js';
import { requireUserAction } from './policy.js';

/** Disables an account (vô hiệu hóa): sign-in is refused and every session ends. No-op when already disabled. */
export async function disableUser(db: Executor, actor: Actor, userId: string): Promise<void> {
  requireUserAction(actor, 'disable');
  if (userId === actor.userId) throw new AppError('CANNOT_DISABLE_SELF');
  await inTransaction(db, async (tx) => {
    const before = await userForUpdate(tx, userId);
    if (before.disabledAt) return;
    const now = new Date();
    const [after] = await tx.update(users).set({ disabledAt: now, updatedAt: now }).where(eq(users.id, userId)).returning();
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
    await recordAudit(tx, actor, {
      action: 'user.disable',
      entityType: 'user',
      entityId: userId,
      before: auditUser(before),
      after: { ...auditUser(after!), sessionsEnded: ended.length },
    });
  });
}
