// The indicator engine's SQL (docs/indicator-engine.md): the common table
// expressions that turn targets, the time-varying unit tree and monthly facts
// into one row per (target, counted unit). compute-targets.ts aggregates them
// per target and compute-target-breakdown.ts lists them per unit, each in ONE
// statement whatever the number of targets or units.
import { sql, type SQL } from 'drizzle-orm';
import { recordSourcesUnion } from './record-sources.js';

/** Unit states per target: in the denominator, reported but not eligible, not applicable, no data. */
export const UNIT_STATES = ['reported', 'ineligible', 'not_applicable', 'no_data'] as const;
export type UnitState = (typeof UNIT_STATES)[number];

/**
 * CTEs t, um, tu, roles, ev, rec, pu for the targets matching `targetFilter`
 * (a condition on `tg`, the targets table, and `i`, the indicators table),
 * computed as of `asOf` (months after the as-of month are not counted).
 *
 * pu (target_id, unit_id, months, state, num, den, meets, unit_value):
 * - months: how many months of the period the unit spent in the scope subtree;
 * - state: see UNIT_STATES;
 * - num / den: the unit's numerator and denominator (per the measure);
 * - meets: the condition (share/count of units);
 * - unit_value: the unit's own value, for the breakdown.
 */
export function engineCtes(targetFilter: SQL, asOf: string): SQL {
  return sql`
    t as (
      select tg.id as target_id, tg.scope_unit_id, tg.period_from,
             least(tg.period_to, date_trunc('month', ${asOf}::date::timestamp)::date) as upto,
             i.measure, i.unit_of_measure,
             i.numerator_element_id, i.denominator_element_id, i.eligibility_element_id,
             i.condition_element_id, i.condition_operator, i.condition_number, i.condition_values,
             i.unit_kinds, i.record_source, i.record_filter,
             case when i.unit_of_measure = 'percent' then 100 else 1 end as scale
      from targets tg
      join indicators i on i.id = tg.indicator_id
      where ${targetFilter}
    ),
    -- The months each counted unit spent under the scope unit within the
    -- period: closure rows already intersect the unit's own validity and every
    -- parent link on the path, so a unit founded, ended or moved mid-period
    -- counts only for its months in the subtree.
    um as (
      select distinct t.target_id, p.descendant_id as unit_id, gs.m::date as month
      from t
      join org_unit_paths p on p.ancestor_id = t.scope_unit_id and p.valid_to >= t.period_from
      join org_units u on u.id = p.descendant_id
      cross join lateral generate_series(
        greatest(t.period_from, date_trunc('month', p.valid_from::timestamp)::date)::timestamp,
        least(t.upto, p.valid_to)::timestamp,
        interval '1 month'
      ) as gs(m)
      where t.unit_kinds @> jsonb_build_array(u.kind)
    ),
    tu as (
      select target_id, unit_id, count(*)::int as months from um group by target_id, unit_id
    ),
    roles as (
      select target_id, 'num' as role, numerator_element_id as element_id from t where numerator_element_id is not null
      union all
      select target_id, 'den', denominator_element_id from t where denominator_element_id is not null
      union all
      select target_id, 'cond', condition_element_id from t where condition_element_id is not null
      union all
      select target_id, 'elig', eligibility_element_id from t where eligibility_element_id is not null
    ),
    -- Each element's value per unit over its months, by the element's time
    -- aggregation; na when every month it reported was "not applicable".
    ev as (
      select um.target_id, um.unit_id, r.role,
        bool_and(f.not_applicable) as na,
        case de.aggregation
          when 'sum' then sum(f.value_number) filter (where not f.not_applicable)
          else (array_agg(f.value_number order by f.month desc)
                  filter (where not f.not_applicable and f.value_number is not null))[1]
        end as num,
        case de.aggregation
          when 'any' then bool_or(f.value_bool) filter (where not f.not_applicable)
          else (array_agg(f.value_bool order by f.month desc)
                  filter (where not f.not_applicable and f.value_bool is not null))[1]
        end as bool,
        (array_agg(f.value_text order by f.month desc)
           filter (where not f.not_applicable and f.value_text is not null))[1] as txt
      from um
      join roles r on r.target_id = um.target_id
      join facts f on f.unit_id = um.unit_id and f.month = um.month and f.data_element_id = r.element_id
      join data_elements de on de.id = r.element_id
      group by um.target_id, um.unit_id, r.role, de.aggregation
    ),
    rec as (
      select target_id, unit_id, sum(n) as n
      from (${recordSourcesUnion()}) as r
      group by target_id, unit_id
    ),
    pu0 as (
      select tu.target_id, tu.unit_id, tu.months, t.measure, t.scale,
        n.role is not null as n_has, coalesce(n.na, false) as n_na, n.num as n_num,
        d.role is not null as d_has, coalesce(d.na, false) as d_na, d.num as d_num,
        c.role is not null as c_has, coalesce(c.na, false) as c_na,
        e.role is not null as e_has, coalesce(e.na, false) as e_na, coalesce(e.bool, false) as e_ok,
        t.eligibility_element_id is not null as needs_elig,
        coalesce(rec.n, 0) as rec_n,
        case t.condition_operator
          when '=' then c.num = t.condition_number
          when '>=' then c.num >= t.condition_number
          when '<=' then c.num <= t.condition_number
          when 'in' then t.condition_values @> jsonb_build_array(c.txt)
          when 'is_true' then coalesce(c.bool, false)
        end as meets
      from tu
      join t on t.target_id = tu.target_id
      left join ev n on n.target_id = tu.target_id and n.unit_id = tu.unit_id and n.role = 'num'
      left join ev d on d.target_id = tu.target_id and d.unit_id = tu.unit_id and d.role = 'den'
      left join ev c on c.target_id = tu.target_id and c.unit_id = tu.unit_id and c.role = 'cond'
      left join ev e on e.target_id = tu.target_id and e.unit_id = tu.unit_id and e.role = 'elig'
      left join rec on rec.target_id = tu.target_id and rec.unit_id = tu.unit_id
    ),
    pu as (
      select target_id, unit_id, months, measure, coalesce(meets, false) as meets,
        case
          when measure = 'ratio_of_sums' then
            case when not d_has then 'no_data' when d_na or n_na then 'not_applicable' else 'reported' end
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
      from pu0
    )`;
}
