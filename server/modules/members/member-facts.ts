import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { owesPeriod } from '../reports/expected-reports.js';
import { todayInVietnam } from '../../lib/dates.js';
import { REGISTRY_DERIVED_SOURCES, type RegistryDerivedSource } from '../../../common/members.js';

/** A source computed from the member registry (refreshMemberFacts), not from activity records. */
export function isRegistrySource(source: string | null | undefined): source is RegistryDerivedSource {
  return (REGISTRY_DERIVED_SOURCES as readonly string[]).includes(source ?? '');
}

/**
 * Derived facts (số liệu tính từ hồ sơ): rewrites, for the given units, the
 * monthly facts of every data element derived from the member registry
 * (REGISTRY_DERIVED_SOURCES): 'active_members' — the members active on the
 * month's last day (today for the current month); 'female_members' — those of
 * them who are women; 'women_office_holders' — the women among them who hold
 * a union office (union_position other than 'member'). Gender and position are
 * the member's current ones (the registry keeps no history of them), so an
 * edit of either rewrites every month not frozen. An 'active_members' element
 * may have an addend (derived_addend_element_id, e.g. workers who are not
 * members): the unit's latest value of that reported element in or before the
 * month (carried forward; none yet = 0; "not applicable" = 0) is added.
 * Months run, for every registry element alike, from the first month the unit
 * had a member (or, with an addend, reported it) up to now; a unit with
 * neither gets no rows ("no data"), a month with nobody (or no woman) is 0.
 * Call it in the transaction of any change to member_unit_periods, to a
 * member's gender or union position, or to facts of an addend element. Three
 * statements per call (a lock, a delete, then an insert: one statement could
 * not insert rows its own CTE deletes), whatever the number of units and
 * elements.
 *
 * Concurrency: two transactions refreshing one unit (two admissions into one
 * CĐCS at once) would each delete the rows they see and insert the same keys,
 * the second failing on facts' unique key. A transaction-scoped advisory lock
 * per unit, taken in a fixed order (no deadlock between two refreshes),
 * serialises them; the second then reads, under READ COMMITTED, what the first
 * committed. The lock ends with the transaction.
 */
/** First key of the advisory locks of the member facts refresh (the second is the unit's hash). */
const MEMBER_FACTS_LOCK = 724_302;

