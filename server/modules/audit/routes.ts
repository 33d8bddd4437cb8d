import { responses, type App } from '../../lib/http.js';
import { exportAuditLog } from './export-audit-log.js';
import { listAuditEntries } from './list-audit-entries.js';
import { listAuditFacets } from './list-audit-facets.js';
import { presentAuditEntry } from './presenter.js';
import { AuditFacetsResponse, AuditFilterQuery, AuditListQuery, AuditPageResponse } from './schemas.js';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';

export default async function auditRoutes(app: App) {
  const db = app.database.db;
  const tags = ['audit'];

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'Nhật ký hệ thống (trong phạm vi)',
        querystring: AuditListQuery,
        response: responses({ 200: AuditPageResponse }),
      },
    },
    async (req) => {
      const { rows, ...page } = await listAuditEntries(db, req.actor!, req.query);
      return { items: rows.map(presentAuditEntry), ...page };
    },
  );

  app.get(
    '/audit/facets',
    { schema: { tags, summary: 'Các loại đối tượng và thao tác có trong nhật ký', response: responses({ 200: AuditFacetsResponse }) } },
    async (req) => listAuditFacets(db, req.actor!),
  );

  app.get(
    '/audit/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất nhật ký hệ thống ra Excel',
        querystring: AuditFilterQuery,
        response: { ...responses({}), 200: XlsxFileResponse },
      },
    },
    async (req, reply) => {
      const file = await exportAuditLog(db, req.actor!, req.query, req.locale);
      // A Buffer bypasses the response serializer, so the zod schema only documents it.
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );
}
