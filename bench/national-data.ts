// Synthetic confederation for the national benchmark (bench/national.ts,
// issue 12): the national root (Tổng Liên đoàn), 63 province federations, ~700
// district federations and 126,000 grassroots unions (CĐCS) in 2024,
// restructured on 01/07/2025 into 34 provinces with the districts ended; 10.5
// million members with a year of admissions and transfers; an issued 2024
// program of the root whose targets cover every measure kind (plus the same
// indicators targeted at one province and one district) and twelve months of
// facts for them. Everything scales with BENCH_SCALE.
//
// The tree rows are those the org-units use-cases write (move-org-unit for the
// CĐCS, dissolve-org-unit for the districts, merge-org-unit for the provinces:
// old parent rows end the day before, new ones open on the date, merged_into
// links) and the closure table is rebuilt by refreshOrgUnitPaths itself. The
// member rows are those admitMember / transferMember / leaveMember and
// rederiveMember produce (events in order with seq, the card issued on the
// admission day, periods and status derived by deriveMemberState's rules,
// name_folded = foldText(full_name)). Members, their events and periods go
// through COPY FROM STDIN from a generator (memory stays bounded at any
// size), with the tables' secondary indexes dropped during the load and
// recreated from their own definitions; units and facts are INSERT … SELECT
// over generate_series, on the server.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from '../server/db/client.js';
import { queryRows } from '../server/db/sql.js';
import { dataElements, programs, reports, targets } from '../server/db/schema/index.js';
import { loadAssignments, type Actor } from '../server/lib/access.js';
import { saveReportDraft } from '../server/modules/reports/save-report-draft.js';
import { submitReport } from '../server/modules/reports/submit-report.js';
import type { Role } from '../common/enums.js';
import { createUser } from '../test/factories.js';
import { foldText } from '../server/lib/search-text.js';
import { refreshOrgUnitPaths } from '../server/modules/org-units/refresh-org-unit-paths.js';
import { ensureReportPeriods } from '../server/modules/reports/report-periods.js';
import { DEMO_PROGRAM_2024 } from '../scripts/demo/program-2024.js';
import type { Aggregation, ValueType } from '../common/indicators.js';
import { deriveMemberState, type MemberEventFact, type MemberEventKind, type TransferState } from '../common/members.js';
import { insertBenchIndicator, TARGET_KINDS, type BenchIndicatorSpec, type Elements, type TargetKind } from './indicators-data.js';

export const YEAR = 2024;
export const RESTRUCTURE_ON = '2025-07-01';
const LAST_OLD_DAY = '2025-06-30';
export const PROVINCES_2024 = 63;
export const PROVINCES_2025 = 34;
/** Of the 34 provinces from 01/07/2025, 23 are unchanged and 11 absorb the other 29 (merge-org-unit). */
const UNCHANGED = 23;

export interface Sizes {
  districts: number;
  grassroots: number;
  members: number;
}

export function sizesFor(scale: number): Sizes {
  const districts = Math.max(PROVINCES_2024, Math.round(700 * scale));
  const grassroots = Math.max(districts * 2, Math.round(126_000 * scale));
  return { districts, grassroots, members: Math.max(1000, Math.round(10_500_000 * scale)) };
}

/** Codes: root VN, provinces T01…T63, districts H0000…, CĐCS C000000… */
export const ROOT_CODE = 'VN';
export const provinceCode = (p: number) => `T${String(p + 1).padStart(2, '0')}`;
export const districtCode = (d: number) => `H${String(d).padStart(4, '0')}`;
export const grassrootsCode = (n: number) => `C${String(n).padStart(6, '0')}`;

/** Special grassroots unions (by number n), as in bench/indicators-data.ts. */
const RULES = {
  foundedMidYear: 'n % 41 = 7', // founded 10/07/2024 (even n) or 01/03/2024 (odd n)
  movedMidYear: 'n % 37 = 5 and n % 41 <> 7', // moved to the next district of its province on 01/07/2024
  noData: 'n % 97 = 11', // reports nothing
} as const;
const foundedMidYear = (n: number) => n % 41 === 7;
const UNIT_FROM = '2005-01-01';
const unitFoundedOn = (n: number) => (foundedMidYear(n) ? (n % 2 === 0 ? `${YEAR}-07-10` : `${YEAR}-03-01`) : UNIT_FROM);

// ---------------------------------------------------------------- the tree

