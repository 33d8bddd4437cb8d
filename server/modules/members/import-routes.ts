import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';
import { ErrorResponse, IdParams, responses, type App } from '../../lib/http.js';
import { commitMemberImport } from './import-commit.js';
import { getMemberImport } from './import-get.js';
import { waitForImportJobs } from './import-jobs.js';
import { exportRejectedRows } from './import-rejected.js';
import { startMemberImport, tooLarge, uploadedFileName } from './import-start.js';
import { buildImportTemplate } from './import-template.js';
import { CommitImportBody, MemberImportStatus } from './schemas.js';

// Excel import of members (nhập đoàn viên từ Excel); docs/member-import.md.
// The upload is the raw file as the request body (XLSX or octet-stream
// content type; any other type is read too and refused as not a workbook),
// its name in the URI-encoded header x-file-name. The body is never buffered:
// the handler streams it to DATA_DIR/imports (import-start.ts), so a large
// file costs neither memory nor the event loop.

/** Leaves the body as the request stream; the handler (after the sign-in and permission checks) stores it. */
function passBodyThrough(_req: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: unknown) => void): void {
  done(null, payload);
}

export default async function memberImportRoutes(app: App) {
  const db = app.database.db;
  const tags = ['members'];

  const importsDir = path.join(app.filesDir, 'imports');
  // Scoped to this plugin: JSON bodies (commit) keep the default parser.
  app.addContentTypeParser([XLSX_CONTENT_TYPE, 'application/octet-stream'], passBodyThrough);
  app.addContentTypeParser('*', passBodyThrough);
  app.addHook('onClose', async () => waitForImportJobs());

  app.get(
    '/members/import/template',
    { schema: { tags, summary: 'Tải tệp mẫu nhập đoàn viên (Excel)', response: { ...responses({}), 200: XlsxFileResponse } } },
    async (req, reply) => {
      const file = await buildImportTemplate(db, req.actor!, req.locale);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );

  app.post(
    '/members/import',
    {
      bodyLimit: MEMBER_LIMITS.importMaxBytes + 1024 * 1024,
      schema: {
        tags,
        summary: 'Tải lên tệp Excel đoàn viên để kiểm tra (thân yêu cầu là tệp XLSX; tên tệp trong header x-file-name)',
        // 202 is what is sent; 200 documents the same shape for clients (and the OpenAPI contract test) that expect one.
        response: responses({ 200: MemberImportStatus, 202: MemberImportStatus, 413: ErrorResponse }),
      },
    },
    async (req, reply) => {
      // Too large by its declared length: refused before a byte is stored.
      if (Number(req.headers['content-length'] ?? 0) > MEMBER_LIMITS.importMaxBytes) {
        req.raw.resume();
        throw tooLarge();
      }
      const body = req.body as unknown;
      const stream = body instanceof Readable ? body : Readable.from([Buffer.isBuffer(body) ? body : Buffer.alloc(0)]);
      const status = await startMemberImport(
        db,
        req.actor!,
        { fileName: uploadedFileName(req.headers['x-file-name']), stream },
        req.locale,
        { dir: importsDir },
      );
      return reply.code(202).send(status);
    },
  );

  app.get(
    '/members/import/:id',
    { schema: { tags, summary: 'Trạng thái kiểm tra / nhập tệp', params: IdParams, response: responses({ 200: MemberImportStatus }) } },
    async (req) => getMemberImport(db, req.actor!, req.params.id, req.locale),
  );

  app.get(
    '/members/import/:id/rejected',
    {
      schema: {
        tags,
        summary: 'Tải các dòng lỗi (kèm cột Lỗi) để sửa và tải lên lại',
        params: IdParams,
        response: { ...responses({}), 200: XlsxFileResponse },
      },
    },
    async (req, reply) => {
      const file = await exportRejectedRows(db, req.actor!, req.params.id, req.locale);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );

  app.post(
    '/members/import/:id/commit',
    {
      schema: {
        tags,
        summary: 'Nhập các dòng đã kiểm tra vào sổ đoàn viên (chạy nền)',
        params: IdParams,
        body: CommitImportBody.nullish(),
        response: responses({ 200: MemberImportStatus, 202: MemberImportStatus }),
      },
    },
    async (req, reply) => {
      const status = await commitMemberImport(
        db,
        req.actor!,
        req.params.id,
        { validRowsOnly: req.body?.validRowsOnly ?? false },
        req.locale,
      );
      return reply.code(202).send(status);
    },
  );
}
