import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { sessions, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { requireUncommonPassword } from '../../lib/password-policy.js';
import { hashPassword } from '../../lib/passwords.js';
import { userForUpdate } from './assignment-rules.js';
import { requireUserAction } from './policy.js';

/** An administrator sets a new password (đặt lại mật khẩu); every session of the user ends. */
export async function resetUserPassword(db: Executor, actor: Actor, userId: string, input: { newPassword: string }): Promise<void> {
  requireUserAction(actor, 'resetPassword');
  await requireUncommonPassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await userForUpdate(tx, userId);
    const now = new Date();
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
    await recordAudit(tx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: userId,
      after: { sessionsEnded: ended.length },
    });
  });
}
