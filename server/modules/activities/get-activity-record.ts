// One record, for its page or drawer: in the reader's scope, not deleted.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { activityConditions, activityOrder, readActivityRecords, type ActivityRecordModel } from './activity-reads.js';
import { requireActivityReader } from './policy.js';

/** Unknown, deleted and out-of-scope ids give the same 403 (404 for an administrator). */
export async function getActivityRecord(db: Executor, actor: Actor, id: string): Promise<ActivityRecordModel> {
  requireActivityReader(actor);
  const where = sql`r.id = ${id}::uuid and ${await activityConditions(db, actor, {})}`;
  const [record] = await readActivityRecords(db, actor, where, activityOrder(), 1);
  if (!record) throw isSystemAdmin(actor) ? notFound() : forbidden();
  return record;
}