export async function buildTree(db: Executor, s: Sizes): Promise<void> {
  const P = PROVINCES_2024;
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, valid_from)
    values (${ROOT_CODE}, 'Tổng Liên đoàn Lao động Việt Nam (bench)', 'Tổng LĐLĐ VN', 'national_confederation', '2000-01-01')`);
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, valid_from, valid_to)
    select 'T' || lpad((p + 1)::text, 2, '0'), 'Liên đoàn Lao động tỉnh số ' || (p + 1), 'LĐLĐ tỉnh ' || (p + 1),
      'province_federation', date '2000-01-01', case when p >= ${PROVINCES_2025}::int then ${LAST_OLD_DAY}::date end
    from generate_series(0, ${P - 1}::int) p`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from, valid_to)
    select u.id, r.id, date '2000-01-01', u.valid_to from org_units u cross join org_units r
    where u.kind = 'province_federation' and r.code = ${ROOT_CODE}`);
  // Merged provinces: their last day is 30/06/2025, a merged_into link to the receiver.
  await db.execute(sql`insert into org_unit_links (from_unit_id, to_unit_id, kind, effective_date)
    select f.id, t.id, 'merged_into', ${RESTRUCTURE_ON}::date
    from generate_series(${PROVINCES_2025}::int, ${P - 1}::int) p
    join org_units f on f.code = 'T' || lpad((p + 1)::text, 2, '0')
    join org_units t on t.code = 'T' || lpad((${UNCHANGED}::int + (p - ${PROVINCES_2025}::int) % ${PROVINCES_2025 - UNCHANGED}::int + 1)::text, 2, '0')`);
  // Districts (district d in province d % 63), dissolved on 30/06/2025.
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, valid_from, valid_to)
    select 'H' || lpad(d::text, 4, '0'), 'Liên đoàn Lao động huyện số ' || d, 'LĐLĐ huyện ' || d, 'district_federation',
      date '2000-01-01', ${LAST_OLD_DAY}::date
    from generate_series(0, ${s.districts - 1}::int) d`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from, valid_to)
    select h.id, t.id, date '2000-01-01', ${LAST_OLD_DAY}::date
    from generate_series(0, ${s.districts - 1}::int) d
    join org_units h on h.code = 'H' || lpad(d::text, 4, '0')
    join org_units t on t.code = 'T' || lpad((d % ${P}::int + 1)::text, 2, '0')`);
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, sector, valid_from)
    select 'C' || lpad(n::text, 6, '0'), 'Công đoàn cơ sở Công ty số ' || n, 'CĐCS ' || n, 'grassroots_union',
      (array['state_agency', 'public_service_unit', 'state_enterprise', 'non_state_enterprise',
             'foreign_invested_enterprise', 'cooperative', 'other'])[1 + n % 7],
      case when ${sql.raw(RULES.foundedMidYear)} then
        case when n % 2 = 0 then ${`${YEAR}-07-10`}::date else ${`${YEAR}-03-01`}::date end
      else ${UNIT_FROM}::date end
    from generate_series(0, ${s.grassroots - 1}::int) n`);
  // CĐCS n sits in district n % D; the movers go to the next district of the
  // same province on 01/07/2024 (when the province has one). Every CĐCS leaves
  // its district on 30/06/2025 for the province that holds its old one then.
  const D = s.districts;
  const g = sql.raw(`(select id, valid_from, substring(code from 2)::int as n from org_units where kind = 'grassroots_union') g`);
  const nextDistrict = `(case when n % ${D} + ${P} < ${D} then n % ${D} + ${P} else n % ${P} end)`;
  const moves = `(${RULES.movedMidYear}) and ${nextDistrict} <> n % ${D}`;
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from, valid_to)
    select g.id, h.id, g.valid_from, case when ${sql.raw(moves)} then ${`${YEAR}-06-30`}::date else ${LAST_OLD_DAY}::date end
    from ${g} join org_units h on h.code = 'H' || lpad((n % ${D}::int)::text, 4, '0')`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from, valid_to)
    select g.id, h.id, ${`${YEAR}-07-01`}::date, ${LAST_OLD_DAY}::date
    from ${g} join org_units h on h.code = 'H' || lpad(${sql.raw(nextDistrict)}::text, 4, '0')
    where ${sql.raw(moves)}`);
  // The province after 01/07/2025: the receiver of the old province of its district on 30/06/2025 (same province as before the move).
  const oldProvince = `(n % ${D}) % ${P}`;
  const newProvince = `(case when ${oldProvince} < ${PROVINCES_2025} then ${oldProvince} else ${UNCHANGED} + (${oldProvince} - ${PROVINCES_2025}) % ${PROVINCES_2025 - UNCHANGED} end)`;
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from)
    select g.id, t.id, ${RESTRUCTURE_ON}::date
    from ${g} join org_units t on t.code = 'T' || lpad((${sql.raw(newProvince)} + 1)::text, 2, '0')`);
  await refreshOrgUnitPaths(db);
}

// ------------------------------------------------- elements, program, targets

export interface Program {
  programId: string;
  elements: Elements;
  /** Target ids per kind, for each timed scope. */
  targets: Record<'national' | 'province' | 'district', Record<TargetKind, string>>;
  scopes: Record<'national' | 'province' | 'district', { id: string; code: string }>;
  monthlyPeriods: string[];
}

const GRADES = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'];
const ELEMENT_DEFS: Record<keyof Elements, { valueType: ValueType; aggregation: Aggregation; name: string }> = {
  workers: { valueType: 'number', aggregation: 'last', name: 'Số CNVCLĐ' },
  members: { valueType: 'number', aggregation: 'last', name: 'Số đoàn viên' },
  grade: { valueType: 'grade', aggregation: 'last', name: 'Xếp loại CĐCS' },
  agreement: { valueType: 'boolean', aggregation: 'any', name: 'Có thỏa ước lao động tập thể' },
  fund: { valueType: 'number', aggregation: 'sum', name: 'Kinh phí công đoàn thu' },
  source: { valueType: 'boolean', aggregation: 'last', name: 'Còn nguồn phát triển đoàn viên' },
  newMembers: { valueType: 'number', aggregation: 'sum', name: 'Đoàn viên kết nạp mới' },
  houses: { valueType: 'number', aggregation: 'sum', name: 'Mái ấm công đoàn' },
};

/** Facts of one element: expressions over n (unit number) and k (month 1..12), as in bench/indicators-data.ts. */
const FACT_SPECS: Record<keyof Elements, { num?: string; bool?: string; text?: string; na?: string; skip?: string }> = {
  workers: { num: '30 + (n * 37) % 470 + k', na: 'n % 59 = 6' },
  members: { num: 'floor((30 + (n * 37) % 470 + k) * (55 + n % 45) / 100.0)', skip: '(n + k) % 11 = 0' },
  grade: {
    text: `(array['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'])[1 + (n + k) % 4]`,
    na: 'n % 60 = 11 and k <= 3',
    skip: 'n % 89 = 3',
  },
  agreement: { bool: '(n * k) % 17 = 0' },
  fund: { num: '(n % 13) * 500 + k * 10', na: 'n % 53 = 4' },
  source: { bool: '(n + k) % 5 <> 0', na: 'n % 61 = 8' },
  newMembers: { num: '(n * k) % 6', na: 'n % 67 = 9 and k % 2 = 0' },
  houses: { num: 'case when (n * k) % 53 = 0 then 1 else 0 end' },
};
const FUND_THRESHOLD = 30_000;

export async function buildProgram(db: Executor, s: Sizes): Promise<Program> {
  const unitId = async (code: string) => (await queryRows<{ id: string }>(db, sql`select id from org_units where code = ${code}`))[0]!.id;
  const scopes = {
    national: { code: ROOT_CODE, id: await unitId(ROOT_CODE) },
    province: { code: provinceCode(0), id: await unitId(provinceCode(0)) },
    district: { code: districtCode(0), id: await unitId(districtCode(0)) },
  };
  const elements = {} as Elements;
  for (const [key, def] of Object.entries(ELEMENT_DEFS) as [keyof Elements, (typeof ELEMENT_DEFS)[keyof Elements]][]) {
    const [row] = await db
      .insert(dataElements)
      .values({
        code: `nat_${key}`,
        nameVi: def.name,
        nameEn: `Data ${key}`,
        valueType: def.valueType,
        aggregation: def.aggregation,
        allowsNotApplicable: true,
        gradeOptions: def.valueType === 'grade' ? GRADES : null,
      })
      .returning({ id: dataElements.id });
    elements[key] = row!.id;
  }
  const specs: Record<TargetKind, BenchIndicatorSpec & { value: number }> = {
    ratio: { measure: 'ratio_of_sums', unitOfMeasure: 'percent', value: 70, numerator: elements.members, denominator: elements.workers },
    share_grade: {
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      value: 60,
      condition: { elementId: elements.grade, operator: 'in', values: ['xuat_sac', 'tot'] },
    },
    share_fund: {
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      value: 50,
      condition: { elementId: elements.fund, operator: '>=', number: FUND_THRESHOLD },
    },
    average: {
      measure: 'average_per_eligible_unit',
      unitOfMeasure: 'people',
      value: 20,
      numerator: elements.newMembers,
      eligibility: elements.source,
    },
    sum: { measure: 'sum', unitOfMeasure: 'vnd', value: 3000 * s.grassroots * 12, numerator: elements.fund },
    count_units: {
      measure: 'count_of_units',
      unitOfMeasure: 'count',
      value: s.grassroots / 10,
      condition: { elementId: elements.agreement, operator: 'is_true' },
    },
    records_facts: {
      measure: 'count_of_records',
      unitOfMeasure: 'count',
      value: s.grassroots / 5,
      numerator: elements.houses,
      recordSource: 'facts',
    },
    records_founded: { measure: 'count_of_records', unitOfMeasure: 'count', value: s.grassroots / 50, recordSource: 'unit_founded' },
  };
  // The root's issued 2024 program (the seed program's text), its targets national.
  const { unitCode: _code, ...fields } = DEMO_PROGRAM_2024;
  const [prog] = await db
    .insert(programs)
    .values({
      ...fields,
      title: 'Chương trình công tác Công đoàn năm 2024 (bench toàn quốc)',
      unitId: scopes.national.id,
      number: 1,
      status: 'issued',
      issuedOn: `${YEAR}-01-15`,
      issuedAt: new Date(`${YEAR}-01-15T03:00:00Z`),
    })
    .returning({ id: programs.id });
  const programId = prog!.id;
  const out = { national: {}, province: {}, district: {} } as Program['targets'];
  let sortOrder = 0;
  for (const kind of TARGET_KINDS) {
    const spec = specs[kind];
    const indicatorId = await insertBenchIndicator(db, `nat_${kind}`, kind, spec);
    for (const scope of ['national', 'province', 'district'] as const) {
      const [tg] = await db
        .insert(targets)
        .values({
          indicatorId: indicatorId,
          programId: scope === 'national' ? programId : null,
          taskGroupNumber: scope === 'national' ? 1 + (sortOrder % 3) : null,
          text: `Chỉ tiêu ${kind} (${scope})`,
          comparator: 'gte',
          value: String(Math.max(1, Math.round(spec.value))),
          unitOfMeasure: spec.unitOfMeasure,
          periodFrom: `${YEAR}-01-01`,
          periodTo: `${YEAR}-12-01`,
          scopeUnitId: scopes[scope].id,
          sortOrder: sortOrder++,
        })
        .returning({ id: targets.id });
      out[scope][kind] = tg!.id;
    }
  }
  await ensureReportPeriods(db, programId, YEAR);
  const periods = await queryRows<{ id: string }>(
    db,
    sql`select id from report_periods where program_id = ${programId}::uuid and kind = 'monthly' order by data_from`,
  );
  return { programId, elements, targets: out, scopes, monthlyPeriods: periods.map((p) => p.id) };
}

/** The program buildProgram made, read back from a kept database (bench/national.ts BENCH_REUSE). */
export async function loadProgram(db: Executor): Promise<Program> {
  const unitId = async (code: string) => (await queryRows<{ id: string }>(db, sql`select id from org_units where code = ${code}`))[0]!.id;
  const scopes = {
    national: { code: ROOT_CODE, id: await unitId(ROOT_CODE) },
    province: { code: provinceCode(0), id: await unitId(provinceCode(0)) },
    district: { code: districtCode(0), id: await unitId(districtCode(0)) },
  };
  const elements = {} as Elements;
  for (const key of Object.keys(ELEMENT_DEFS) as (keyof Elements)[]) {
    elements[key] = (await queryRows<{ id: string }>(db, sql`select id from data_elements where code = ${`nat_${key}`}`))[0]!.id;
  }
  const out = { national: {}, province: {}, district: {} } as Program['targets'];
  for (const kind of TARGET_KINDS) {
    for (const scope of ['national', 'province', 'district'] as const) {
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select tg.id from targets tg join indicators i on i.id = tg.indicator_id
          where i.code = ${`nat_${kind}`} and tg.scope_unit_id = ${scopes[scope].id}::uuid`,
      );
      out[scope][kind] = row!.id;
    }
  }
  const [prog] = await queryRows<{ id: string }>(db, sql`select program_id as id from targets where id = ${out.national.sum}::uuid`);
  const periods = await queryRows<{ id: string }>(
    db,
    sql`select id from report_periods where program_id = ${prog!.id}::uuid and kind = 'monthly' order by data_from`,
  );
  return { programId: prog!.id, elements, targets: out, scopes, monthlyPeriods: periods.map((p) => p.id) };
}

