// Số văn bản (DOMAIN.md "Documents"): numbers run from 01 each 1 January in ONE
// sequence per issuing unit, across document kinds (CTr, KH, BC, …); number +
// symbol is unique within the year. Every numbered document claims its number
// here, inside the transaction that writes the document, so the claim and the
// document are written or rolled back together.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { documentNumbers } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { AppError } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';

/** Kind abbreviation of a numbered document (ký hiệu loại văn bản): 'CTr', 'KH', 'BC', … */
export type DocumentKindCode = string;

export interface DocumentNumberClaim {
  issuerUnitId: string;
  year: number;
  number: number;
  kind: DocumentKindCode;
  /** Id of the document's row in its own table (program, report, …). */
  entityId: string;
}

/** The number is taken by another document of the issuer that year (400, field "number"). */
export class DocumentNumberTakenError extends AppError {
  constructor(
    readonly number: number,
    readonly year: number,
    readonly next: number,
  ) {
    const params = { number, year, next };
    super('DOCUMENT_NUMBER_TAKEN', params, { fields: [{ field: 'number', messageKey: 'errors.DOCUMENT_NUMBER_TAKEN', params }] });
  }
}

/** The next number of the issuer's sequence in `year` (1 when the year has none yet). */
export async function nextDocumentNumber(ex: Executor, issuerUnitId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    ex,
    sql`select coalesce(max(number), 0) + 1 as n from document_numbers
        where issuer_unit_id = ${issuerUnitId}::uuid and year = ${year}`,
  );
  return Number(row!.n);
}

/**
 * Claims `number` of the issuer's sequence in `year` for a document. Throws
 * DocumentNumberTakenError when another document holds it (also when a
 * concurrent transaction claimed it first: the unique index decides). Runs in
 * a savepoint, so a refused claim leaves the caller's transaction usable.
 */
export async function claimDocumentNumber(ex: Executor, claim: DocumentNumberClaim): Promise<void> {
  const [holder] = await ex
    .select({ entityId: documentNumbers.entityId })
    .from(documentNumbers)
    .where(
      and(
        eq(documentNumbers.issuerUnitId, claim.issuerUnitId),
        eq(documentNumbers.year, claim.year),
        eq(documentNumbers.number, claim.number),
      ),
    )
    .limit(1);
  if (holder?.entityId === claim.entityId) return; // already this document's number
  if (holder) throw new DocumentNumberTakenError(claim.number, claim.year, await nextDocumentNumber(ex, claim.issuerUnitId, claim.year));
  try {
    await inTransaction(ex, (tx) => tx.insert(documentNumbers).values(claim));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DocumentNumberTakenError(claim.number, claim.year, await nextDocumentNumber(ex, claim.issuerUnitId, claim.year));
  }
}

/** Gives back the number(s) a document holds (a draft renumbered, or moved to another year). */
export async function releaseDocumentNumber(ex: Executor, entityId: string): Promise<void> {
  await ex.delete(documentNumbers).where(eq(documentNumbers.entityId, entityId));
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
