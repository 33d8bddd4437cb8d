import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { auditUser, userForUpdate } from './assignment-rules.js';
import { requireUserAction } from './policy.js';

/** Enables a disabled account again (kích hoạt lại). No-op when already active. */
export async function enableUser(db: Executor, actor: Actor, userId: string): Promise<void> {
  requireUserAction(actor, 'enable');
  await inTransaction(db, async (tx) => {
    const before = await userForUpdate(tx, userId);
    if (!before.disabledAt) return;
    const [after] = await tx.update(users).set({ disabledAt: null, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    await recordAudit(tx, actor, {
      action: 'user.enable',
      entityType: 'user',
      entityId: userId,
      before: auditUser(before),
      after: auditUser(after!),
    });
  });
}
