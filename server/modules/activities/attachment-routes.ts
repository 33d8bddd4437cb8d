// POST/GET/DELETE /api/activities/:id/attachments[/:attachmentId]: files of an
// activity record, stored like a report's (server/modules/reports/attachments).
// The upload is the raw file as the request body, its name URI-encoded in the
// x-file-name header; a body over 10 MB is refused while it streams in. A
// plugin of its own: its content-type parser reads every body as bytes.
import { ActivityAttachmentList, ActivityAttachmentParams, ActivityAttachmentView } from '../../../common/api/activities.js';
import { REPORT_LIMITS } from '../../../common/reports.js';
import { ErrorResponse, IdParams, OkResponse, responses, type App } from '../../lib/http.js';
import { presentAttachment } from '../reports/attachments/presenter.js';
import { readFileBody, sendAttachmentFile, uploadedFile } from '../reports/attachments/routes.js';
import { addActivityAttachment } from './add-activity-attachment.js';
import { deleteActivityAttachment } from './delete-activity-attachment.js';
import { getActivityAttachment } from './get-activity-attachment.js';
import { listActivityAttachments } from './list-activity-attachments.js';

export interface ActivityAttachmentRoutesOptions {
  /** DATA_DIR: the files live in DATA_DIR/attachments. */
  filesDir: string;
}

export default async function activityAttachmentRoutes(app: App, options: ActivityAttachmentRoutesOptions) {
  const db = app.database.db;
  const { filesDir } = options;
  const tags = ['activities'];

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', readFileBody);

  app.post(
    '/activities/:id/attachments',
    {
      bodyLimit: REPORT_LIMITS.attachmentMaxBytes + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Đính kèm tệp vào hồ sơ hoạt động (thân yêu cầu là tệp; tên tệp mã hóa URI trong header x-file-name). PDF, JPEG, PNG, WebP, DOCX, XLSX; tối đa 10 MB',
        params: IdParams,
        response: responses({ 201: ActivityAttachmentView, 413: ErrorResponse }),
      },
    },
    async (req, reply) => {
      const row = await addActivityAttachment(db, req.actor!, filesDir, req.params.id, uploadedFile(req));
      return reply.code(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/activities/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Các tệp đính kèm của hồ sơ hoạt động',
        params: IdParams,
        response: responses({ 200: ActivityAttachmentList }),
      },
    },
    async (req) => (await listActivityAttachments(db, req.actor!, req.params.id)).map(presentAttachment),
  );

  app.get(
    '/activities/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Tải tệp đính kèm của hồ sơ hoạt động', params: ActivityAttachmentParams } },
    async (req, reply) =>
      sendAttachmentFile(reply, await getActivityAttachment(db, req.actor!, filesDir, req.params.id, req.params.attachmentId)),
  );

  app.delete(
    '/activities/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Xóa tệp đính kèm của hồ sơ hoạt động',
        params: ActivityAttachmentParams,
        response: responses({ 200: OkResponse }),
      },
    },
    async (req) => {
      await deleteActivityAttachment(db, req.actor!, filesDir, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
}
