// Remove an attachment while the report is editable (a draft, or returned, in
// an open period). The row is kept, marked deleted (the audit entry names it);
// the file is removed from disk once the deletion is committed.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { reportAttachments } from '../../../db/schema/index.js';
import type { Actor } from '../../../lib/access.js';
import { recordAudit } from '../../../lib/audit.js';
import { notFound } from '../../../lib/errors.js';
import { inTransaction } from '../../../lib/transaction.js';
import { requireAttachmentsEditable } from './attachment-policy.js';
import { removeAttachmentFile } from './attachment-storage.js';

export async function deleteReportAttachment(db: Executor, actor: Actor, filesDir: string, reportId: string, attachmentId: string) {
  const removed = await inTransaction(db, async (tx) => {
    const report = await requireAttachmentsEditable(tx, actor, reportId);
    const [row] = await tx
      .update(reportAttachments)
      .set({ deletedAt: new Date() })
      .where(and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.reportId, reportId), isNull(reportAttachments.deletedAt)))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, actor, {
      action: 'report_attachment.delete',
      entityType: 'report_attachment',
      entityId: row.id,
      unitId: report.unitId,
      entityLabel: row.fileName,
      before: { reportId, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
    return row;
  });
  await removeAttachmentFile(filesDir, removed.storageKey);
}
