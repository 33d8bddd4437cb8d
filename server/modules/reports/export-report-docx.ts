import type { Executor } from '../../db/client.js';
import { READ_ROLES, requireUnitAccess, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { attachmentHeader, docxFileName, renderDocx } from '../../lib/union-docx.js';
import { periodPhrase } from '../../../common/report-documents.js';
import { buildUnitReport } from './render-report-docx.js';
import { loadPeriodContext, loadUnitReport } from './report-document-data.js';

/**
 * GET /api/reports/:id/docx: a CĐCS's own report (values, narratives,
 * difficulties) in the union document form, for whoever may read the unit
 * (its chair, the federations above). Audited.
 */
export async function exportReportDocx(db: Executor, actor: Actor, reportId: string) {
  const report = await loadUnitReport(db, reportId);
  await requireUnitAccess(db, actor, report.unit.id, READ_ROLES);
  const context = await loadPeriodContext(db, report.periodId);
  const buffer = await renderDocx(buildUnitReport({ context, report }));
  await recordAudit(db, actor, { action: 'report.export', entityType: 'report', entityId: reportId, unitId: report.unit.id });
  const name = `BC ${report.unit.shortName} ${periodPhrase(context.period.kind, context.period.factMonth).replace('/', '-')}`;
  return { buffer, contentDisposition: attachmentHeader(docxFileName(name)) };
}
