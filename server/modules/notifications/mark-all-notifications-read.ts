import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';

/** Marks every unread notification of the reader read; returns how many. No audit entry (see markNotificationRead). */
export async function markAllNotificationsRead(ex: Executor, actor: Actor, now = new Date()): Promise<number> {
  if (!actor.userId) return 0;
  const rows = await ex
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
