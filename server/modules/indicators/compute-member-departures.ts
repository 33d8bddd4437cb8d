import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';

/**
 * Departures (ra khỏi tổ chức, từ trần, chuyển đi ngoài phạm vi) over the
 * scope subtree and months of the targets that count member admissions
 * (record source 'member_admitted', target 7a), as of a date — in one
 * statement, so the progress can show the net change beside the admissions
 * (DOMAIN.md: "+10 members … also show net change"). A transfer between two
 * units of the subtree is not a departure. Targets of other measures are absent
 * from the result.
 */
export async function computeMemberDepartures(db: Executor, targetIds: readonly string[], asOf: string): Promise<Map<string, number>> {
  if (targetIds.length === 0) return new Map();
  const rows = await queryRows<{ target_id: string; departures: number | string }>(
    db,
    sql`select tg.id as target_id, count(e.id) as departures
    from targets tg
    join indicators i on i.id = tg.indicator_id
    left join member_events e
      on e.event_date >= tg.period_from
      and e.event_date < (least(tg.period_to, date_trunc('month', ${asOf}::date::timestamp)::date) + interval '1 month')::date
      and e.kind in ('left', 'died', 'transferred')
      and exists (select 1 from org_unit_paths p where p.ancestor_id = tg.scope_unit_id and p.descendant_id = e.unit_id
                  and e.event_date between p.valid_from and p.valid_to)
      and not (e.kind = 'transferred' and e.to_unit_id is not null and exists (
        select 1 from org_unit_paths q where q.ancestor_id = tg.scope_unit_id and q.descendant_id = e.to_unit_id
          and e.event_date between q.valid_from and q.valid_to))
    where i.record_source = 'member_admitted' and tg.id in (${sql.join(
      targetIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    group by tg.id`,
  );
  return new Map(rows.map((r) => [r.target_id, Number(r.departures)]));
}
