import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';

export interface ListNotificationsInput {
  limit: number;
  unreadOnly: boolean;
}

/** The reader's own notifications, newest first, and how many are unread. Nobody reads another user's. */
export async function listNotifications(ex: Executor, actor: Actor, input: ListNotificationsInput) {
  if (!actor.userId) return { rows: [], unread: 0 };
  const mine = eq(notifications.userId, actor.userId);
  const [{ unread } = { unread: 0 }] = await ex
    .select({ unread: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  const rows =
    input.limit === 0
      ? []
      : await ex
          .select()
          .from(notifications)
          .where(input.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(input.limit);
  return { rows, unread: Number(unread) };
}
