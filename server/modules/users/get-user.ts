import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { notFound } from '../../lib/errors.js';
import { requireUserAction } from './policy.js';
import { userColumns, withAssignments, type UserWithAssignments } from './user-rows.js';

/** One user with their role assignments; 404 when unknown. */
export async function getUser(db: Executor, actor: Actor, userId: string): Promise<UserWithAssignments> {
  requireUserAction(actor, 'read');
  const rows = await db.select(userColumns).from(users).where(eq(users.id, userId));
  const [user] = await withAssignments(db, rows);
  if (!user) throw notFound();
  return user;
}
