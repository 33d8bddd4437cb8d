// Synthetic province for the indicator benchmark (bench/indicators.ts): one
// province federation → 30 district federations → ~3,000 grassroots unions,
// eight data elements with twelve months of facts, and eight indicators
// covering every measure kind, each with a target scoped to the province and
// one scoped to a district. Everything is inserted in bulk (INSERT … SELECT
// over generate_series), never row by row. Also: one hand-written SQL
// statement computing the same targets, to set the engine against.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../server/db/client.js';
import { queryRows } from '../server/db/sql.js';
import { dataElements, indicators, targets } from '../server/db/schema/indicators.js';
import { refreshOrgUnitPaths } from '../server/modules/org-units/refresh-org-unit-paths.js';
import type { Aggregation, ConditionOperator, Measure, ValueType } from '../common/indicators.js';

export const YEAR = 2024;
export const AS_OF = `${YEAR}-12-31`;
export const DISTRICTS = 30;
/** The district whose targets are timed on their own (it loses and gains units mid-year). */
export const DISTRICT_CODE = 'BD01';

/** Which grassroots units (by number n) are special; "a few" of each. */
export const RULES = {
  foundedMidYear: 'n % 41 = 7', // founded 10/07 (half) or 01/03 (half)
  movedMidYear: 'n % 37 = 5 and n % 41 <> 7', // moved to the next district on 01/07 (even n) or 15/07 (odd n)
  noData: 'n % 97 = 11', // report nothing at all
} as const;

export type TargetKind = 'ratio' | 'share_grade' | 'share_fund' | 'average' | 'sum' | 'count_units' | 'records_facts' | 'records_founded';

export const TARGET_KINDS: readonly TargetKind[] = [
  'ratio',
  'share_grade',
  'share_fund',
  'average',
  'sum',
  'count_units',
  'records_facts',
  'records_founded',
];

export interface Elements {
  workers: string; // CNVCLĐ (number, last)
  members: string; // đoàn viên (number, last)
  grade: string; // xếp loại (grade, last)
  agreement: string; // có thỏa ước (yes/no, any)
  fund: string; // kinh phí thu (number, sum)
  source: string; // còn nguồn phát triển đoàn viên (yes/no, last)
  newMembers: string; // đoàn viên kết nạp mới (number, sum)
  houses: string; // Mái ấm công đoàn (number, sum, counted as records)
}

export interface Dataset {
  provinceId: string;
  districtId: string;
  elements: Elements;
  /** Target ids per kind, for the province scope and the district scope. */
  targets: { province: Record<TargetKind, string>; district: Record<TargetKind, string> };
  units: number;
  grassroots: number;
  factRows: number;
}

const GRADES = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'];

/** Facts of one element: expressions over n (unit number) and k (month 1..12). */
interface FactSpec {
  num?: string;
  bool?: string;
  text?: string;
  na?: string;
  skip?: string;
}

const FACT_SPECS: Record<keyof Elements, FactSpec> = {
  workers: { num: '30 + (n * 37) % 470 + k', na: 'n % 59 = 6' },
  members: { num: 'floor((30 + (n * 37) % 470 + k) * (55 + n % 45) / 100.0)', skip: '(n + k) % 11 = 0' },
  grade: {
    text: `(array['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'])[1 + (n + k) % 4]`,
    na: 'n % 60 = 11 and k <= 3', // some months only: still reported
    skip: 'n % 89 = 3',
  },
  agreement: { bool: '(n * k) % 17 = 0' },
  fund: { num: '(n % 13) * 500 + k * 10', na: 'n % 53 = 4' },
  source: { bool: '(n + k) % 5 <> 0', na: 'n % 61 = 8' },
  newMembers: { num: '(n * k) % 6', na: 'n % 67 = 9 and k % 2 = 0' },
  houses: { num: 'case when (n * k) % 53 = 0 then 1 else 0 end' },
};

const ELEMENT_DEFS: Record<keyof Elements, { valueType: ValueType; aggregation: Aggregation }> = {
  workers: { valueType: 'number', aggregation: 'last' },
  members: { valueType: 'number', aggregation: 'last' },
  grade: { valueType: 'grade', aggregation: 'last' },
  agreement: { valueType: 'boolean', aggregation: 'any' },
  fund: { valueType: 'number', aggregation: 'sum' },
  source: { valueType: 'boolean', aggregation: 'last' },
  newMembers: { valueType: 'number', aggregation: 'sum' },
  houses: { valueType: 'number', aggregation: 'sum' },
};

