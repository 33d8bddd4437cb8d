// Wire shapes of the attachment routes: defined in common/api/reports.ts, re-exported here.
import { z } from 'zod';
import { ReportAttachmentView } from '../../../../common/api/reports.js';

export { ReportAttachmentView };
export const ReportAttachmentList = z.array(ReportAttachmentView);
export const ReportAttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