/** Twelve months of facts per CĐCS from its founding month, per element (one INSERT … SELECT each). */
export async function buildFacts(db: Executor, elements: Elements): Promise<void> {
  const g = sql.raw(`(select id, valid_from, substring(code from 2)::int as n from org_units where kind = 'grassroots_union') g`);
  for (const [key, spec] of Object.entries(FACT_SPECS) as [keyof Elements, (typeof FACT_SPECS)[keyof Elements]][]) {
    const na = spec.na ?? 'false';
    const value = (expr: string | undefined, type: string) =>
      sql.raw(expr ? `case when ${na} then null else ${expr} end` : `null::${type}`);
    await db.execute(sql`insert into facts (unit_id, data_element_id, month, value_number, value_bool, value_text, not_applicable)
      select g.id, ${elements[key]}::uuid, make_date(${YEAR}::int, k, 1),
        ${value(spec.num, 'numeric')}, ${value(spec.bool, 'boolean')}, ${value(spec.text, 'text')}, ${sql.raw(na)}
      from ${g}
      cross join generate_series(1, 12) k
      where make_date(${YEAR}::int, k, 1) >= date_trunc('month', g.valid_from::timestamp)::date
        and not (${sql.raw(RULES.noData)})
        and not (${sql.raw(spec.skip ?? 'false')})`);
  }
}

