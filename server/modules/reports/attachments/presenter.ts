import type { z } from 'zod';
import type { reportAttachments } from '../../../db/schema/index.js';
import { toIso } from '../../../db/sql.js';
import type { ReportAttachmentView } from './schemas.js';

export function presentAttachment(row: typeof reportAttachments.$inferSelect): z.input<typeof ReportAttachmentView> {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: Number(row.sizeBytes),
    createdAt: toIso(row.createdAt),
  };
}
