// The files attached to a report, oldest first (deleted ones left out).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { reportAttachments } from '../../../db/schema/index.js';
import type { Actor } from '../../../lib/access.js';
import { requireReportReadable } from './attachment-policy.js';

export async function listReportAttachments(db: Executor, actor: Actor, reportId: string) {
  await requireReportReadable(db, actor, reportId);
  return db
    .select()
    .from(reportAttachments)
    .where(and(eq(reportAttachments.reportId, reportId), isNull(reportAttachments.deletedAt)))
    .orderBy(asc(reportAttachments.createdAt), asc(reportAttachments.id));
}
