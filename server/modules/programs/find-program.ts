import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AmendedDocument, ProgramKind } from '../../../common/programs.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, programs } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';

const amended = alias(programs, 'amended');

/**
 * A program row with its issuing unit's short name and, for an amendment, the
 * document it amends (its own number and date, cited under the amendment's
 * title), or null. forUpdate locks the program's row only.
 */
export async function findProgram(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({
      program: programs,
      unitName: orgUnits.shortName,
      amends: { id: amended.id, kind: amended.kind, number: amended.number, symbol: amended.symbol, issuedOn: amended.issuedOn },
    })
    .from(programs)
    .innerJoin(orgUnits, eq(orgUnits.id, programs.unitId))
    .leftJoin(amended, eq(amended.id, programs.previousVersionId))
    .where(eq(programs.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: programs }) : await query;
  if (!row) return null;
  const amends: (AmendedDocument & { id: string }) | null = row.amends
    ? { ...row.amends, kind: row.amends.kind as ProgramKind, issuedOn: toDateOnly(row.amends.issuedOn) }
    : null;
  return { program: row.program, unitName: row.unitName, amends };
}
