// The indicator engine's SQL (docs/indicator-engine.md): the common table
// expressions that turn targets, the time-varying unit tree and monthly facts
// into one row per (target, counted unit). compute-targets.ts aggregates them
// per target and compute-target-breakdown.ts lists them per unit, each in ONE
// statement whatever the number of targets or units.
import { sql, type SQL } from 'drizzle-orm';
import type { FactCounting } from '../../../common/reports.js';
import { recordSourcesUnion, type RecordWindow } from './record-sources.js';

export type { RecordWindow };

/** Roll-up mode: every as-of month of each target's period from `fromMonth` (a date expression, may read `tg`), both countings. */
export interface RollupMonths {
  fromMonth: SQL;
  /**
   * What the caller knows of the targets selected (rollups.ts's flush of a few units): the first
   * and last month of their periods, as constants the planner prunes the year partitions of facts
   * and member events with (1 of 14 instead of all: 12 → 8 ms of planning for one unit), and the
   * record sources their indicators use (the others are left out of the statement). Neither
   * changes a result: no target reads a month outside its period or a source it does not name.
   */
  known?: RecordWindow;
}

/** Unit states per target (common/indicators.ts). */
export { UNIT_STATES, type UnitState } from '../../../common/indicators.js';

/**
 * CTEs t, seg, um, tu, roles, ur, ev, pu0, pu1, pu for the targets matching `targetFilter`
 * (a condition on `tg`, the targets table, and `i`, the indicators table),
 * computed as of `asOf` (months after the as-of month are not counted).
 *
 * pu (target_id, unit_id, months, state, num, den, meets, unit_value):
 * - months: how many months of the period the unit spent in the scope subtree;
 * - state: see UNIT_STATES;
 * - num / den: the unit's numerator and denominator (per the measure);
 * - meets: the condition (share/count of units);
 * - unit_value: the unit's own value, for the breakdown;
 * - grade: the condition's text value (a classification grade), when it has one.
 */