// ------------------------------------------------------------------ members

/** Deterministic per-member random numbers (mulberry32 seeded by the member number). */
function rng(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Family names with roughly their share in Việt Nam (Nguyễn ≈ 38 %).
const FAMILY: Array<[string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3],
  ['Huỳnh', 2.5],
  ['Phan', 4.5],
  ['Vũ', 2],
  ['Võ', 2],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.6],
  ['Trương', 0.6],
  ['Mai', 0.4],
  ['Tô', 0.3],
];
const FAMILY_TOTAL = FAMILY.reduce((s, [, w]) => s + w, 0);
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Quốc', 'Trọng'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Mỹ', 'Minh', 'Hồng', 'Phương', 'Bích'];
const GIVEN_MALE = [
  'An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Long', 'Minh', 'Nam',
  'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Vũ',
]; // prettier-ignore
const GIVEN_FEMALE = [
  'An', 'Anh', 'Châu', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hồng', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh',
  'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Yến',
]; // prettier-ignore
const JOBS = [
  'Công nhân',
  'Công nhân',
  'Công nhân',
  'Kỹ sư',
  'Nhân viên văn phòng',
  'Giáo viên',
  'Y tá',
  'Kế toán',
  'Lái xe',
  'Chuyên viên',
];
const ETHNICITIES = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng'];

