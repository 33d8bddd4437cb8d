// Routes of the reporting cycle's documents (docs/reporting.md): the
// federation's compiled report (BC) and a CĐCS's own report as DOCX.
import { DOCX_CONTENT_TYPE as DOCX_TYPE } from '../../lib/files.js';
import { IdParams, responses, type App } from '../../lib/http.js';
import { CompiledReportView, PutCompiledReportBody } from '../../../common/api/reports.js';
import { DocxFile } from '../programs/schemas.js';
import { exportCompiledReportDocx } from './export-compiled-report-docx.js';
import { exportReportDocx } from './export-report-docx.js';
import { getCompiledReport } from './get-compiled-report.js';
import { saveCompiledReport } from './save-compiled-report.js';

export default async function reportDocumentRoutes(app: App) {
  const db = app.database.db;
  const tags = ['reports'];

  app.get(
    '/report-periods/:id/compiled',
    { schema: { tags, summary: 'Báo cáo sơ kết / tổng kết của kỳ', params: IdParams, response: responses({ 200: CompiledReportView }) } },
    async (req) => getCompiledReport(db, req.actor!, req.params.id),
  );

  app.put(
    '/report-periods/:id/compiled',
    {
      schema: {
        tags,
        summary: 'Lưu phương hướng và ngày ban hành của báo cáo sơ kết / tổng kết',
        params: IdParams,
        body: PutCompiledReportBody,
        response: responses({ 200: CompiledReportView }),
      },
    },
    async (req) => saveCompiledReport(db, req.actor!, req.params.id, req.body),
  );

  app.get(
    '/report-periods/:id/compiled.docx',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo sơ kết / tổng kết dạng DOCX',
        params: IdParams,
        produces: [DOCX_TYPE],
        response: responses({ 200: DocxFile }),
      },
    },
    async (req, reply) => {
      const file = await exportCompiledReportDocx(db, req.actor!, req.params.id);
      return reply.type(DOCX_TYPE).header('content-disposition', file.contentDisposition).send(file.buffer);
    },
  );

  app.get(
    '/reports/:id/docx',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo của đơn vị dạng DOCX',
        params: IdParams,
        produces: [DOCX_TYPE],
        response: responses({ 200: DocxFile }),
      },
    },
    async (req, reply) => {
      const file = await exportReportDocx(db, req.actor!, req.params.id);
      return reply.type(DOCX_TYPE).header('content-disposition', file.contentDisposition).send(file.buffer);
    },
  );
}
