import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { attachmentHeader, docxFileName, renderDocx } from '../../lib/union-docx.js';
import { requireCompiledReportRead } from './compiled-report-policy.js';
import { readCompiledReport } from './get-compiled-report.js';
import { buildCompiledReport } from './render-report-docx.js';
import { loadPeriodCompliance, loadPeriodContext, loadTargetResults } from './report-document-data.js';
import { compiledReportTitle } from '../../../common/report-documents.js';

/**
 * GET /api/report-periods/:id/compiled.docx: the federation's report (BC) in
 * the union document form: targets with plan, result, % of plan and status at
 * the cut-off; each task group's narratives by unit; late and missing units;
 * difficulties; the direction the officer wrote. Every export is audited.
 */
export async function exportCompiledReportDocx(db: Executor, actor: Actor, periodId: string) {
  const context = await loadPeriodContext(db, periodId);
  await requireCompiledReportRead(db, actor, context);
  const saved = await readCompiledReport(db, context);
  const [compliance, targets] = await Promise.all([loadPeriodCompliance(db, context), loadTargetResults(db, context)]);
  const buffer = await renderDocx(
    buildCompiledReport({
      context,
      compliance,
      targets,
      number: saved.number,
      symbol: saved.symbol,
      issuedOn: saved.issuedOn,
      direction: saved.direction,
    }),
  );
  await recordAudit(db, actor, {
    action: 'compiled_report.export',
    entityType: 'report_period',
    entityId: periodId,
    unitId: context.program.unitId,
  });
  const number = saved.number === null ? '' : `${String(saved.number).padStart(2, '0')}-`;
  const title = compiledReportTitle(context.period.kind, context.period.factMonth, context.program.title);
  return { buffer, contentDisposition: attachmentHeader(docxFileName(`${number}${saved.symbol} ${title}`)) };
}
