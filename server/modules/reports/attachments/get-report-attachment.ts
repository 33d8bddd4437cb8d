// One attachment of a report, for download: its row and where its file is.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { reportAttachments } from '../../../db/schema/index.js';
import type { Actor } from '../../../lib/access.js';
import { notFound } from '../../../lib/errors.js';
import { requireReportReadable } from './attachment-policy.js';
import { attachmentPath } from './attachment-storage.js';

export async function getReportAttachment(db: Executor, actor: Actor, filesDir: string, reportId: string, attachmentId: string) {
  await requireReportReadable(db, actor, reportId);
  const [row] = await db
    .select()
    .from(reportAttachments)
    .where(and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.reportId, reportId), isNull(reportAttachments.deletedAt)));
  if (!row) throw notFound();
  return { attachment: row, path: attachmentPath(filesDir, row.storageKey) };
}
