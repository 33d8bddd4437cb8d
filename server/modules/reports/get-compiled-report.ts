import { sql } from 'drizzle-orm';
import { reportSymbol } from '../../../common/report-documents.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { requireCompiledReportRead } from './compiled-report-policy.js';
import { loadPeriodContext, type PeriodContext } from './report-document-data.js';

export interface CompiledReportRow {
  id: string | null;
  periodId: string;
  issuerUnitId: string;
  number: number | null;
  symbol: string;
  issuedOn: string | null;
  direction: string | null;
  rowVersion: number | null;
}

/** The compiled report's own row, or a blank one (not written yet) with the symbol it will take. */
export async function readCompiledReport(db: Executor, ctx: PeriodContext, forUpdate = false): Promise<CompiledReportRow> {
  const [row] = await queryRows<{
    id: string;
    number: number | null;
    symbol: string;
    issued_on: unknown;
    direction: string | null;
    row_version: number;
  }>(
    db,
    sql`select id, number, symbol, issued_on, direction, row_version from compiled_reports
        where period_id = ${ctx.period.id}::uuid and issuer_unit_id = ${ctx.program.unitId}::uuid
        ${forUpdate ? sql`for update` : sql``}`,
  );
  return {
    id: row?.id ?? null,
    periodId: ctx.period.id,
    issuerUnitId: ctx.program.unitId,
    number: row?.number ?? null,
    symbol: row?.symbol ?? reportSymbol(ctx.program.symbol),
    issuedOn: toDateOnly(row?.issued_on),
    direction: row?.direction ?? null,
    rowVersion: row?.row_version ?? null,
  };
}

/** GET /api/report-periods/:id/compiled: the federation's compiled report (BC) of a period. */
export async function getCompiledReport(db: Executor, actor: Actor, periodId: string): Promise<CompiledReportRow> {
  const ctx = await loadPeriodContext(db, periodId);
  await requireCompiledReportRead(db, actor, ctx);
  return readCompiledReport(db, ctx);
}