/** Fund condition of share_fund: Σ fund over the year ≥ this. */
const FUND_THRESHOLD = 30_000;

export async function buildDataset(db: Executor, grassroots: number): Promise<Dataset> {
  const day = (monthDay: string) => sql.raw(`date '${YEAR}-${monthDay}'`);
  // Units: province, districts, grassroots unions (n = 0 … grassroots-1).
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, valid_from)
    values ('BP', 'Liên đoàn Lao động tỉnh (bench)', 'LĐLĐ tỉnh', 'province_federation', '2000-01-01')`);
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, valid_from)
    select 'BD' || lpad(d::text, 2, '0'), 'Liên đoàn Lao động huyện ' || d, 'LĐLĐ huyện ' || d, 'district_federation', date '2000-01-01'
    from generate_series(0, ${DISTRICTS - 1}::int) d`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from)
    select u.id, p.id, date '2000-01-01' from org_units u cross join org_units p
    where u.kind = 'district_federation' and p.code = 'BP'`);
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, sector, valid_from)
    select 'BG' || lpad(n::text, 5, '0'), 'Công đoàn cơ sở ' || n, 'CĐCS ' || n, 'grassroots_union',
      (array['state_agency', 'public_service_unit', 'state_enterprise', 'non_state_enterprise',
             'foreign_invested_enterprise', 'cooperative', 'other'])[1 + n % 7],
      case when ${sql.raw(RULES.foundedMidYear)} then
        case when n % 2 = 0 then ${day('07-10')} else ${day('03-01')} end
      else date '2015-01-01' end
    from generate_series(0, ${grassroots - 1}::int) n`);
  const grassrootsUnits = sql.raw(`(select id, valid_from, substring(code from 3)::int as n
    from org_units where kind = 'grassroots_union') g`);
  const district = (expr: string) => sql.raw(`'BD' || lpad((${expr})::text, 2, '0')`);
  // First parent link (ends mid-year for units that move), then the new one.
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from, valid_to)
    select g.id, d.id, g.valid_from,
      case when ${sql.raw(RULES.movedMidYear)} then
        case when n % 2 = 0 then ${day('06-30')} else ${day('07-14')} end
      end
    from ${grassrootsUnits}
    join org_units d on d.code = ${district(`n % ${DISTRICTS}`)}`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from)
    select g.id, d.id,
      case when n % 2 = 0 then ${day('07-01')} else ${day('07-15')} end
    from ${grassrootsUnits}
    join org_units d on d.code = ${district(`(n + 1) % ${DISTRICTS}`)}
    where ${sql.raw(RULES.movedMidYear)}`);
  await refreshOrgUnitPaths(db);

  // Data elements.
  const elements = {} as Elements;
  for (const [key, def] of Object.entries(ELEMENT_DEFS) as [keyof Elements, (typeof ELEMENT_DEFS)[keyof Elements]][]) {
    const [row] = await db
      .insert(dataElements)
      .values({
        code: `bench_${key}`,
        nameVi: `Dữ liệu ${key}`,
        nameEn: `Data ${key}`,
        valueType: def.valueType,
        aggregation: def.aggregation,
        allowsNotApplicable: true,
        gradeOptions: def.valueType === 'grade' ? GRADES : null,
      })
      .returning({ id: dataElements.id });
    elements[key] = row!.id;
  }

  // Twelve months of facts per grassroots union, from its founding month on;
  // units of RULES.noData report nothing.
  for (const [key, spec] of Object.entries(FACT_SPECS) as [keyof Elements, FactSpec][]) {
    const na = spec.na ?? 'false';
    const value = (expr: string | undefined, type: string) =>
      sql.raw(expr ? `case when ${na} then null else ${expr} end` : `null::${type}`);
    await db.execute(sql`insert into facts (unit_id, data_element_id, month, value_number, value_bool, value_text, not_applicable)
      select g.id, ${elements[key]}::uuid, make_date(${YEAR}::int, k, 1),
        ${value(spec.num, 'numeric')}, ${value(spec.bool, 'boolean')}, ${value(spec.text, 'text')}, ${sql.raw(na)}
      from ${grassrootsUnits}
      cross join generate_series(1, 12) k
      where make_date(${YEAR}::int, k, 1) >= date_trunc('month', g.valid_from::timestamp)::date
        and not (${sql.raw(RULES.noData)})
        and not (${sql.raw(spec.skip ?? 'false')})`);
  }

  // Indicators, one per measure kind (two shares: a grade and a number condition).
  const indicatorSpecs: Record<TargetKind, BenchIndicatorSpec> = {
    ratio: { measure: 'ratio_of_sums', unitOfMeasure: 'percent', numerator: elements.members, denominator: elements.workers },
    share_grade: {
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      condition: { elementId: elements.grade, operator: 'in', values: ['xuat_sac', 'tot'] },
    },
    share_fund: {
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      condition: { elementId: elements.fund, operator: '>=', number: FUND_THRESHOLD },
    },
    average: {
      measure: 'average_per_eligible_unit',
      unitOfMeasure: 'people',
      numerator: elements.newMembers,
      eligibility: elements.source,
    },
    sum: { measure: 'sum', unitOfMeasure: 'vnd', numerator: elements.fund },
    count_units: { measure: 'count_of_units', unitOfMeasure: 'count', condition: { elementId: elements.agreement, operator: 'is_true' } },
    records_facts: { measure: 'count_of_records', unitOfMeasure: 'count', numerator: elements.houses, recordSource: 'facts' },
    records_founded: { measure: 'count_of_records', unitOfMeasure: 'count', recordSource: 'unit_founded' },
  };
  const [province] = await queryRows<{ id: string }>(db, sql`select id from org_units where code = 'BP'`);
  const [districtRow] = await queryRows<{ id: string }>(db, sql`select id from org_units where code = ${DISTRICT_CODE}`);
  const provinceTargets = {} as Record<TargetKind, string>;
  const districtTargets = {} as Record<TargetKind, string>;
  let sortOrder = 0;
  for (const kind of TARGET_KINDS) {
    const spec = indicatorSpecs[kind];
    const indicatorId = await insertBenchIndicator(db, `bench_${kind}`, kind, spec);
    for (const [scopeUnitId, into] of [
      [province!.id, provinceTargets],
      [districtRow!.id, districtTargets],
    ] as const) {
      const [tg] = await db
        .insert(targets)
        .values({
          indicatorId: indicatorId,
          text: `Chỉ tiêu ${kind}`,
          comparator: 'gte',
          value: '1',
          unitOfMeasure: spec.unitOfMeasure,
          periodFrom: `${YEAR}-01-01`,
          periodTo: `${YEAR}-12-01`,
          scopeUnitId,
          sortOrder: sortOrder++,
        })
        .returning({ id: targets.id });
      into[kind] = tg!.id;
    }
  }

  const [counts] = await queryRows<{ units: number; grassroots: number; facts: number }>(
    db,
    sql`select (select count(*) from org_units)::int as units,
      (select count(*) from org_units where kind = 'grassroots_union')::int as grassroots,
      (select count(*) from facts)::int as facts`,
  );
  return {
    provinceId: province!.id,
    districtId: districtRow!.id,
    elements,
    targets: { province: provinceTargets, district: districtTargets },
    units: Number(counts!.units),
    grassroots: Number(counts!.grassroots),
    factRows: Number(counts!.facts),
  };
}

