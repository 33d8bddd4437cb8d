// GET /api/report-periods/:id/compliance[.xlsx]: the Office's compliance board (branch reports-board).
import { ComplianceQuery, ComplianceView } from '../../../common/api/reports.js';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';
import { IdParams, responses, type App } from '../../lib/http.js';
import { presentCompliance } from './compliance-presenter.js';
import { exportCompliance } from './export-compliance.js';
import { getCompliance } from './get-compliance.js';

export default async function complianceRoutes(app: App) {
  const db = app.database.db;
  const tags = ['reports'];

  app.get(
    '/report-periods/:id/compliance',
    {
      schema: {
        tags,
        summary: 'Theo dõi nộp báo cáo của một kỳ (Văn phòng, trong phạm vi)',
        params: IdParams,
        querystring: ComplianceQuery,
        response: responses({ 200: ComplianceView }),
      },
    },
    async (req) => presentCompliance(await getCompliance(db, req.actor!, req.params.id, req.query)),
  );

  app.get(
    '/report-periods/:id/compliance.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất bảng theo dõi nộp báo cáo ra Excel',
        params: IdParams,
        querystring: ComplianceQuery,
        response: { ...responses({}), 200: XlsxFileResponse },
      },
    },
    async (req, reply) => {
      const file = await exportCompliance(db, req.actor!, req.params.id, req.query, req.locale);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );
}
