// POST/GET/DELETE /api/reports/:id/attachments[/:attachmentId] (docs/reporting.md "Attachments").
// The upload is the raw file as the request body, its name URI-encoded in the
// x-file-name header (as the member import): no multipart parser needed, and a
// body over 10 MB is refused while it streams in, before anything is stored.
import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REPORT_LIMITS } from '../../../../common/reports.js';
import { contentDisposition } from '../../../lib/files.js';
import { ErrorResponse, IdParams, OkResponse, responses, type App } from '../../../lib/http.js';
import { reportAttachments } from '../../../db/schema/index.js';
import { addReportAttachment, attachmentTooLarge, type NewAttachment } from './add-report-attachment.js';
import { deleteReportAttachment } from './delete-report-attachment.js';
import { getReportAttachment } from './get-report-attachment.js';
import { listReportAttachments } from './list-report-attachments.js';
import { presentAttachment } from './presenter.js';
import { ReportAttachmentList, ReportAttachmentParams, ReportAttachmentView } from './schemas.js';

type AttachmentRow = typeof reportAttachments.$inferSelect;

export interface ReportAttachmentRoutesOptions {
  /** DATA_DIR: the files live in DATA_DIR/attachments. */
  filesDir: string;
}

/** Reads the body into a Buffer, refusing (ATTACHMENT_TOO_LARGE) as soon as it passes the limit. */
export function readFileBody(req: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: Buffer) => void): void {
  const max = REPORT_LIMITS.attachmentMaxBytes;
  if (Number(req.headers['content-length'] ?? 0) > max) {
    payload.resume();
    done(attachmentTooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  payload.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > max) {
      finished = true;
      done(attachmentTooLarge());
      return;
    }
    chunks.push(chunk);
  });
  payload.on('end', () => {
    if (!finished) {
      finished = true;
      done(null, Buffer.concat(chunks));
    }
  });
  payload.on('error', (err: Error) => {
    if (!finished) {
      finished = true;
      done(err);
    }
  });
}

/** The uploaded file of a request read by readFileBody: its bytes, and its name from x-file-name. */
export function uploadedFile(req: FastifyRequest): NewAttachment {
  const header = req.headers['x-file-name'];
  return {
    fileName: (Array.isArray(header) ? header[0] : header) ?? '',
    content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

/** Sends a stored attachment as a download, with its type, name and size. */
export function sendAttachmentFile(reply: FastifyReply, found: { attachment: AttachmentRow; path: string }) {
  return reply
    .type(found.attachment.mediaType)
    .header('content-disposition', contentDisposition(found.attachment.fileName))
    .header('content-length', String(found.attachment.sizeBytes))
    .send(fs.createReadStream(found.path));
}

export default async function reportAttachmentRoutes(app: App, options: ReportAttachmentRoutesOptions) {
  const db = app.database.db;
  const { filesDir } = options;
  const tags = ['reports'];

  // Scoped to this plugin: every upload body is read as bytes whatever its content type (the type is read from the bytes).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', readFileBody);

  app.post(
    '/reports/:id/attachments',
    {
      bodyLimit: REPORT_LIMITS.attachmentMaxBytes + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Đính kèm tệp vào báo cáo (thân yêu cầu là tệp; tên tệp mã hóa URI trong header x-file-name). PDF, JPEG, PNG, WebP, DOCX, XLSX; tối đa 10 MB',
        params: IdParams,
        response: responses({ 201: ReportAttachmentView, 413: ErrorResponse }),
      },
    },
    async (req, reply) => {
      const row = await addReportAttachment(db, req.actor!, filesDir, req.params.id, uploadedFile(req));
      return reply.code(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/reports/:id/attachments',
    { schema: { tags, summary: 'Các tệp đính kèm của báo cáo', params: IdParams, response: responses({ 200: ReportAttachmentList }) } },
    async (req) => (await listReportAttachments(db, req.actor!, req.params.id)).map(presentAttachment),
  );

  app.get(
    '/reports/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Tải tệp đính kèm', params: ReportAttachmentParams } },
    async (req, reply) =>
      sendAttachmentFile(reply, await getReportAttachment(db, req.actor!, filesDir, req.params.id, req.params.attachmentId)),
  );

  app.delete(
    '/reports/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Xóa tệp đính kèm (khi báo cáo còn sửa được)',
        params: ReportAttachmentParams,
        response: responses({ 200: OkResponse }),
      },
    },
    async (req) => {
      await deleteReportAttachment(db, req.actor!, filesDir, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
}
