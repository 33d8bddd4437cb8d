// The files attached to an activity record the reader may read, oldest first (deleted ones left out).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reportAttachments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { getActivityRecord } from './get-activity-record.js';

export async function listActivityAttachments(db: Executor, actor: Actor, recordId: string) {
  await getActivityRecord(db, actor, recordId);
  return db
    .select()
    .from(reportAttachments)
    .where(and(eq(reportAttachments.activityRecordId, recordId), isNull(reportAttachments.deletedAt)))
    .orderBy(asc(reportAttachments.createdAt), asc(reportAttachments.id));
}
