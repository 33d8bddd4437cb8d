import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';

/**
 * Marks one of the reader's notifications read (again: a no-op). Another
 * user's notification answers 404, as an unknown one does. Reading one's own
 * notices changes no data of the union, so it writes no audit entry.
 */
export async function markNotificationRead(ex: Executor, actor: Actor, id: string, now = new Date()): Promise<void> {
  await inTransaction(ex, async (tx) => {
    if (!actor.userId) throw notFound();
    const [row] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)));
    if (!row) throw notFound();
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  });
}
