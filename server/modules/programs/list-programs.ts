import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits, programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { allowedProgramActions, visiblePrograms } from './policy.js';
import type { ListProgramsQuery } from './schemas.js';

/**
 * Programs the caller may read (units in scope; issued programs of the units
 * above): issued ones first, then superseded versions, then drafts, each group
 * newest first; each with what the caller may do with it.
 */
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
    .orderBy(
      sql`case ${programs.status} when 'issued' then 0 when 'superseded' then 1 else 2 end`,
      desc(programs.year),
      orgUnits.shortName,
      programs.kind,
      desc(programs.number),
      desc(programs.version),
    )
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
  const actions = await allowedProgramActions(
    db,
    actor,
    rows.map((r) => r.program.id),
  );
  return {
    items: rows.map(({ program, unitName }) => ({ program, unitName, allowedActions: actions.get(program.id) ?? [] })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
