// Attach a file to a report (đính kèm tệp): type by content, at most 10 MB,
// refused before anything is stored; then the file on disk under a random key
// and its row with sha256 and an audit entry in one transaction (the file is
// removed again if the transaction fails).
import { and, count, eq, isNull } from 'drizzle-orm';
import { REPORT_LIMITS } from '../../../../common/reports.js';
import type { Executor } from '../../../db/client.js';
import { reportAttachments } from '../../../db/schema/index.js';
import type { Actor } from '../../../lib/access.js';
import { recordAudit } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import { inTransaction } from '../../../lib/transaction.js';
import { requireAttachmentsEditable, requireReportReadable } from './attachment-policy.js';
import { newStorageKey, removeAttachmentFile, sha256Hex, writeAttachmentFile } from './attachment-storage.js';
import { cleanFileName, correctedFileName, detectAttachmentType } from './attachment-type.js';

export const attachmentTooLarge = () => new AppError('ATTACHMENT_TOO_LARGE', { maxMb: REPORT_LIMITS.attachmentMaxBytes / 1024 / 1024 });

export interface NewAttachment {
  fileName: string;
  content: Buffer;
}

/**
 * The checks every attached file passes before anything is stored (a report's
 * or an activity record's): not empty, at most 10 MB, a type allowed by its
 * content (not its name); then its cleaned name, checksum and a new storage key.
 */
export async function checkNewAttachment(
  file: NewAttachment,
): Promise<{ fileName: string; mediaType: string; sha256: string; storageKey: string }> {
  if (file.content.length === 0) throw new AppError('ATTACHMENT_EMPTY');
  if (file.content.length > REPORT_LIMITS.attachmentMaxBytes) throw attachmentTooLarge();
  const mediaType = await detectAttachmentType(file.content);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE_REFUSED');
  return {
    fileName: correctedFileName(cleanFileName(file.fileName), mediaType),
    mediaType,
    sha256: sha256Hex(file.content),
    storageKey: newStorageKey(),
  };
}

export async function addReportAttachment(db: Executor, actor: Actor, filesDir: string, reportId: string, file: NewAttachment) {
  // Nothing about the file is trusted and nothing is written before these checks.
  await requireReportReadable(db, actor, reportId);
  const { fileName, mediaType, sha256, storageKey } = await checkNewAttachment(file);

  let written = false;
  try {
    return await inTransaction(db, async (tx) => {
      const report = await requireAttachmentsEditable(tx, actor, reportId);
      const [{ n }] = (await tx
        .select({ n: count() })
        .from(reportAttachments)
        .where(and(eq(reportAttachments.reportId, reportId), isNull(reportAttachments.deletedAt)))) as [{ n: number | string }];
      if (Number(n) >= REPORT_LIMITS.attachmentsPerReportMax)
        throw new AppError('ATTACHMENT_TOO_MANY', { max: REPORT_LIMITS.attachmentsPerReportMax });
      await writeAttachmentFile(filesDir, storageKey, file.content);
      written = true;
      const [row] = await tx
        .insert(reportAttachments)
        .values({ reportId, fileName, mediaType, sizeBytes: file.content.length, sha256, storageKey, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, actor, {
        action: 'report_attachment.add',
        entityType: 'report_attachment',
        entityId: row!.id,
        unitId: report.unitId,
        entityLabel: fileName,
        after: { reportId, fileName, mediaType, sizeBytes: file.content.length, sha256 },
      });
      return row!;
    });
  } catch (error) {
    if (written) await removeAttachmentFile(filesDir, storageKey);
    throw error;
  }
}
