// Remove a file from an activity record, by whoever may write the record. The
// row is kept, marked deleted (the audit entry names it); the file is removed
// from disk once the deletion is committed.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reportAttachments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { removeAttachmentFile } from '../reports/attachments/attachment-storage.js';
import { requireActivityWriter } from './policy.js';
import { findRecordToWrite } from './record-writes.js';

export async function deleteActivityAttachment(db: Executor, actor: Actor, filesDir: string, recordId: string, attachmentId: string) {
  requireActivityWriter(actor);
  const removed = await inTransaction(db, async (tx) => {
    const record = await findRecordToWrite(tx, actor, recordId);
    const [row] = await tx
      .update(reportAttachments)
      .set({ deletedAt: new Date() })
      .where(
        and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.activityRecordId, recordId), isNull(reportAttachments.deletedAt)),
      )
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, actor, {
      action: 'activity_attachment.delete',
      entityType: 'activity_attachment',
      entityId: row.id,
      unitId: record.unitId,
      entityLabel: row.fileName,
      before: {
        activityRecordId: recordId,
        fileName: row.fileName,
        mediaType: row.mediaType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      },
    });
    return row;
  });
  await removeAttachmentFile(filesDir, removed.storageKey);
}
