import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { inUnitScope, inUnitScopeProbe, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { memberReadScope, requireMemberReader, VIEW_MEMBER_ROLES } from './policy.js';

/**
 * Home-page figures: active members (and how many are men and women, the
 * women's share in percent, null with nobody), admissions this year,
 * transfers waiting (in scope, optionally under one unit).
 */
export async function getMemberStats(db: Executor, actor: Actor, unitId?: string) {
  requireMemberReader(actor);
  const year = todayInVietnam().slice(0, 4);
  const under = (column: string) =>
    unitId ? sql`and ${sql.raw(column)} in (select descendant_id from org_unit_paths where ancestor_id = ${unitId}::uuid)` : sql``;
  const [row] = await queryRows<{ active: number; female: number; admitted: number; pending: number }>(
    db,
    sql`select a.active, a.female,
      (select count(*)::int from member_events e where e.kind in ('admitted', 'rejoined')
         and e.event_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
         and ${inUnitScope(sql`e.unit_id`, actor, VIEW_MEMBER_ROLES)} ${under('e.unit_id')}) as admitted,
      -- Transfers waiting are few (a partial index holds them): each probes the scope, rather than
      -- every unit of the scope probing each year's partition (14,000 probes for a 1,000-unit province).
      (select count(*)::int from member_events e where e.transfer_state = 'pending'
         and ${inUnitScopeProbe(sql`e.to_unit_id`, actor, VIEW_MEMBER_ROLES)} ${under('e.to_unit_id')}) as pending
      from (select count(*)::int as active, (count(*) filter (where m.gender = 'female'))::int as female
        from members m where m.status = 'active' and ${memberReadScope(sql`m.unit_id`, actor)} ${under('m.unit_id')}) a`,
  );
  const active = Number(row?.active ?? 0);
  const female = Number(row?.female ?? 0);
  return {
    active,
    activeMale: active - female,
    activeFemale: female,
    femaleShare: active > 0 ? (female / active) * 100 : null,
    admittedThisYear: Number(row?.admitted ?? 0),
    pendingTransfers: Number(row?.pending ?? 0),
  };
}
