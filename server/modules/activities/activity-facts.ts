// Derived facts from activity records (docs/activities.md "Derived facts"):
// the monthly facts of every data element whose derived_from is one of
// RECORD_DERIVED_SOURCES, computed from activity_records and
// activity_record_people, so the engine reads records like reported figures.
import { sql, type SQL } from 'drizzle-orm';
import { RECORD_DERIVED_SOURCES, type RecordDerivedSource } from '../../../common/activities.js';
import type { Executor } from '../../db/client.js';
import { owesPeriod } from '../reports/expected-reports.js';

/** First key of the advisory locks of the activity facts refresh (the second is the unit's hash bucket). */
const ACTIVITY_FACTS_LOCK = 724_303;
/**
 * Units are locked by hash bucket, so that a refresh of every unit takes at
 * most this many locks (each takes a slot of the server's shared lock table,
 * max_locks_per_transaction × connections); two units sharing a bucket only
 * wait for each other.
 */
const LOCK_BUCKETS = 2048;

const SOURCES = Object.keys(RECORD_DERIVED_SOURCES) as RecordDerivedSource[];
const list = (values: readonly string[]): SQL =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
const NUMBER_SOURCES = SOURCES.filter((s) => RECORD_DERIVED_SOURCES[s].valueType === 'number');

const detail = (key: string): SQL => sql`(r.details ->> ${sql.raw(`'${key}'`)})`;
const isTrue = (key: string): SQL => sql`${detail(key)} = 'true'`;

/** What each source counts beyond its kind (a condition on alias `r`, activity_records). */
const SOURCE_CONDITIONS: Record<RecordDerivedSource, SQL | null> = {
  training_reached: null,
  // A participant who was the chair when the record was written (target 4).
  chair_trained: sql`exists (select 1 from activity_record_people rp
    where rp.record_id = r.id and rp.role = 'participant' and rp.union_position = 'chair')`,
  party_introductions: null,
  party_candidates: null,
  classification_grade: null,
  // Kiểm tra, not giám sát (target 6).
  inspections_done: sql`${detail('type')} = 'inspection'`,
  inspections_planned: null,
  labour_lawsuits_requested: sql`${isTrue('atCourt')} and ${isTrue('memberRequested')}`,
  labour_lawsuits_supported: sql`${isTrue('atCourt')} and ${isTrue('memberRequested')} and ${detail('participation')} = 'court'`,
  worker_month_activities: sql`${detail('campaign')} = 'worker_month'`,
  mai_am_houses: sql`${detail('welfareKind')} = 'mai_am_house'`,
  welfare_amount: null,
};

/** What one record adds to a number source's month (default 1: the record is counted). */
const NUMBER_VALUES: Partial<Record<RecordDerivedSource, SQL>> = {
  training_reached: sql`coalesce(${detail('membersReached')}::numeric, 0) + coalesce(${detail('workersReached')}::numeric, 0)`,
  inspections_planned: sql`coalesce(${detail('plannedCount')}::numeric, 0)`,
  welfare_amount: sql`coalesce(r.amount_vnd, 0)::numeric`,
};

/**
 * The records a derived source counts: a condition on alias `r`
 * (activity_records), not deleted, of the source's kind, meeting its rule
 * (the records list's "records behind a number").
 */
export function recordsBehindSource(source: RecordDerivedSource): SQL {
  const extra = SOURCE_CONDITIONS[source];
  return sql`(r.deleted_at is null and r.kind = ${RECORD_DERIVED_SOURCES[source].kind}${extra ? sql` and ${extra}` : sql``})`;
}

/** One row per (record, source it feeds): (source, n, b, g) for the record in alias `r`. */
function contributions(): SQL {
  return sql.join(
    SOURCES.map((s) => {
      const n = RECORD_DERIVED_SOURCES[s].valueType === 'number' ? (NUMBER_VALUES[s] ?? sql`1::numeric`) : sql`null::numeric`;
      const b = s === 'chair_trained' ? sql`true` : s === 'party_candidates' ? sql`${isTrue('hasCandidates')}` : sql`null::boolean`;
      const g = s === 'classification_grade' ? detail('grade') : sql`null::text`;
      return sql`select ${s}::text as source, ${n} as n, ${b} as b, ${g} as g where ${recordsBehindSource(s)}`;
    }),
    sql` union all `,
  );
}

/**
 * Rewrites, for the given units, the facts of every data element derived from
 * records (derived_from in RECORD_DERIVED_SOURCES): one row per month of every
 * year in which the unit kept a record or sent a report, while the unit is
 * valid, zeros and "no" included (a unit that reports and trained nobody
 * trained 0: counted, not "no data"; a unit that never reports and keeps no
 * record stays "no data"). "Inspections done" is not applicable in a year
 * without an inspection plan or inspection of the unit (no UBKT). Exceptions:
 * party_candidates has rows only for the years of a "còn nguồn" record (its
 * value in every month of that year); classification_grade one row, in the
 * record's month ("chưa xếp loại" → not applicable). Deleted records do not
 * count. Closed periods keep their frozen months (as refreshMemberFacts).
 *
 * Three statements whatever the number of units and elements: a lock per unit
 * (hash bucket) in a fixed order (two record writes of one unit at once would otherwise
 * insert the same keys), a delete, an insert. Call it in the transaction of
 * every record create/update/delete (old and new unit), when a unit is
 * founded, when a period is reopened, and at a unit's first submission of a report.
 */
export async function refreshActivityFacts(tx: Executor, unitIds: readonly string[]): Promise<void> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return;
  const ids = sql.join(
    unique.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await refresh(tx, sql`select id from org_units where id in (${ids})`);
}

