import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits, programs } from '../../db/schema/index.js';

/** A program row with its issuing unit's short name, or null. */
export async function findProgram(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ program: programs, unitName: orgUnits.shortName })
    .from(programs)
    .innerJoin(orgUnits, eq(orgUnits.id, programs.unitId))
    .where(eq(programs.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: programs }) : await query;
  return row ?? null;
}
