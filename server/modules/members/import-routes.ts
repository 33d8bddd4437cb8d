import type { FastifyRequest } from 'fastify';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { AppError } from '../../lib/errors.js';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';
import { ErrorResponse, IdParams, responses, type App } from '../../lib/http.js';
import { commitMemberImport } from './import-commit.js';
import { getMemberImport } from './import-get.js';
import { waitForImportJobs } from './import-jobs.js';
import { exportRejectedRows } from './import-rejected.js';
import { startMemberImport, uploadedFileName } from './import-start.js';
import { buildImportTemplate } from './import-template.js';
import { CommitImportBody, MemberImportStatus } from './schemas.js';

// Excel import of members (nhập đoàn viên từ Excel); docs/member-import.md.
// The upload is the raw file as the request body (XLSX or octet-stream
// content type; any other type is read too and refused as not a workbook),
// its name in the URI-encoded header x-file-name.

const tooLarge = () => new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: MEMBER_LIMITS.importMaxBytes / 1024 / 1024 });

/** Reads the body into a Buffer, answering IMPORT_FILE_TOO_LARGE (not Fastify's generic error) past the limit. */
function readFileBody(req: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: Buffer) => void): void {
  const max = MEMBER_LIMITS.importMaxBytes;
  if (Number(req.headers['content-length'] ?? 0) > max) {
    payload.resume();
    done(tooLarge());
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
      done(tooLarge());
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

export default async function memberImportRoutes(app: App) {
  const db = app.database.db;
  const tags = ['members'];

  // Scoped to this plugin: JSON bodies (commit) keep the default parser.
  app.addContentTypeParser([XLSX_CONTENT_TYPE, 'application/octet-stream'], readFileBody);
  app.addContentTypeParser('*', readFileBody);
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
      const body = req.body;
      const buffer = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const status = await startMemberImport(
        db,
        req.actor!,
        { fileName: uploadedFileName(req.headers['x-file-name']), buffer },
        req.locale,
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
