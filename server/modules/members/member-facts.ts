import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { todayInVietnam } from '../../lib/dates.js';

/**
 * Derived facts (số liệu tính từ hồ sơ): rewrites, for the given units, the
 * monthly facts of every data element derived from 'active_members' — the
 * members active on the month's last day (today for the current month), from
 * the first month the unit had a member up to now. Call it in the transaction
 * of any change to member_unit_periods. A month with no member left is 0, not
 * "no data". Two statements per call (a delete, then an insert: one statement
 * could not insert rows its own CTE deletes), whatever the number of units.
 */
export async function refreshMemberFacts(tx: Executor, unitIds: readonly string[], today: string = todayInVietnam()): Promise<void> {
  if (unitIds.length === 0) return;
  const ids = sql`(${sql.join(
    [...new Set(unitIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  await tx.execute(sql`
    delete from facts f using data_elements de
    where f.data_element_id = de.id and de.derived_from = 'active_members' and f.unit_id in ${ids}`);
  // A period counts on a month's last day from the month it starts, until the
  // month its last day falls before that month's end: one +1 and one −1 per
  // period, summed up month by month (no period × month comparison).
  await tx.execute(sql`
    with de as (select id from data_elements where derived_from = 'active_members'),
    pr as (select unit_id, valid_from, valid_to from member_unit_periods where unit_id in ${ids}),
    deltas as (
      select unit_id, date_trunc('month', valid_from::timestamp)::date as month, 1 as d from pr
      union all
      select unit_id,
        case when valid_to = (date_trunc('month', valid_to::timestamp) + interval '1 month' - interval '1 day')::date
          then (date_trunc('month', valid_to::timestamp) + interval '1 month')::date
          else date_trunc('month', valid_to::timestamp)::date end,
        -1
      from pr where valid_to is not null
    ),
    per_month as (select unit_id, month, sum(d) as d from deltas group by unit_id, month),
    span as (select unit_id, min(month) as first_month from per_month group by unit_id),
    months as (
      select s.unit_id, gs::date as month
      from span s
      cross join lateral generate_series(s.first_month::timestamp, date_trunc('month', ${today}::timestamp), interval '1 month') gs
    ),
    counts as (
      select m.unit_id, m.month, sum(coalesce(pm.d, 0)) over (partition by m.unit_id order by m.month)::numeric as n
      from months m left join per_month pm on pm.unit_id = m.unit_id and pm.month = m.month
    )
    insert into facts (unit_id, data_element_id, month, value_number)
    select c.unit_id, de.id, c.month, c.n from counts c cross join de`);
}
