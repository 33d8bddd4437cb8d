import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { REPORT_DOCUMENT_KIND } from '../../../common/report-documents.js';
import type { PutCompiledReportBody } from '../../../common/api/reports.js';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { compiledReports } from '../../db/schema/reports.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { claimDocumentNumber, nextDocumentNumber } from '../documents/document-numbers.js';
import { requireCompiledReportWrite } from './compiled-report-policy.js';
import { readCompiledReport, type CompiledReportRow } from './get-compiled-report.js';
import { loadPeriodContext } from './report-document-data.js';

/**
 * PUT /api/report-periods/:id/compiled: the officer writes the next period's
 * direction (phương hướng) and the issue date. The first save takes the next
 * number of the issuer's yearly sequence (kind BC, shared with programs and
 * plans: server/modules/documents/document-numbers.ts), in the same
 * transaction. Version-checked: a stale save is 409 STALE_WRITE.
 */
export async function saveCompiledReport(
  db: Executor,
  actor: Actor,
  periodId: string,
  input: z.output<typeof PutCompiledReportBody>,
): Promise<CompiledReportRow> {
  return inTransaction(db, async (tx) => {
    const ctx = await loadPeriodContext(tx, periodId);
    await requireCompiledReportWrite(tx, actor, ctx);
    const current = await readCompiledReport(tx, ctx, true);
    const issuedOn = input.issuedOn === undefined ? current.issuedOn : input.issuedOn;
    if (current.id === null) {
      if (input.expectedVersion !== null) throw await staleWrite(tx, 'compiled_reports', randomUUID());
      const id = randomUUID();
      const year = Number((issuedOn ?? ctx.period.dataTo).slice(0, 4));
      const number = await nextDocumentNumber(tx, ctx.program.unitId, year);
      await claimDocumentNumber(tx, { issuerUnitId: ctx.program.unitId, year, number, kind: REPORT_DOCUMENT_KIND, entityId: id });
      const values = {
        id,
        periodId,
        issuerUnitId: ctx.program.unitId,
        number,
        symbol: current.symbol,
        issuedOn,
        direction: input.direction,
        createdBy: actor.userId ?? null,
        updatedBy: actor.userId ?? null,
      };
      await tx.insert(compiledReports).values(values);
      await recordAudit(tx, actor, {
        action: 'compiled_report.create',
        entityType: 'compiled_report',
        entityId: id,
        unitId: ctx.program.unitId,
        after: { number, symbol: current.symbol, issuedOn, direction: input.direction },
        entityLabel: `${String(number).padStart(2, '0')}/${current.symbol}`,
      });
    } else {
      if (input.expectedVersion === null) throw await staleWrite(tx, 'compiled_reports', current.id);
      await requireVersion(tx, 'compiled_reports', { id: current.id, rowVersion: current.rowVersion! }, input.expectedVersion);
      await tx
        .update(compiledReports)
        .set({ issuedOn, direction: input.direction, ...nextVersion(actor) })
        .where(eq(compiledReports.id, current.id));
      await recordAudit(tx, actor, {
        action: 'compiled_report.update',
        entityType: 'compiled_report',
        entityId: current.id,
        unitId: ctx.program.unitId,
        before: { issuedOn: current.issuedOn, direction: current.direction },
        after: { issuedOn, direction: input.direction },
        entityLabel: `${String(current.number ?? 0).padStart(2, '0')}/${current.symbol}`,
      });
    }
    return readCompiledReport(tx, ctx);
  });
}
