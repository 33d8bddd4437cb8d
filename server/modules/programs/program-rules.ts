// Rules shared by creating and editing a program.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import { claimDocumentNumber, releaseDocumentNumber } from '../documents/document-numbers.js';
import { fieldError } from '../../lib/errors.js';

/** Kind abbreviation (ký hiệu loại văn bản) of a program kind, for the shared number sequence. */
export const PROGRAM_KIND_CODE: Record<string, string> = { program: 'CTr', plan: 'KH' };

/**
 * Claims the program's number in the issuer's yearly sequence (one sequence
 * across document kinds: server/modules/documents/document-numbers.ts),
 * giving back the number it held before (a draft renumbered).
 */
export async function claimProgramNumber(
  tx: Executor,
  program: { id: string; unitId: string; year: number; kind: string; number: number },
  renumber = false,
): Promise<void> {
  if (renumber) await releaseDocumentNumber(tx, program.id);
  await claimDocumentNumber(tx, {
    issuerUnitId: program.unitId,
    year: program.year,
    number: program.number,
    kind: PROGRAM_KIND_CODE[program.kind] ?? program.kind,
    entityId: program.id,
  });
}

/** The issuing unit must exist at some time during the program's year. */
export async function assertUnitValidInYear(tx: Executor, unitId: string, year: number): Promise<void> {
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.id, unitId),
        sql`${orgUnits.validFrom} <= ${`${year}-12-31`}::date`,
        sql`coalesce(${orgUnits.validTo}, '9999-12-31'::date) >= ${`${year}-01-01`}::date`,
      ),
    );
  if (!unit) throw fieldError('PROGRAM_UNIT_NOT_VALID', 'year', { year });
}

/** A unique violation raised by the database (a concurrent insert won the race). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