const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length)]!;
const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** CCCD: a province code (3 digits), then 9 digits that are a bijection of the member number (so all distinct). */
export const citizenIdOf = (i: number, provinceIndex: number) =>
  `0${String((provinceIndex % 96) + 1).padStart(2, '0')}${String((i * 48_271 + 12_345) % 1_000_000_000).padStart(9, '0')}`;
/** Card number (số thẻ đoàn viên): a bijection of the member number too. */
export const cardNumberOf = (i: number) => `DV${String((i * 7_919 + 104_729) % 1_000_000_000).padStart(9, '0')}`;
/** Member ids are deterministic, so the events and periods streams can name them. */
export const memberIdOf = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
/** Event ids in load order (event k of member i): the primary key grows at its end instead of at random places. */
const eventIdOf = (i: number, k: number) => `00000000-0000-4000-9000-${(i * 4 + k).toString(16).padStart(12, '0')}`;

export interface MemberUnits {
  /** Grassroots unit ids by number n. */
  ids: string[];
  /** Province index (0-based, 2024) of CĐCS n. */
  province: (n: number) => number;
}

interface GeneratedMember {
  id: string;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  citizenId: string;
  phone: string | null;
  ethnicity: string;
  job: string;
  partyMember: boolean;
  cardNumber: string | null;
  admittedOn: string;
  unit: number;
  /** A 2024 transfer (accepted or pending) or leaving. */
  change: { kind: 'transfer_accepted' | 'transfer_pending' | 'left'; date: string; toUnit: number; decidedOn: string | null } | null;
}

const YEAR_START = dayNumber(`${YEAR}-01-01`);
const YEAR_END = dayNumber(`${YEAR}-12-31`);