/**
 * Rewrites the record-derived facts of every unit: when a data element with a
 * record source is created (its facts exist from the start) and by the demo
 * loader after writing its records.
 */
export async function refreshAllActivityFacts(tx: Executor): Promise<void> {
  await refresh(tx, sql`select id from org_units`);
}

async function refresh(tx: Executor, units: SQL): Promise<void> {
  await tx.execute(sql`
    select pg_advisory_xact_lock(${ACTIVITY_FACTS_LOCK}, k)
    from (select distinct mod(hashtext(id::text), ${LOCK_BUCKETS}) as k from (${units}) u) keys
    order by k`);
  // Frozen figures (docs/reporting.md): a closed period's fact month keeps
  // its derived facts for the units that owe it (checked in both statements).
  const notFrozen = (unit: SQL, month: SQL) =>
    sql`not exists (select 1 from report_periods fp where fp.closed_at is not null and fp.fact_month = ${month}
      and ${owesPeriod(unit, sql`fp`)})`;
  await tx.execute(sql`
    delete from facts f using data_elements de
    where f.data_element_id = de.id and de.derived_from in ${list(SOURCES)} and f.unit_id in (${units})
      and ${notFrozen(sql`f.unit_id`, sql`f.month`)}`);
  await tx.execute(sql`
    with de as (select id, derived_from as source from data_elements where derived_from in ${list(SOURCES)}),
    u as (select id, valid_from, valid_to from org_units where id in (${units}) and exists (select 1 from de)),
    rec as (
      select r.unit_id, date_trunc('month', r.occurred_on::timestamp)::date as month,
        coalesce(r.year, extract(year from r.occurred_on)::int) as year, r.occurred_on, r.created_at, x.source, x.n, x.b, x.g
      from activity_records r
      cross join lateral (${contributions()}) x
      where r.deleted_at is null and r.unit_id in (select id from u)
    ),
    -- The years a unit answers for its records: those it kept a record in, or
    -- sent a report for (a report sent is the chair's word that the records
    -- behind it are complete). A unit that did neither is "no data", as a
    -- unit that never reported (docs/activities.md "Derived facts").
    yrs as (
      select r.unit_id, extract(year from r.occurred_on)::int as year
      from activity_records r where r.deleted_at is null and r.unit_id in (select id from u)
      union
      select r.unit_id, r.year
      from activity_records r where r.deleted_at is null and r.year is not null and r.unit_id in (select id from u)
      union
      select rp.unit_id, extract(year from pp.fact_month)::int
      from reports rp join report_periods pp on pp.id = rp.period_id
      where rp.first_submitted_at is not null and rp.unit_id in (select id from u)
    ),
    -- Years in which the unit's inspection committee planned or made an
    -- inspection; in others it has none (not every CĐCS has a UBKT) and
    -- "inspections done" is not applicable.
    inspecting as (
      select distinct r.unit_id, coalesce(r.year, extract(year from r.occurred_on)::int) as year
      from activity_records r
      where r.deleted_at is null and r.kind in ('inspection_plan', 'inspection') and r.unit_id in (select id from u)
    ),
    -- The months of those years the unit was valid in.
    months as (
      select y.unit_id, gs::date as month
      from yrs y
      join u on u.id = y.unit_id
      cross join lateral generate_series(
        greatest(make_date(y.year, 1, 1), date_trunc('month', u.valid_from::timestamp)::date)::timestamp,
        least(make_date(y.year, 12, 1), coalesce(date_trunc('month', u.valid_to::timestamp)::date, make_date(y.year, 12, 1)))::timestamp,
        interval '1 month') gs
    ),
    per_month as (
      select unit_id, source, month, sum(n) as n, bool_or(b) as b
      from rec where source not in ('party_candidates', 'classification_grade')
      group by unit_id, source, month
    ),
    candidates as (
      select unit_id, year, bool_or(b) as b from rec where source = 'party_candidates' group by unit_id, year
    ),
    grades as (
      select distinct on (unit_id, month) unit_id, month, g
      from rec where source = 'classification_grade'
      order by unit_id, month, occurred_on desc, created_at desc
    ),
    out_rows as (
      select m.unit_id, de.id as element_id, m.month,
        case when de.source in ${list(NUMBER_SOURCES)} and not x.na then coalesce(pm.n, 0) end::numeric as value_number,
        case when de.source not in ${list(NUMBER_SOURCES)} then coalesce(pm.b, false) end::boolean as value_bool,
        null::text as value_text, x.na as not_applicable
      from months m
      cross join de
      left join per_month pm on pm.unit_id = m.unit_id and pm.source = de.source and pm.month = m.month
      cross join lateral (
        select de.source = 'inspections_done' and not exists (
          select 1 from inspecting i where i.unit_id = m.unit_id and i.year = extract(year from m.month)::int) as na
      ) x
      where de.source not in ('party_candidates', 'classification_grade')
      union all
      select m.unit_id, de.id, m.month, null::numeric, c.b, null::text, false
      from candidates c
      join months m on m.unit_id = c.unit_id and extract(year from m.month)::int = c.year
      cross join de
      where de.source = 'party_candidates'
      union all
      select gr.unit_id, de.id, gr.month, null::numeric, null::boolean,
        case when gr.g = 'not_classified' then null else gr.g end, gr.g = 'not_classified'
      from grades gr
      cross join de
      where de.source = 'classification_grade'
    )
    insert into facts (unit_id, data_element_id, month, value_number, value_bool, value_text, not_applicable)
    select unit_id, element_id, month, value_number, value_bool, value_text, not_applicable
    from out_rows
    where ${notFrozen(sql`out_rows.unit_id`, sql`out_rows.month`)}`);
}
