import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits, programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { visiblePrograms } from './policy.js';
import type { ListProgramsQuery } from './schemas.js';

/** Programs the caller may read (units in scope; issued programs of the units above), newest first. */
export async function listPrograms(db: Executor, actor: Actor, query: ListProgramsQuery) {
  const conditions: SQL[] = [visiblePrograms(actor, programs)];
  if (query.unitId) conditions.push(eq(programs.unitId, query.unitId));
  if (query.year) conditions.push(eq(programs.year, query.year));
  const where = and(...conditions);
  const rows = await db
    .select({ program: programs, unitName: orgUnits.shortName, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(programs)
    .innerJoin(orgUnits, eq(orgUnits.id, programs.unitId))
    .where(where)
    .orderBy(desc(programs.year), orgUnits.shortName, programs.kind, desc(programs.number), desc(programs.version))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [c] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(programs)
      .where(where);
    total = c?.n ?? 0;
  }
  return {
    items: rows.map(({ program, unitName }) => ({ program, unitName })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