/** Member i, the same every time it is asked (three streams read it). */
export function generateMember(i: number, grassroots: number): GeneratedMember {
  const r = rng(i + 1);
  const female = r() < 0.48;
  let x = r() * FAMILY_TOTAL;
  let family = FAMILY[0]![0];
  for (const [name, w] of FAMILY) {
    if ((x -= w) < 0) {
      family = name;
      break;
    }
  }
  const middle = pick(female ? MIDDLE_FEMALE : MIDDLE_MALE, r());
  const given = pick(female ? GIVEN_FEMALE : GIVEN_MALE, r());
  // Unit sizes are skewed: a few large enterprises, many small unions (density ∝ 1/√n).
  const unit = Math.min(grassroots - 1, Math.floor(grassroots * r() ** 2));
  const birthYear = 1966 + Math.floor(r() * 40);
  const birthDate = isoOf(dayNumber(`${birthYear}-01-01`) + Math.floor(r() * 365));
  // Admitted at 18 or later, in the unit's life; 8 % in 2024.
  const earliest = Math.max(dayNumber(unitFoundedOn(unit)), dayNumber(`${birthYear + 18}-12-31`));
  const in2024 = r() < 0.08 || earliest >= YEAR_START;
  const from = in2024 ? Math.max(earliest, YEAR_START) : earliest;
  const to = in2024 ? YEAR_END : YEAR_START - 1;
  const admitted = from > to ? from : from + Math.floor(r() * (to - from + 1));
  const admittedOn = isoOf(Math.min(admitted, YEAR_END));
  const hasCard = r() < 0.85;
  const c = r();
  let change: GeneratedMember['change'] = null;
  const changeFrom = Math.max(YEAR_START, dayNumber(admittedOn) + 1);
  if (changeFrom <= YEAR_END - 10 && c < 0.031) {
    const date = isoOf(changeFrom + Math.floor(r() * (YEAR_END - 10 - changeFrom)));
    if (c < 0.01) change = { kind: 'left', date, toUnit: -1, decidedOn: null };
    else {
      // To a CĐCS that existed all year (not one founded in 2024).
      let toUnit = Math.floor(r() * grassroots);
      while (foundedMidYear(toUnit) || toUnit === unit) toUnit = (toUnit + 1) % grassroots;
      const accepted = c < 0.03;
      change = {
        kind: accepted ? 'transfer_accepted' : 'transfer_pending',
        date,
        toUnit,
        decidedOn: accepted ? isoOf(dayNumber(date) + 3) : null,
      };
    }
  }
  return {
    id: memberIdOf(i),
    fullName: `${family} ${middle} ${given}`,
    gender: female ? 'female' : 'male',
    birthDate,
    citizenId: '', // filled by the caller (needs the unit's province)
    phone: r() < 0.6 ? `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : null,
    ethnicity: pick(ETHNICITIES, r()),
    job: pick(JOBS, r()),
    partyMember: r() < 0.12,
    cardNumber: hasCard ? cardNumberOf(i) : null,
    admittedOn,
    unit,
    change,
  };
}

/** COPY text format: tab-separated, \N for null; our values hold no tabs, newlines or backslashes. */
/** foldText of the few thousand distinct names, once each. */
const folded = new Map<string, string>();
const foldName = (name: string) => {
  let f = folded.get(name);
  if (f === undefined) folded.set(name, (f = foldText(name)));
  return f;
};

const line = (cells: Array<string | number | boolean | null>) => cells.map((c) => (c === null ? '\\N' : String(c))).join('\t') + '\n';

/** A readable stream of COPY lines for members 0 … count-1, in chunks (bounded memory). */
function copyStream(count: number, rows: (i: number) => string): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i >= count) {
        this.push(null);
        return;
      }
      let chunk = '';
      const end = Math.min(count, i + 2000);
      for (; i < end; i++) chunk += rows(i);
      this.push(chunk);
    },
  });
}

async function copyInto(client: pg.Client, statement: string, stream: Readable): Promise<void> {
  await pipeline(stream, client.query(copyFrom(statement)));
}

export interface MemberBuild {
  members: number;
  events: number;
  periods: number;
  /** Milliseconds per step. */
  steps: Array<[string, number]>;
  /** A member of the data set (for the CCCD and card searches). */
  sample: { citizenId: string; cardNumber: string; fullName: string };
}

const MEMBER_TABLES = ['members', 'member_events', 'member_unit_periods'];

/** Members, their events and periods through COPY on a connection of its own. */
export async function buildMembers(databaseUrl: string, count: number, units: MemberUnits): Promise<MemberBuild> {
  const client = new pg.Client({ connectionString: databaseUrl });
  const second = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await second.connect();
  const steps: Array<[string, number]> = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    steps.push([name, performance.now() - t]);
  };
  const G = units.ids.length;
  const member = (i: number) => {
    const m = generateMember(i, G);
    m.citizenId = citizenIdOf(i, units.province(m.unit));
    return m;
  };
  let events = 0;
  let periods = 0;
  try {
    // Secondary indexes off during the load, rebuilt from their own definitions after (bulk-load practice).
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `select i.indexname, i.indexdef from pg_indexes i
       where i.schemaname = current_schema() and i.tablename = any($1)
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      [MEMBER_TABLES],
    );
    for (const ix of indexes.rows) await client.query(`drop index "${ix.indexname}"`);
    // More memory for the index builds (the trigram GIN index above all), this session only.
    await client.query(`set maintenance_work_mem = '256MB'`);
    await step('members (COPY)', () =>
      copyInto(
        client,
        `copy members (id, full_name, name_folded, gender, birth_date, citizen_id, phone, ethnicity, job, party_member,
           card_number, card_issued_on, unit_id, status, admitted_on) from stdin`,
        copyStream(count, (i) => {
          const m = member(i);
          const status = m.change?.kind === 'left' ? 'left' : 'active';
          const unit = m.change?.kind === 'transfer_accepted' ? m.change.toUnit : m.unit;
          return line([
            m.id,
            m.fullName,
            foldName(m.fullName),
            m.gender,
            m.birthDate,
            m.citizenId,
            m.phone,
            m.ethnicity,
            m.job,
            m.partyMember,
            m.cardNumber,
            m.cardNumber ? m.admittedOn : null,
            units.ids[unit]!,
            status,
            m.admittedOn,
          ]);
        }),
      ),
    );
    // Events and periods both only reference members: two streams at once, on two connections.
    await step('member events + unit periods (COPY, two connections)', () =>
      Promise.all([
        copyInto(
          client,
          `copy member_events (id, member_id, kind, event_date, unit_id, to_unit_id, transfer_state, decided_on, card_number, seq) from stdin`,
          copyStream(count, (i) => {
            const m = member(i);
            const unit = units.ids[m.unit]!;
            let out = line([eventIdOf(i, 0), m.id, 'admitted', m.admittedOn, unit, null, null, null, null, 0]);
            let seq = 1;
            if (m.cardNumber)
              out += line([eventIdOf(i, seq), m.id, 'card_issued', m.admittedOn, unit, null, null, null, m.cardNumber, seq++]);
            if (m.change?.kind === 'left')
              out += line([eventIdOf(i, seq), m.id, 'left', m.change.date, unit, null, null, null, null, seq++]);
            else if (m.change) {
              const state = m.change.kind === 'transfer_accepted' ? 'accepted' : 'pending';
              out += line([
                eventIdOf(i, seq),
                m.id,
                'transferred',
                m.change.date,
                unit,
                units.ids[m.change.toUnit]!,
                state,
                m.change.decidedOn,
                null,
                seq++,
              ]);
            }
            events += seq;
            return out;
          }),
        ),
        copyInto(
          second,
          `copy member_unit_periods (member_id, unit_id, valid_from, valid_to) from stdin`,
          copyStream(count, (i) => {
            const m = member(i);
            const unit = units.ids[m.unit]!;
            const before = m.change && m.change.kind !== 'transfer_pending' ? isoOf(dayNumber(m.change.date) - 1) : null;
            let out = line([m.id, unit, m.admittedOn, before]);
            periods++;
            if (m.change?.kind === 'transfer_accepted') {
              out += line([m.id, units.ids[m.change.toUnit]!, m.change.date, null]);
              periods++;
            }
            return out;
          }),
        ),
      ]),
    );
    await step('member indexes', async () => {
      // pg_indexes writes a partitioned table's index as ON ONLY (the parent alone, left invalid): rebuilt on every partition.
      for (const ix of indexes.rows) await client.query(ix.indexdef.replace(' ON ONLY ', ' ON '));
    });
  } finally {
    await client.end();
    await second.end();
  }
  let sampleIndex = Math.floor(count / 2);
  while (!member(sampleIndex).cardNumber) sampleIndex++;
  const s = member(sampleIndex);
  return {
    members: count,
    events,
    periods,
    steps,
    sample: { citizenId: s.citizenId, cardNumber: cardNumberOf(sampleIndex), fullName: s.fullName },
  };
}