export interface HandRow {
  target_id: string;
  value: number | null;
  units: number;
}

/**
 * The same numbers as the engine for the targets of one scope, written by
 * hand for these eight targets (docs/indicator-engine.md semantics): the
 * months each grassroots union spent in the scope subtree in the period
 * (closure rows cut to the year, a shared month once), each element rolled
 * up per unit over those months, then one plain aggregate per target.
 * `units` = units in the denominator (or counted, for records).
 */
export function handWrittenSql(scopeUnitId: string, e: Elements, t: Record<TargetKind, string>): SQL {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-01`;
  return sql`
    with um as (
      select distinct p.descendant_id as unit_id, m::date as month
      from org_unit_paths p
      join org_units u on u.id = p.descendant_id and u.kind = 'grassroots_union'
      cross join lateral generate_series(
        greatest(${from}::date, date_trunc('month', p.valid_from::timestamp)::date)::timestamp,
        least(${to}::date, date_trunc('month', p.valid_to::timestamp)::date)::timestamp,
        interval '1 month') m
      where p.ancestor_id = ${scopeUnitId}::uuid and p.valid_to >= ${from}::date
    ),
    pe as (
      select f.unit_id, f.data_element_id as e,
        bool_and(f.not_applicable) as na,
        sum(f.value_number) filter (where not f.not_applicable) as n_sum,
        (array_agg(f.value_number order by f.month desc)
           filter (where not f.not_applicable and f.value_number is not null))[1] as n_last,
        bool_or(f.value_bool) filter (where not f.not_applicable) as b_any,
        (array_agg(f.value_bool order by f.month desc)
           filter (where not f.not_applicable and f.value_bool is not null))[1] as b_last,
        (array_agg(f.value_text order by f.month desc)
           filter (where not f.not_applicable and f.value_text is not null))[1] as t_last
      from um
      join facts f on f.unit_id = um.unit_id and f.month = um.month
      where f.data_element_id in (${e.workers}::uuid, ${e.members}::uuid, ${e.grade}::uuid, ${e.agreement}::uuid,
                                  ${e.fund}::uuid, ${e.source}::uuid, ${e.newMembers}::uuid, ${e.houses}::uuid)
      group by f.unit_id, f.data_element_id
    )
    -- ratio of sums: Σ members ÷ Σ workers × 100 over units that reported workers and members
    select ${t.ratio}::uuid as target_id,
      (case when sum(d.n_last) = 0 then null else sum(n.n_last) / sum(d.n_last) * 100 end)::float8 as value,
      count(*)::int as units
    from pe d join pe n on n.unit_id = d.unit_id and n.e = ${e.members}::uuid
    where d.e = ${e.workers}::uuid and not d.na and not n.na
    union all
    -- share of units graded xuất sắc or tốt
    select ${t.share_grade}::uuid,
      (100.0 * count(*) filter (where t_last in ('xuat_sac', 'tot')) / nullif(count(*), 0))::float8, count(*)::int
    from pe where e = ${e.grade}::uuid and not na
    union all
    -- share of units whose Σ fund ≥ threshold
    select ${t.share_fund}::uuid,
      (100.0 * count(*) filter (where n_sum >= ${FUND_THRESHOLD}) / nullif(count(*), 0))::float8, count(*)::int
    from pe where e = ${e.fund}::uuid and not na
    union all
    -- average new members per unit that still has a source (last month reported)
    select ${t.average}::uuid, (sum(coalesce(n.n_sum, 0)) / nullif(count(*), 0))::float8, count(*)::int
    from pe el join pe n on n.unit_id = el.unit_id and n.e = ${e.newMembers}::uuid and not n.na
    where el.e = ${e.source}::uuid and not el.na and coalesce(el.b_last, false)
    union all
    -- Σ fund
    select ${t.sum}::uuid, (case when count(*) = 0 then null else sum(coalesce(n_sum, 0)) end)::float8, count(*)::int
    from pe where e = ${e.fund}::uuid and not na
    union all
    -- units with a collective agreement in any month
    select ${t.count_units}::uuid, (case when count(*) = 0 then null else count(*) filter (where b_any) end)::float8, count(*)::int
    from pe where e = ${e.agreement}::uuid and not na
    union all
    -- houses reported (records from facts)
    select ${t.records_facts}::uuid, coalesce((select sum(n_sum) from pe where e = ${e.houses}::uuid), 0)::float8,
      (select count(distinct unit_id) from um)::int
    union all
    -- units founded in their months in the scope
    select ${t.records_founded}::uuid,
      (select count(*) from um join org_units u on u.id = um.unit_id
       where um.month = date_trunc('month', u.valid_from::timestamp)::date)::float8,
      (select count(distinct unit_id) from um)::int`;
}

/** One indicator of a benchmark's target kind (both synthetic datasets). */
export interface BenchIndicatorSpec {
  measure: Measure;
  unitOfMeasure: string;
  numerator?: string;
  denominator?: string;
  condition?: { elementId: string; operator: ConditionOperator; number?: number; values?: string[] };
  eligibility?: string;
  recordSource?: 'unit_founded' | 'facts';
}

export async function insertBenchIndicator(db: Executor, code: string, kind: TargetKind, spec: BenchIndicatorSpec): Promise<string> {
  const [ind] = await db
    .insert(indicators)
    .values({
      code,
      nameVi: `Chỉ số ${kind}`,
      nameEn: `Indicator ${kind}`,
      measure: spec.measure,
      unitOfMeasure: spec.unitOfMeasure,
      numeratorElementId: spec.numerator ?? null,
      denominatorElementId: spec.denominator ?? null,
      conditionElementId: spec.condition?.elementId ?? null,
      conditionOperator: spec.condition?.operator ?? null,
      conditionNumber: spec.condition?.number === undefined ? null : String(spec.condition.number),
      conditionValues: spec.condition?.values ?? null,
      eligibilityElementId: spec.eligibility ?? null,
      recordSource: spec.recordSource ?? null,
    })
    .returning({ id: indicators.id });
  return ind!.id;
}