export async function refreshMemberFacts(tx: Executor, unitIds: readonly string[], today: string = todayInVietnam()): Promise<void> {
  if (unitIds.length === 0) return;
  const ids = sql`(${sql.join(
    [...new Set(unitIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const sources = sql`(${sql.join(
    REGISTRY_DERIVED_SOURCES.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  await tx.execute(sql`
    select pg_advisory_xact_lock(${MEMBER_FACTS_LOCK}, k)
    from (select distinct hashtext(id::text) as k from unnest(array[${sql.join(
      [...new Set(unitIds)].map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]) as id) keys
    order by k`);
  // Frozen figures (docs/reporting.md): a closed reporting period keeps the
  // derived facts of its fact month, for the units that owe it, as they were
  // (checked inside the delete and the insert: no extra statement).
  const notFrozen = (unit: SQL, month: SQL) =>
    sql`and not exists (select 1 from report_periods fp where fp.closed_at is not null and fp.fact_month = ${month}
      and ${owesPeriod(unit, sql`fp`)})`;
  await tx.execute(sql`
    delete from facts f using data_elements de
    where f.data_element_id = de.id and de.derived_from in ${sources} and f.unit_id in ${ids}
      ${notFrozen(sql`f.unit_id`, sql`f.month`)}`);
  // Running totals per unit and element: a member period counts on a month's
  // last day from the month it starts, until the month its last day falls
  // before that month's end (one +1 and one −1 per period); an addend fact
  // adds its change from the unit's previous one (value − previous value), so
  // the running sum carries its latest value forward. No period × month or
  // fact × month comparison. A period the element does not count (a man for
  // 'female_members') still gives its months a 0 change, so every registry
  // element of a unit starts at its first member: no woman yet is 0, not "no data".
  await tx.execute(sql`
    with de as (select id, derived_from as source, derived_addend_element_id as addend_id from data_elements where derived_from in ${sources}),
    pr as (
      select p.unit_id, p.valid_from, p.valid_to, m.gender = 'female' as woman, m.gender = 'female' and m.union_position <> 'member' as woman_officer
      from member_unit_periods p join members m on m.id = p.member_id
      where p.unit_id in ${ids}
    ),
    member_deltas as (
      select unit_id, woman, woman_officer, date_trunc('month', valid_from::timestamp)::date as month, 1 as d from pr
      union all
      select unit_id, woman, woman_officer,
        case when valid_to = (date_trunc('month', valid_to::timestamp) + interval '1 month' - interval '1 day')::date
          then (date_trunc('month', valid_to::timestamp) + interval '1 month')::date
          else date_trunc('month', valid_to::timestamp)::date end,
        -1
      from pr where valid_to is not null
    ),
    addend_deltas as (
      select f.unit_id, de.id as element_id, f.month,
        coalesce(f.value_number, 0)
          - coalesce(lag(coalesce(f.value_number, 0)) over (partition by f.unit_id, de.id order by f.month), 0) as d
      from de
      join facts f on f.data_element_id = de.addend_id
      where f.unit_id in ${ids} and de.source = 'active_members'
    ),
    deltas as (
      select md.unit_id, de.id as element_id, md.month,
        (case de.source when 'female_members' then case when md.woman then md.d else 0 end
          when 'women_office_holders' then case when md.woman_officer then md.d else 0 end
          else md.d end)::numeric as d
      from member_deltas md cross join de
      union all
      select unit_id, element_id, month, d from addend_deltas
    ),
    per_month as (select unit_id, element_id, month, sum(d) as d from deltas group by unit_id, element_id, month),
    span as (select unit_id, element_id, min(month) as first_month from per_month group by unit_id, element_id),
    months as (
      select s.unit_id, s.element_id, gs::date as month
      from span s
      cross join lateral generate_series(s.first_month::timestamp, date_trunc('month', ${today}::timestamp), interval '1 month') gs
    ),
    counts as (
      select m.unit_id, m.element_id, m.month,
        sum(coalesce(pm.d, 0)) over (partition by m.unit_id, m.element_id order by m.month)::numeric as n
      from months m
      left join per_month pm on pm.unit_id = m.unit_id and pm.element_id = m.element_id and pm.month = m.month
    )
    insert into facts (unit_id, data_element_id, month, value_number)
    select unit_id, element_id, month, n from counts where true ${notFrozen(sql`counts.unit_id`, sql`counts.month`)}`);
}

/**
 * Rewrites the derived facts of every unit that reported the given addend
 * element (data_elements.derived_addend_element_id) — or, with null, of every
 * unit that has members or facts of any addend element (what a new derived
 * element needs). Whatever writes facts of an addend element (the demo
 * loader; later the report submission) calls it in the same transaction, or
 * refreshMemberFacts for the units it wrote.
 */
export async function refreshDerivedFactsForAddend(
  tx: Executor,
  addendElementId: string | null,
  today: string = todayInVietnam(),
  /** Only these units (a report submission touches one unit's facts); default every unit that reported the addend. */
  onlyUnitIds?: readonly string[],
): Promise<void> {
  if (onlyUnitIds) return refreshMemberFacts(tx, onlyUnitIds, today);
  const units = await queryRows<{ unit_id: string }>(
    tx,
    addendElementId
      ? sql`select distinct unit_id from facts where data_element_id = ${addendElementId}::uuid`
      : sql`select unit_id from member_unit_periods
            union
            select f.unit_id from facts f where f.data_element_id in (
              select derived_addend_element_id from data_elements where derived_addend_element_id is not null)`,
  );
  await refreshMemberFacts(
    tx,
    units.map((u) => u.unit_id),
    today,
  );
}