/** CĐCS ids by number, and the province (2024) of each. */
export async function loadMemberUnits(db: Executor, s: Sizes): Promise<MemberUnits> {
  const rows = await queryRows<{ id: string; n: number }>(
    db,
    sql`select id, substring(code from 2)::int as n from org_units where kind = 'grassroots_union' order by n`,
  );
  const ids: string[] = new Array(s.grassroots);
  for (const r of rows) ids[Number(r.n)] = r.id;
  return { ids, province: (n) => (n % s.districts) % PROVINCES_2024 };
}

/**
 * Checks that the generated rows are what the use-cases would have written:
 * for sampled members (every member with a 2024 change among them), status,
 * unit, admission date and periods equal deriveMemberState over their events;
 * the tree has one closure row per CĐCS to the root on a day of 2024 (depth 3)
 * and of 2026 (depth 2), and 34 provinces after the restructuring.
 * Returns the members checked and the problems found (empty: all good).
 */
export async function checkGenerated(db: Executor, sample = 500): Promise<{ members: number; problems: string[] }> {
  const problems: string[] = [];
  // The sample is read once: a LIMIT without ORDER BY over a big table (synchronised scans) picks other rows each time.
  const sampled = await queryRows<{ id: string }>(
    db,
    sql`(select member_id::text as id from member_events where kind in ('transferred', 'left') limit ${sample})
      union (select id::text from members order by id limit ${sample})`,
  );
  // A uuid[] parameter: "= any" is planned as index lookups (a json_array_elements list was hash-joined over every event).
  const ids = sql`any(${`{${sampled.map((r) => r.id).join(',')}}`}::uuid[])`;
  const events = await queryRows<{
    member_id: string;
    kind: MemberEventKind;
    event_date: string;
    unit_id: string;
    to_unit_id: string | null;
    to_outside_name: string | null;
    transfer_state: TransferState | null;
    decided_on: string | null;
  }>(
    db,
    sql`select member_id, kind, event_date::text as event_date, unit_id, to_unit_id, to_outside_name, transfer_state, decided_on::text as decided_on
        from member_events where member_id = ${ids} order by member_id, event_date, seq`,
  );
  const stored = new Map(
    (
      await queryRows<{ id: string; status: string; unit_id: string; admitted_on: string; periods: string }>(
        db,
        sql`select m.id, m.status, m.unit_id, m.admitted_on::text as admitted_on,
              (select string_agg(p.unit_id || ' ' || p.valid_from || ' ' || coalesce(p.valid_to::text, '-'), ', ' order by p.valid_from)
               from member_unit_periods p where p.member_id = m.id) as periods
            from members m where m.id = ${ids}`,
      )
    ).map((r) => [r.id, r]),
  );
  const byMember = new Map<string, MemberEventFact[]>();
  for (const e of events) {
    const list = byMember.get(e.member_id) ?? [];
    list.push({
      kind: e.kind,
      eventDate: e.event_date,
      unitId: e.unit_id,
      toUnitId: e.to_unit_id,
      toOutsideName: e.to_outside_name,
      transferState: e.transfer_state,
      decidedOn: e.decided_on,
    });
    byMember.set(e.member_id, list);
  }
  for (const [id, list] of byMember) {
    const d = deriveMemberState(list);
    const s = stored.get(id)!;
    const periods = d.periods.map((p) => `${p.unitId} ${p.validFrom} ${p.validTo ?? '-'}`).join(', ');
    if (s.status !== d.status || s.unit_id !== d.unitId || s.admitted_on !== d.admittedOn || s.periods !== periods) {
      problems.push(
        `member ${id}: stored ${s.status} ${s.unit_id} ${s.admitted_on} [${s.periods}], derived ${d.status} ${d.unitId} ${d.admittedOn} [${periods}]`,
      );
    }
  }
  // One pass over the root's closure rows, counted per CĐCS (a correlated count per CĐCS ranged the root's 256,000 rows each time).
  const [tree] = await queryRows<{ bad2024: number; bad2026: number; provinces2026: number; grassroots: number }>(
    db,
    sql`with root as (select id from org_units where code = ${ROOT_CODE}),
      paths as (
        select p.descendant_id,
          count(*) filter (where p.depth = 3 and '2024-12-31' between p.valid_from and p.valid_to) as n2024,
          count(*) filter (where p.depth = 2 and '2026-01-01' between p.valid_from and p.valid_to) as n2026
        from org_unit_paths p join root on p.ancestor_id = root.id group by p.descendant_id)
      select count(*) filter (where coalesce(paths.n2024, 0) <> 1)::int as bad2024,
        count(*) filter (where coalesce(paths.n2026, 0) <> 1)::int as bad2026,
        (select count(*) from org_units where kind = 'province_federation' and (valid_to is null or valid_to >= '2026-01-01'))::int as provinces2026,
        count(*)::int as grassroots
      from org_units g left join paths on paths.descendant_id = g.id
      where g.kind = 'grassroots_union'`,
  );
  if (tree!.bad2024 > 0) problems.push(`${tree!.bad2024} CĐCS without one depth-3 path to the root on 31/12/2024`);
  if (tree!.bad2026 > 0) problems.push(`${tree!.bad2026} CĐCS without one depth-2 path to the root on 01/01/2026`);
  if (tree!.provinces2026 !== PROVINCES_2025) problems.push(`${tree!.provinces2026} provinces in 2026, not ${PROVINCES_2025}`);
  return { members: byMember.size, problems };
}

