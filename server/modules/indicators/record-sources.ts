// Record sources (nguồn bản ghi) for 'count_of_records' indicators: the one
// extension point through which records kept elsewhere (units founded, members
// admitted, and next trainings, inspections…) become countable without
// changing the engine. See docs/indicator-engine.md.
import { sql, type SQL } from 'drizzle-orm';
import type { RecordSourceName } from '../../../common/indicators.js';
import { owesPeriod } from '../reports/expected-reports.js';

/**
 * Frozen figures (docs/reporting.md): the figure as of the month of a closed
 * reporting period counts only the records made before the period was closed,
 * for the units that owe it. `recordedAt` is the record's creation time, `unit`
 * the unit it counts in; `um.upto` is the as-of month of the target.
 */
function recordedBeforeClosing(recordedAt: SQL, unit: SQL): SQL {
  return sql`not exists (select 1 from report_periods fp
    where fp.closed_at is not null and fp.fact_month = um.upto and ${recordedAt} > fp.closed_at and ${owesPeriod(unit, sql`fp`)})`;
}

/**
 * A record source is a SQL fragment that, inside the engine's statement,
 * selects rows (target_id, unit_id, n) for the targets whose indicator uses
 * it. It reads the engine's CTE um (target_id, unit_id, month_from, month_to,
 * and the target's record_source, record_filter, numerator_element_id,
 * approved_only, upto): the month ranges (first days, inclusive, never
 * overlapping for one unit) each counted unit spent in the target's scope
 * subtree within the period, up to the as-of month (upto). It must keep to
 * `um.record_source = '<its name>'` and count a record in the unit and month
 * it belongs to, so the engine's subtree/period rules hold. (Not t: joined
 * back to um, t was read once per um row.)
 */
export interface RecordSource {
  name: RecordSourceName;
  /** Which record_filter keys it understands (validated on indicator creation). */
  filterKeys: readonly string[];
  /**
   * The fragment; `months`, when given, bounds the days it may read with constants so the planner
   * prunes year partitions (engine-sql.ts RecordWindow). It must not change the rows: the engine's
   * um already keeps every read within the targets' periods.
   */
  fragment: (months?: MonthBounds) => SQL;
}

/** The first and last day a statement may read (the first day of a month, the last day of a month). */
export interface MonthBounds {
  from: string;
  to: string;
}

/** The days and record sources a statement's targets can read (engine-sql.ts RollupMonths.known). */
export interface RecordWindow extends MonthBounds {
  sources: readonly RecordSourceName[];
}

export const recordSources: Record<RecordSourceName, RecordSource> = {
  /** Grassroots units founded (thành lập) in the period, optionally of one sector (target 7b). */
  unit_founded: {
    name: 'unit_founded',
    filterKeys: ['sector'],
    fragment: () => sql`
      select um.target_id, um.unit_id, 1::numeric as n
      from um
      join org_units u on u.id = um.unit_id
      where um.record_source = 'unit_founded'
        and date_trunc('month', u.valid_from::timestamp)::date between um.month_from and um.month_to
        and (um.record_filter ->> 'sector' is null or u.sector = um.record_filter ->> 'sector')
        and ${recordedBeforeClosing(sql`u.created_at`, sql`u.id`)}`,
  },
  /** Records reported as a monthly number (e.g. "Mái ấm công đoàn" houses supported, target 10). */
  facts: {
    name: 'facts',
    filterKeys: [],
    fragment: (months) => sql`
      select um.target_id, um.unit_id, f.value_number as n
      from um
      join facts f on f.unit_id = um.unit_id and f.data_element_id = um.numerator_element_id
        and f.month between um.month_from and um.month_to
      where um.record_source = 'facts' and not f.not_applicable and f.value_number is not null
        and (not um.approved_only or f.approved or f.report_id is null)
        ${months ? sql`and f.month between ${months.from}::date and ${months.to}::date` : sql``}`,
  },
  /**
   * Members admitted (kết nạp) or re-admitted (kết nạp lại) from the member
   * registry (target 7a): each such event counts in the unit it admitted into
   * and the month it happened, whoever enters it (by hand or Excel import).
   * A member admitted and later transferred still counts where admitted. One
   * index range read of member_events (unit_id, kind, event_date) per month
   * range, pre-counted.
   */
  member_admitted: {
    name: 'member_admitted',
    filterKeys: [],
    fragment: (months) => sql`
      select um.target_id, um.unit_id, a.n
      from um
      cross join lateral (
        select count(*)::numeric as n
        from member_events e
        where e.unit_id = um.unit_id and e.kind in ('admitted', 'rejoined')
          and e.event_date >= um.month_from and e.event_date < (um.month_to + interval '1 month')::date
          ${months ? sql`and e.event_date between ${months.from}::date and ${months.to}::date` : sql``}
          and ${recordedBeforeClosing(sql`e.created_at`, sql`e.unit_id`)}
      ) a
      where um.record_source = 'member_admitted' and a.n > 0`,
  },
};

/**
 * The sources as one UNION ALL, for the engine's `rec` CTE: all of them, or
 * when the caller knows which its targets use (`known`), those only, bounded
 * to its months.
 */
export function recordSourcesUnion(known?: RecordWindow): SQL {
  const used = Object.values(recordSources).filter((s) => !known || known.sources.includes(s.name));
  if (used.length === 0) return sql`select null::uuid as target_id, null::uuid as unit_id, null::numeric as n where false`;
  return sql.join(
    used.map((s) => sql`(${s.fragment(known)})`),
    sql` union all `,
  );
}
