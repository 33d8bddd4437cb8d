import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';

/** Remembers the user's interface language. */
export async function updateMe(db: Executor, actor: Actor, input: { locale: Locale }): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ locale: input.locale, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    await recordAudit(tx, actor, {
      action: 'user.update_preferences',
      entityType: 'user',
      entityId: actor.userId,
      before: { locale: actor.locale },
      after: { locale: input.locale },
    });
  });
}
