import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';

/** Remembers the user's interface language. */
export async function updateMe(db: Database, actor: Actor, input: { locale: Locale }): Promise<void> {
  await db.transaction(async (tx) => {
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
