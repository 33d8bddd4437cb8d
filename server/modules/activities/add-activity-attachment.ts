// Attach a file to an activity record (minutes, a decision, photos): the same
// storage and checks as a report's (type by content, at most 10 MB, refused
// before anything is stored), by whoever may write the record; the file on
// disk, its row and the audit entry in one transaction (the file is removed
// again if the transaction fails).
import { and, count, eq, isNull } from 'drizzle-orm';
import { REPORT_LIMITS } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { reportAttachments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { checkNewAttachment } from '../reports/attachments/add-report-attachment.js';
import { removeAttachmentFile, writeAttachmentFile } from '../reports/attachments/attachment-storage.js';
import type { NewAttachment } from '../reports/attachments/add-report-attachment.js';
import { getActivityRecord } from './get-activity-record.js';
import { requireActivityWriter, requireWriteRecord } from './policy.js';
import { findRecordToWrite } from './record-writes.js';

export async function addActivityAttachment(db: Executor, actor: Actor, filesDir: string, recordId: string, file: NewAttachment) {
  // Nothing about the file is trusted and nothing is written before these checks.
  requireActivityWriter(actor);
  const readable = await getActivityRecord(db, actor, recordId);
  await requireWriteRecord(db, actor, readable.kind, readable.unitId, readable.occurredOn);
  const { fileName, mediaType, sha256, storageKey } = await checkNewAttachment(file);

  let written = false;
  try {
    return await inTransaction(db, async (tx) => {
      // The record is locked: two uploads do not both pass the count limit.
      const record = await findRecordToWrite(tx, actor, recordId);
      const [{ n }] = (await tx
        .select({ n: count() })
        .from(reportAttachments)
        .where(and(eq(reportAttachments.activityRecordId, recordId), isNull(reportAttachments.deletedAt)))) as [{ n: number | string }];
      if (Number(n) >= REPORT_LIMITS.attachmentsPerReportMax) {
        throw new AppError('ACTIVITY_ATTACHMENTS_TOO_MANY', { max: REPORT_LIMITS.attachmentsPerReportMax });
      }
      await writeAttachmentFile(filesDir, storageKey, file.content);
      written = true;
      const [row] = await tx
        .insert(reportAttachments)
        .values({
          activityRecordId: recordId,
          fileName,
          mediaType,
          sizeBytes: file.content.length,
          sha256,
          storageKey,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'activity_attachment.add',
        entityType: 'activity_attachment',
        entityId: row!.id,
        unitId: record.unitId,
        entityLabel: fileName,
        after: { activityRecordId: recordId, fileName, mediaType, sizeBytes: file.content.length, sha256 },
      });
      return row!;
    });
  } catch (error) {
    if (written) await removeAttachmentFile(filesDir, storageKey);
    throw error;
  }
}
