// One attachment of an activity record, for download: its row and where its file is.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reportAttachments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { notFound } from '../../lib/errors.js';
import { attachmentPath } from '../reports/attachments/attachment-storage.js';
import { getActivityRecord } from './get-activity-record.js';

export async function getActivityAttachment(db: Executor, actor: Actor, filesDir: string, recordId: string, attachmentId: string) {
  await getActivityRecord(db, actor, recordId);
  const [row] = await db
    .select()
    .from(reportAttachments)
    .where(
      and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.activityRecordId, recordId), isNull(reportAttachments.deletedAt)),
    );
  if (!row) throw notFound();
  return { attachment: row, path: attachmentPath(filesDir, row.storageKey) };
}