export function engineCtes(
  targetFilter: SQL,
  asOf: string,
  options: { perAllocation?: boolean; units?: SQL; counting?: FactCounting | undefined; rollup?: RollupMonths } = {},
): SQL {
  // units: a condition on `p.descendant_id` that keeps only some counted units
  // (e.g. one unit, or the caller's scope) so a per-unit view reads their facts only.
  // counting = 'approved' (docs/reporting.md "Dashboard counting"): facts of
  // reports not yet approved are left out; facts from records always count.
  const approvedOnly = options.counting === 'approved';
  // perAllocation: one virtual target per allocation of the selected targets,
  // over the allocated unit's subtree (target_id = the allocation's id).
  const ids = options.perAllocation ? sql`al.id as target_id, al.unit_id as scope_unit_id` : sql`tg.id as target_id, tg.scope_unit_id`;
  const allocations = options.perAllocation ? sql`join target_allocations al on al.target_id = tg.id` : sql``;
  // rollup: one virtual target per (target, counting, as-of month) from options.rollup.fromMonth
  // to the end of the period (server/modules/indicators/rollups.ts), so that the rows every
  // dashboard may ask for are computed by this same SQL in one statement; `asOf` is unused.
  const rollup = options.rollup;
  const known = rollup?.known;
  const key = rollup
    ? sql`md5(tg.id::text || c.counting || m.as_of::date::text)::uuid as target_id, tg.id as real_target_id, c.counting,
          m.as_of::date as as_of_month, tg.scope_unit_id`
    : ids;
  const upto = rollup ? sql`m.as_of::date` : sql`least(tg.period_to, date_trunc('month', ${asOf}::date::timestamp)::date)`;
  const months = rollup
    ? sql`cross join (values ('submitted'), ('approved')) as c(counting)
      cross join lateral generate_series(greatest(tg.period_from, ${rollup.fromMonth})::timestamp, tg.period_to::timestamp, interval '1 month') as m(as_of)`
    : sql``;
  const approvedOnlyColumn = rollup ? sql`c.counting = 'approved'` : sql`${approvedOnly}::boolean`;
  return sql`
    t as (
      select ${key}, tg.period_from,
             ${upto} as upto,
             i.measure, i.unit_of_measure,
             i.numerator_element_id, i.denominator_element_id, i.eligibility_element_id,
             i.condition_element_id, i.condition_operator, i.condition_number, i.condition_values,
             i.unit_kinds, i.record_source, i.record_filter,
             case when i.unit_of_measure = 'percent' then 100 else 1 end as scale,
             ${approvedOnlyColumn} as approved_only
      from targets tg
      join indicators i on i.id = tg.indicator_id
      ${allocations}
      ${months}
      where ${targetFilter}
    ),
    -- The months each counted unit spent under the scope unit within the
    -- period, as month ranges: closure rows already intersect the unit's own
    -- validity and every parent link on the path, so a unit founded, ended or
    -- moved mid-period counts only for its months in the subtree. A month
    -- shared by two consecutive rows (a move inside the subtree) is kept once.
    seg as (
      select t.target_id, p.descendant_id as unit_id,
        greatest(t.period_from, date_trunc('month', p.valid_from::timestamp)::date) as ms,
        least(t.upto, date_trunc('month', p.valid_to::timestamp)::date) as me,
        t.record_source, t.record_filter, t.numerator_element_id, t.approved_only, t.upto
      from t
      join org_unit_paths p on p.ancestor_id = t.scope_unit_id and p.valid_to >= t.period_from
      join org_units u on u.id = p.descendant_id
      where t.unit_kinds @> jsonb_build_array(u.kind) and ${options.units ?? sql`true`}
    ),
    -- um also carries what the record sources read of the target (record-sources.ts): joined back
    -- to t on target_id, the planner made a nested loop of it (um's estimate is one row), t read
    -- once per um row.
    um as (
      select target_id, unit_id, month_from, month_to, record_source, record_filter, numerator_element_id, approved_only, upto
      from (
        select target_id, unit_id, me as month_to,
          greatest(ms, (max(me) over (partition by target_id, unit_id order by ms, me
                                      rows between unbounded preceding and 1 preceding)
                        + interval '1 month')::date) as month_from,
          record_source, record_filter, numerator_element_id, approved_only, upto
        from seg
        where ms <= me
      ) x
      where month_from <= month_to
    ),
    -- Per (target, unit): its months, and its month ranges as two arrays
    -- (ordered, so that targets over the same units and months share them).
    tu as (
      select target_id, unit_id,
        sum((extract(year from month_to) - extract(year from month_from)) * 12
            + extract(month from month_to) - extract(month from month_from) + 1)::int as months,
        array_agg(month_from order by month_from) as froms,
        array_agg(month_to order by month_from) as tos
      from um
      group by target_id, unit_id
    ),
    -- Materialized: computed once. Inlined, it was recomputed for every (target, unit) row of tu
    -- (whose estimate is one row, so the join below is a nested loop): 16 ms of a 30 ms roll-up
    -- flush of one CĐCS under 24 targets at national size.
    roles as materialized (
      select r.target_id, r.role, r.element_id, de.aggregation
      from (
        select target_id, 'num' as role, numerator_element_id as element_id from t where numerator_element_id is not null
        union all
        select target_id, 'den', denominator_element_id from t where denominator_element_id is not null
        union all
        select target_id, 'cond', condition_element_id from t where condition_element_id is not null
        union all
        select target_id, 'elig', eligibility_element_id from t where eligibility_element_id is not null
      ) r
      join data_elements de on de.id = r.element_id
    ),
    -- What to read: each distinct (unit, element, month ranges) once, with the
    -- (target, role) pairs that use it, so targets measuring the same element
    -- over the same units and months share one read of the facts.
    ur as (
      select tu.unit_id, r.element_id, r.aggregation, tu.froms, tu.tos${rollup ? sql`, t.approved_only` : sql``},
        array_agg(tu.target_id) as target_ids, array_agg(r.role) as roles
      from tu
      join roles r on r.target_id = tu.target_id
      ${rollup ? sql`join t on t.target_id = tu.target_id` : sql``}
      group by tu.unit_id, r.element_id, r.aggregation, tu.froms, tu.tos${rollup ? sql`, t.approved_only` : sql``}
    ),
    -- Each element's value per unit over its months, by the element's time
    -- aggregation; na when every month it reported was "not applicable".
    -- One primary-key range read of the facts per month range, aggregated
    -- on the spot (no sort); "last" is the max of (month, value) packed in
    -- an array, whose first element (the month) decides.
    ev as (
      select x.target_id, ur.unit_id, x.role, a.na, a.num, a.bool, a.txt
      from ur
      cross join lateral (
        select count(*) as n,
          bool_and(f.not_applicable) as na,
          case ur.aggregation
            when 'sum' then sum(f.value_number) filter (where not f.not_applicable)
            else (max(array[(f.month - date '2000-01-01')::numeric, f.value_number])
                    filter (where ur.aggregation <> 'sum' and not f.not_applicable and f.value_number is not null))[2]
          end as num,
          case ur.aggregation
            when 'any' then bool_or(f.value_bool) filter (where ur.aggregation = 'any' and not f.not_applicable)
            else (max(array[f.month - date '2000-01-01', f.value_bool::int])
                    filter (where ur.aggregation <> 'any' and not f.not_applicable and f.value_bool is not null))[2] = 1
          end as bool,
          (max(array[to_char(f.month, 'YYYYMMDD'), f.value_text])
             filter (where not f.not_applicable and f.value_text is not null))[2] as txt
        from facts f
        where f.unit_id = ur.unit_id and f.data_element_id = ur.element_id
          and f.month between ur.froms[1] and ur.tos[cardinality(ur.tos)]
          ${rollup ? sql`and (not ur.approved_only or f.approved or f.report_id is null)` : approvedOnly ? sql`and (f.approved or f.report_id is null)` : sql``}
          ${known ? sql`and f.month between ${known.from}::date and ${known.to}::date` : sql``}
          and (cardinality(ur.froms) = 1
               or exists (select from unnest(ur.froms, ur.tos) as m(month_from, month_to)
                          where f.month between m.month_from and m.month_to))
      ) a
      cross join lateral unnest(ur.target_ids, ur.roles) as x(target_id, role)
      where a.n > 0
    ),
    -- One row per (target, unit) by aggregation over a UNION ALL rather than
    -- joins between CTEs: the plan stays linear whatever the row estimates.
    pu0 as (
      select x.target_id, x.unit_id,
        sum(x.months)::int as months,
        bool_or(x.role = 'num') as n_has,
        coalesce(bool_or(x.na) filter (where x.role = 'num'), false) as n_na,
        max(x.num) filter (where x.role = 'num') as n_num,
        bool_or(x.role = 'den') as d_has,
        coalesce(bool_or(x.na) filter (where x.role = 'den'), false) as d_na,
        max(x.num) filter (where x.role = 'den') as d_num,
        bool_or(x.role = 'cond') as c_has,
        coalesce(bool_or(x.na) filter (where x.role = 'cond'), false) as c_na,
        max(x.num) filter (where x.role = 'cond') as c_num,
        bool_or(x.bool) filter (where x.role = 'cond') as c_bool,
        max(x.txt) filter (where x.role = 'cond') as c_txt,
        bool_or(x.role = 'elig') as e_has,
        coalesce(bool_or(x.na) filter (where x.role = 'elig'), false) as e_na,
        coalesce(bool_or(x.bool) filter (where x.role = 'elig'), false) as e_ok,
        coalesce(sum(x.num) filter (where x.role = 'rec'), 0) as rec_n
      from (
        select target_id, unit_id, 'unit' as role, months, null::boolean as na, null::numeric as num,
               null::boolean as bool, null::text as txt
        from tu
        union all
        select target_id, unit_id, role, 0, na, num, bool, txt from ev
        union all
        select target_id, unit_id, 'rec', 0, null, sum(n), null, null from (${recordSourcesUnion(known)}) as r
        group by target_id, unit_id
      ) x
      group by x.target_id, x.unit_id
    ),
    pu1 as (
      select pu0.*, t.measure, t.scale, t.eligibility_element_id is not null as needs_elig,
        case t.condition_operator
          when '=' then pu0.c_num = t.condition_number
          when '>=' then pu0.c_num >= t.condition_number
          when '<=' then pu0.c_num <= t.condition_number
          when 'in' then t.condition_values @> jsonb_build_array(pu0.c_txt)
          when 'is_true' then coalesce(pu0.c_bool, false)
        end as meets
      from pu0
      join t on t.target_id = pu0.target_id
    ),
    pu as (
      select target_id, unit_id, months, measure, coalesce(meets, false) as meets, c_txt as grade,
        case
          when measure = 'ratio_of_sums' then
            -- Both parts must be there: a denominator derived from records (members
            -- from the registry) exists for every unit, reported or not.
            case when not d_has then 'no_data' when d_na or n_na then 'not_applicable' when not n_has then 'no_data' else 'reported' end
          when measure in ('share_of_units', 'count_of_units') then
            case when not c_has then 'no_data' when c_na then 'not_applicable' else 'reported' end
          when measure = 'sum' then
            case when not n_has then 'no_data' when n_na then 'not_applicable' else 'reported' end
          when measure = 'average_per_eligible_unit' then
            case
              when needs_elig and not e_has then 'no_data'
              when needs_elig and e_na then 'not_applicable'
              when needs_elig and not e_ok then 'ineligible'
              when not n_has then 'no_data'
              when n_na then 'not_applicable'
              else 'reported'
            end
          else 'reported' -- count_of_records: records are kept, not reported
        end as state,
        case
          when measure = 'count_of_records' then rec_n
          else coalesce(n_num, 0)
        end as num,
        case when measure = 'ratio_of_sums' then coalesce(d_num, 0) end as den,
        case
          when measure = 'ratio_of_sums' then
            case when coalesce(d_num, 0) = 0 then null else coalesce(n_num, 0) / d_num * scale end
          when measure in ('share_of_units', 'count_of_units') then null
          when measure = 'count_of_records' then rec_n
          else n_num
        end as unit_value
      from pu1
    )`;
}