// ---------------------------------------------------------------- submissions (national.ts, submission-trace.ts)

export async function actorFor(db: Executor, role: Role, unitId: string, fullName: string): Promise<Actor> {
  const user = await createUser(db, { role, unitId, fullName, username: `${role}_${crypto.randomBytes(4).toString('hex')}` });
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    locale: 'vi',
    assignments: await loadAssignments(db, user.id),
  };
}

export async function unitId(db: Executor, code: string): Promise<string> {
  return (await queryRows<{ id: string }>(db, sql`select id from org_units where code = ${code}`))[0]!.id;
}

export async function reportVersion(db: Executor, id: string): Promise<number> {
  return (await db.select({ v: reports.rowVersion }).from(reports).where(eq(reports.id, id)))[0]!.v;
}

/** A complete monthly report of the program's form (every element asked monthly). */
export function monthlyValues(p: Program, fund: number) {
  const e = p.elements;
  return [
    { dataElementId: e.workers, number: 120, notApplicable: false },
    { dataElementId: e.members, number: 90, notApplicable: false },
    { dataElementId: e.grade, text: 'tot', notApplicable: false },
    { dataElementId: e.agreement, bool: true, notApplicable: false },
    { dataElementId: e.fund, number: fund, notApplicable: false },
    { dataElementId: e.source, bool: true, notApplicable: false },
    { dataElementId: e.newMembers, number: 3, notApplicable: false },
    { dataElementId: e.houses, number: 1, notApplicable: false },
  ];
}

/** Saves the draft (not timed) and returns a function that submits it. */
export async function preparedSubmission(db: Executor, actor: Actor, p: Program, periodId: string, unit: string, fund: number) {
  const { id } = await saveReportDraft(db, actor, periodId, unit, {
    values: monthlyValues(p, fund),
    narratives: {},
    expectedVersion: null,
  });
  const version = await reportVersion(db, id);
  return () => submitReport(db, actor, id, { expectedVersion: version });
}
