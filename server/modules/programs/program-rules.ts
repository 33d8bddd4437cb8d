// Rules shared by creating and editing a program.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits, programs } from '../../db/schema/index.js';
import { fieldError } from '../../lib/errors.js';

interface NumberKey {
  unitId: string;
  year: number;
  kind: string;
  number: number;
}

/** Number + kind are unique per issuing unit and year (DOMAIN.md "Documents"). */
export async function assertNumberFree(tx: Executor, key: NumberKey, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: programs.id })
    .from(programs)
    .where(
      and(
        eq(programs.unitId, key.unitId),
        eq(programs.year, key.year),
        eq(programs.kind, key.kind),
        eq(programs.number, key.number),
        exceptId ? ne(programs.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw fieldError('PROGRAM_NUMBER_TAKEN', 'number', { number: key.number, year: key.year });
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