/**
 * CTE agg (target_id, reported_units, eligible_units, na_units,
 * no_data_units, met_units, sum_num, sum_den) over pu, and the target value
 * expression over `a` (agg), `t` and `i` (indicators); see the measures table
 * in docs/indicator-engine.md.
 */
export const aggregateCte = sql`
    agg as (
      select target_id,
        count(*) filter (where state in ('reported', 'ineligible'))::int as reported_units,
        count(*) filter (where state = 'reported')::int as eligible_units,
        count(*) filter (where state = 'not_applicable')::int as na_units,
        count(*) filter (where state = 'no_data')::int as no_data_units,
        count(*) filter (where state = 'reported' and meets)::int as met_units,
        sum(num) filter (where state = 'reported') as sum_num,
        sum(den) filter (where state = 'reported') as sum_den
      from pu
      group by target_id
    )`;

export const valueExpression = sql`(case
        when i.measure = 'count_of_records' then coalesce(a.sum_num, 0)
        when coalesce(a.eligible_units, 0) = 0 then null
        when i.measure = 'ratio_of_sums' then case when a.sum_den = 0 then null else a.sum_num / a.sum_den * t.scale end
        when i.measure = 'share_of_units' then a.met_units * t.scale::numeric / a.eligible_units
        when i.measure = 'average_per_eligible_unit' then a.sum_num / a.eligible_units
        when i.measure = 'sum' then a.sum_num
        when i.measure = 'count_of_units' then a.met_units
      end)::float8`;
