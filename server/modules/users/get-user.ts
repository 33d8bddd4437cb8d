import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { requireUserAction } from './policy.js';
import { presentUser } from './presenter.js';
import type { UserView } from './schemas.js';

/** One user with their role assignments; 404 when unknown. */
export async function getUser(db: Executor, actor: Actor, userId: string): Promise<UserView> {
  requireUserAction(actor, 'read');
  return presentUser(db, userId);
}
