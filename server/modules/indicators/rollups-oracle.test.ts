// The live roll-ups checked against the one-statement engine (issue 12, item 1):
// on randomised trees, histories and facts, computeTargets (read from the
// roll-ups) must give exactly what computeTargetsByEngine (the engine of
// docs/indicator-engine.md, kept as the oracle) gives, field by field, for every
// measure kind, both countings and as-of dates before, inside and after the
// period; likewise computeTargetBreakdown and computeTargetBreakdownByEngine.
// The second property goes on writing after the first reads (facts changed,
// units moved, dissolved or merged, targets edited, members admitted) and checks
// again, so the roll-ups' maintenance is checked as well as their build.
//
// A failure prints fast-check's seed and path (and the writes done, by unit
// names D0…, G0…); rerun it with ORACLE_SEED=<seed> ORACLE_PATH=<path>, or set
// ORACLE_RUNS for more (or fewer) runs.
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrassrootsSector } from '../../../common/enums.js';
import type { FactCounting } from '../../../common/reports.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, rowVersionOf } from '../../../test/factories.js';
import type { DatabaseHandle, Executor } from '../../db/client.js';
import { facts, targetAllocations, targets } from '../../db/schema/indicators.js';
import { orgUnitParents } from '../../db/schema/org-units.js';
import { queryRows } from '../../db/sql.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { admitMember } from '../members/admit-member.js';
import { dissolveOrgUnit } from '../org-units/dissolve-org-unit.js';
import { mergeOrgUnit } from '../org-units/merge-org-unit.js';
import { moveOrgUnit } from '../org-units/move-org-unit.js';
import { refreshOrgUnitPaths } from '../org-units/refresh-org-unit-paths.js';
import { computeTargetBreakdown, computeTargetBreakdownByEngine } from './compute-target-breakdown.js';
import { computeTargets, computeTargetsByEngine, type TargetProgress } from './compute-targets.js';
import { element, indicator, type IndicatorSpec } from './indicators.fixtures.js';
import { updateTarget } from './update-target.js';

const RUNS = Number(process.env.ORACLE_RUNS ?? 15);
const WRITE_RUNS = Math.max(1, Math.round(RUNS * 0.8));
const SEED = process.env.ORACLE_SEED === undefined ? undefined : Number(process.env.ORACLE_SEED);
const PATH = process.env.ORACLE_PATH;
const COUNTINGS: readonly FactCounting[] = ['submitted', 'approved'];
const GRADES = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'] as const;
const SECTORS: readonly GrassrootsSector[] = ['state_agency', 'non_state_enterprise', 'other'];

// ---------------------------------------------------------------- dates

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
/** 'YYYY-MM' plus n months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** A day of 2024 (mid-month days included, so moves and foundings fall inside months). */
const day2024 = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.constantFrom(1, 2, 14, 15, 28) })
  .map(({ month, day }) => `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
/** A fact month from October 2023 to March 2025, so some fall outside every period. */
const factMonth = fc.integer({ min: 0, max: 17 }).map((i) => addMonths('2023-10', i));
/** As-of dates: before the periods, month ends and starts inside them, after them, and any day around them. */
const asOfDate = fc.oneof(
  fc.constantFrom(
    '2023-06-30',
    '2023-12-31',
    '2024-01-01',
    '2024-03-15',
    '2024-06-30',
    '2024-07-01',
    '2024-12-31',
    '2025-01-15',
    '2025-12-31',
  ),
  fc.integer({ min: 0, max: daysBetween('2023-10-01', '2025-09-30') }).map((n) => addDays('2023-10-01', n)),
);

// ---------------------------------------------------------------- the world's shape

interface UnitShape {
  district: number;
  founded: string;
  ended: string | null;
  move: { district: number; date: string } | null;
  sector: GrassrootsSector;
}

const unitShape = (districts: number): fc.Arbitrary<UnitShape> =>
  fc
    .record({
      district: fc.nat(districts - 1),
      founded: fc.oneof({ weight: 3, arbitrary: fc.constant('2020-01-01') }, day2024, fc.constantFrom('2023-09-15', '2025-02-01')),
      ended: fc.option(fc.oneof(day2024, fc.constant('2025-01-31')), { freq: 3 }),
      move: fc.option(fc.record({ district: fc.nat(districts - 1), date: day2024 }), { freq: 2 }),
      sector: fc.constantFrom(...SECTORS),
    })
    // Keep the history consistent: ended after founded, moved while it exists, to another district.
    .map((u) => {
      const ended = u.ended !== null && u.ended > u.founded ? u.ended : null;
      let move = u.move;
      if (move && (move.date <= u.founded || (ended !== null && move.date > ended))) move = null;
      if (move && move.district === u.district) move = { ...move, district: (move.district + 1) % districts };
      return { ...u, ended, move };
    });

type ElementKey = 'sum' | 'last' | 'any' | 'flag' | 'grade';
const ELEMENT_KEYS: readonly ElementKey[] = ['sum', 'last', 'any', 'flag', 'grade'];

interface FactShape {
  /** Index into the counted units (districts first, then grassroots units), taken modulo their number. */
  unit: number;
  element: ElementKey;
  month: string;
  notApplicable: boolean;
  n: number;
  b: boolean;
  grade: (typeof GRADES)[number];
  /** Given by a report (approved or not yet), or from records (no report). */
  report: { approved: boolean } | null;
}

const factShape: fc.Arbitrary<FactShape> = fc.record({
  unit: fc.nat(40),
  // Grassroots units report most; districts show up only for indicators that count them.
  element: fc.constantFrom(...ELEMENT_KEYS),
  month: factMonth,
  notApplicable: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  n: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0.5, 2.25, 100)),
  b: fc.boolean(),
  grade: fc.constantFrom(...GRADES),
  report: fc.option(fc.record({ approved: fc.boolean() }), { freq: 2 }),
});

interface TargetShape {
  period: readonly [string, string];
  comparator: 'gte' | 'lte' | 'eq';
  value: number;
  tolerance: number;
  sortOrder: number;
}

const targetShape: fc.Arbitrary<TargetShape> = fc.record({
  period: fc.constantFrom(
    ['2024-01', '2024-12'] as const,
    ['2024-01', '2024-12'] as const,
    ['2024-04', '2024-09'] as const,
    ['2023-07', '2024-06'] as const,
    ['2024-07', '2025-06'] as const,
    ['2024-05', '2024-05'] as const,
  ),
  comparator: fc.constantFrom('gte', 'lte', 'eq'),
  value: fc.integer({ min: 0, max: 100 }),
  tolerance: fc.constantFrom(0, 1, 5, 10),
  sortOrder: fc.nat(3),
});

interface WorldShape {
  units: UnitShape[];
  districts: number;
  facts: FactShape[];
  /** Indices into the grassroots units, and admission dates (those outside the unit's life are skipped). */
  admissions: { unit: number; date: string }[];
  /** One shape per (indicator, scope); cycled if fewer than the targets. */
  targets: TargetShape[];
  /** Allocations of district targets to their units: [target index, unit index, value]. */
  allocations: { target: number; unit: number; value: number }[];
  /** Share-of-units and count-of-units thresholds. */
  threshold: number;
}

const worldShape: fc.Arbitrary<WorldShape> = fc.integer({ min: 2, max: 3 }).chain((districts) =>
  fc.record({
    districts: fc.constant(districts),
    units: fc.array(unitShape(districts), { minLength: 3, maxLength: 8 }),
    facts: fc.array(factShape, { minLength: 30, maxLength: 120 }),
    admissions: fc.array(fc.record({ unit: fc.nat(20), date: fc.oneof(day2024, fc.constantFrom('2023-12-31', '2025-01-02')) }), {
      maxLength: 6,
    }),
    targets: fc.array(targetShape, { minLength: 8, maxLength: 16 }),
    allocations: fc.array(fc.record({ target: fc.nat(200), unit: fc.nat(20), value: fc.integer({ min: 0, max: 20 }) }), { maxLength: 6 }),
    threshold: fc.integer({ min: 1, max: 30 }),
  }),
);

/** Which reads to compare. */
interface ReadShape {
  asOf: string[];
  /** Targets (indices, modulo their number) whose breakdown is compared. */
  breakdowns: number[];
  /** A unit (index) the breakdown is also restricted to, as the per-unit views do. */
  breakdownUnit: number | null;
  /** Compare also with `visible` restricted to the district targets. */
  districtsOnly: boolean;
}

const readShape: fc.Arbitrary<ReadShape> = fc.record({
  asOf: fc.uniqueArray(asOfDate, { minLength: 2, maxLength: 2 }),
  breakdowns: fc.uniqueArray(fc.nat(200), { minLength: 2, maxLength: 4 }),
  breakdownUnit: fc.option(fc.nat(20)),
  districtsOnly: fc.boolean(),
});

// ---------------------------------------------------------------- building it

interface World {
  root: string;
  districts: string[];
  /** Grassroots units, in shape order (more may be founded by later writes). */
  units: string[];
  elements: Record<ElementKey, string>;
  targetIds: string[];
  /** Targets scoped to a district. */
  districtTargetIds: string[];
  /** Facts written so far (unit, element, month), for later writes to pick from. */
  facts: { unitId: string; elementId: string; month: string; fromReport: boolean }[];
}

/** Every measure kind, with the variants that take different paths (eligibility, grade, numeric condition, record sources). */
function indicatorSpecs(e: Record<ElementKey, string>, threshold: number): IndicatorSpec[] {
  return [
    { measure: 'ratio_of_sums', numerator: e.sum, denominator: e.last },
    { measure: 'ratio_of_sums', numerator: e.last, denominator: e.sum, unitOfMeasure: 'count', direction: 'lower_is_better' },
    { measure: 'share_of_units', condition: { elementId: e.any, operator: 'is_true' } },
    { measure: 'share_of_units', condition: { elementId: e.grade, operator: 'in', values: ['xuat_sac', 'tot'] } },
    { measure: 'share_of_units', condition: { elementId: e.sum, operator: '>=', number: threshold } },
    { measure: 'average_per_eligible_unit', numerator: e.sum, eligibility: e.flag },
    { measure: 'average_per_eligible_unit', numerator: e.last, eligibility: e.any, direction: 'lower_is_better' },
    { measure: 'average_per_eligible_unit', numerator: e.sum },
    { measure: 'sum', numerator: e.sum },
    { measure: 'sum', numerator: e.last, unitKinds: ['grassroots_union', 'district_federation'] },
    { measure: 'count_of_units', condition: { elementId: e.flag, operator: 'is_true' } },
    { measure: 'count_of_units', condition: { elementId: e.last, operator: '<=', number: threshold } },
    { measure: 'count_of_units', condition: { elementId: e.last, operator: '=', number: threshold % 5 } },
    { measure: 'count_of_records', recordSource: 'unit_founded' },
    { measure: 'count_of_records', recordSource: 'unit_founded', recordFilter: { sector: 'non_state_enterprise' } },
    { measure: 'count_of_records', recordSource: 'facts', numerator: e.sum, unitKinds: ['grassroots_union', 'district_federation'] },
    { measure: 'count_of_records', recordSource: 'member_admitted' },
  ];
}

async function buildWorld(db: Executor, shape: WorldShape): Promise<World> {
  const root = await createUnit(db, { kind: 'province_federation', shortName: 'P', validFrom: '2000-01-01' });
  const districts: string[] = [];
  for (let d = 0; d < shape.districts; d++) {
    districts.push(
      (await createUnit(db, { kind: 'district_federation', parentId: root.id, shortName: `D${d}`, validFrom: '2000-01-01' })).id,
    );
  }
  const units: string[] = [];
  for (const [i, u] of shape.units.entries()) {
    const unit = await createUnit(db, {
      kind: 'grassroots_union',
      shortName: `G${i}`,
      parentId: districts[u.district]!,
      validFrom: u.founded,
      validTo: u.ended,
      parentTo: u.move ? addDays(u.move.date, -1) : u.ended,
      sector: u.sector,
    });
    if (u.move) {
      await db
        .insert(orgUnitParents)
        .values({ unitId: unit.id, parentId: districts[u.move.district]!, validFrom: u.move.date, validTo: u.ended });
    }
    units.push(unit.id);
  }
  await refreshOrgUnitPaths(db);

  const elements: Record<ElementKey, string> = {
    sum: await element(db, 'number', 'sum'),
    last: await element(db, 'number', 'last'),
    any: await element(db, 'boolean', 'any'),
    flag: await element(db, 'boolean', 'last'),
    grade: await element(db, 'grade', 'last'),
  };

  const world: World = { root: root.id, districts, units, elements, targetIds: [], districtTargetIds: [], facts: [] };
  const counted = [...districts, ...units];
  // One insert of many rows (as a report's submission writes them); later writes go one by one.
  const factRows = new Map<string, typeof facts.$inferInsert>();
  for (const f of shape.facts) {
    const unitId = counted[f.unit % counted.length]!;
    const row = factRow(world, unitId, f);
    const key = `${unitId}/${row.dataElementId}/${row.month}`;
    if (factRows.has(key)) continue;
    factRows.set(key, row);
    world.facts.push({ unitId, elementId: row.dataElementId, month: row.month, fromReport: row.reportId !== null });
  }
  if (factRows.size > 0) await db.insert(facts).values([...factRows.values()]);

  for (const a of shape.admissions) {
    const i = a.unit % units.length;
    const u = shape.units[i]!;
    if (a.date < u.founded || (u.ended !== null && a.date > u.ended)) continue;
    await admit(db, units[i]!, a.date);
  }

  const specs = indicatorSpecs(elements, shape.threshold);
  const scopes = [root.id, ...districts];
  // The targets as indicators.fixtures.ts target() writes them, in one insert.
  const rows: (typeof targets.$inferInsert)[] = [];
  for (const spec of specs) {
    const indicatorId = await indicator(db, spec);
    for (const scopeUnitId of scopes) {
      const k = rows.length;
      const t = shape.targets[k % shape.targets.length]!;
      const id = randomUUID();
      rows.push({
        id,
        indicatorId,
        text: 'Chỉ tiêu thử',
        comparator: t.comparator,
        // Spread the values so neighbouring targets differ even when few shapes were drawn.
        value: String((t.value + 7 * k) % 101),
        unitOfMeasure: 'count',
        periodFrom: `${t.period[0]}-01`,
        periodTo: `${t.period[1]}-01`,
        scopeUnitId,
        tolerance: String(t.tolerance),
        sortOrder: t.sortOrder,
        code: t.sortOrder === 0 ? null : `CT${k % 7}`,
      });
      world.targetIds.push(id);
      if (scopeUnitId !== root.id) world.districtTargetIds.push(id);
    }
  }
  await db.insert(targets).values(rows);
  const allocated = new Set<string>();
  for (const a of shape.allocations) {
    const targetId = world.districtTargetIds[a.target % world.districtTargetIds.length]!;
    const unitId = units[a.unit % units.length]!;
    if (allocated.has(`${targetId}/${unitId}`)) continue;
    allocated.add(`${targetId}/${unitId}`);
    await db.insert(targetAllocations).values({ targetId, unitId, value: String(a.value) });
  }
  return world;
}

/** A unit's monthly report gives all its facts of that month: one report id per (unit, month). */
function reportIdOf(unitId: string, month: string): string {
  const h = createHash('sha256').update(`${unitId}/${month}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The facts row of a fact's shape: the value in the column of the element's type, or "not applicable". */
function factRow(world: World, unitId: string, f: Omit<FactShape, 'unit'>) {
  const na = f.notApplicable;
  return {
    unitId,
    dataElementId: world.elements[f.element],
    month: `${f.month}-01`,
    valueNumber: !na && (f.element === 'sum' || f.element === 'last') ? String(f.n) : null,
    valueBool: !na && (f.element === 'any' || f.element === 'flag') ? f.b : null,
    valueText: !na && f.element === 'grade' ? f.grade : null,
    notApplicable: na,
    reportId: f.report ? reportIdOf(unitId, f.month) : null,
    approved: f.report ? f.report.approved : true,
    updatedAt: new Date(),
  };
}

/** Writes (or overwrites) one monthly fact as a report or the records would. */
async function writeFact(db: Executor, world: World, unitId: string, f: Omit<FactShape, 'unit'>) {
  const { unitId: _u, dataElementId: elementId, month, ...value } = factRow(world, unitId, f);
  await db
    .insert(facts)
    .values({ unitId, dataElementId: elementId, month, ...value })
    .onConflictDoUpdate({ target: [facts.unitId, facts.dataElementId, facts.month], set: value });
  const known = world.facts.find((x) => x.unitId === unitId && x.elementId === elementId && x.month === month);
  if (known) known.fromReport = f.report !== null;
  else world.facts.push({ unitId, elementId, month, fromReport: f.report !== null });
}

let admitted = 0;
/** Kết nạp through the registry's use-case (so its events are written as the app writes them). */
async function admit(db: Executor, unitId: string, date: string) {
  admitted += 1;
  await admitMember(db, SYSTEM_ACTOR, {
    fullName: `Nguyễn Văn Thử ${admitted}`,
    gender: admitted % 2 === 0 ? 'female' : 'male',
    birthDate: '1990-05-17',
    unitId,
    admittedOn: date,
    unionPosition: 'member',
    partyMember: false,
  });
}

// ---------------------------------------------------------------- comparing

/** What the runs covered, to show the generators reach every state (checked at the end). */
interface Coverage {
  valued: Set<string>;
  states: Set<string>;
  statuses: Set<string>;
  targets: number;
  breakdownRows: number;
}
const newCoverage = (): Coverage => ({ valued: new Set(), states: new Set(), statuses: new Set(), targets: 0, breakdownRows: 0 });

async function compareAll(db: Executor, world: World, read: ReadShape, coverage: Coverage, label: string) {
  const countedUnits = [...world.districts, ...world.units];
  for (const asOf of read.asOf) {
    for (const counting of COUNTINGS) {
      const at = `${label}, as of ${asOf}, counting ${counting}`;
      const selection = { targetIds: world.targetIds };
      const oracle = await computeTargetsByEngine(db, selection, asOf, sql`true`, counting);
      const live = await computeTargets(db, selection, asOf, sql`true`, counting);
      expect(oracle).toHaveLength(world.targetIds.length);
      expect(live, `computeTargets ${at}`).toStrictEqual(oracle);
      record(coverage, oracle);

      if (read.districtsOnly) {
        // A caller's scope restricts the targets (visibleTargets): here, the districts' own.
        const visible: SQL = sql`tg.scope_unit_id in (${sql.join(
          world.districts.map((d) => sql`${d}::uuid`),
          sql`, `,
        )})`;
        const o = await computeTargetsByEngine(db, selection, asOf, visible, counting);
        expect(o).toHaveLength(world.districtTargetIds.length);
        expect(await computeTargets(db, selection, asOf, visible, counting), `computeTargets (districts visible) ${at}`).toStrictEqual(o);
      }

      for (const [j, b] of read.breakdowns.entries()) {
        const targetId = world.targetIds[b % world.targetIds.length]!;
        const o = await computeTargetBreakdownByEngine(db, targetId, asOf, sql`true`, counting);
        const l = await computeTargetBreakdown(db, targetId, asOf, sql`true`, counting);
        expect(l, `computeTargetBreakdown of target #${b % world.targetIds.length} ${at}`).toStrictEqual(o);
        coverage.breakdownRows += o.length;
        for (const u of o) coverage.states.add(u.state);
        if (j === 0 && read.breakdownUnit !== null) {
          const unitId = countedUnits[read.breakdownUnit % countedUnits.length]!;
          const only = sql`pu.unit_id = ${unitId}::uuid`;
          const ou = await computeTargetBreakdownByEngine(db, targetId, asOf, only, counting);
          expect(await computeTargetBreakdown(db, targetId, asOf, only, counting), `breakdown for one unit ${at}`).toStrictEqual(ou);
        }
      }
    }
  }
}

function record(coverage: Coverage, rows: TargetProgress[]) {
  coverage.targets += rows.length;
  for (const r of rows) {
    if (r.value !== null) coverage.valued.add(r.measure);
    if (r.eligibleUnits > 0) coverage.states.add('reported');
    if (r.reportedUnits > r.eligibleUnits) coverage.states.add('ineligible');
    if (r.notApplicableUnits > 0) coverage.states.add('not_applicable');
    if (r.noDataUnits > 0) coverage.states.add('no_data');
    coverage.statuses.add(r.status);
  }
}

function expectCovered(coverage: Coverage) {
  // Too few runs (or one replayed) to expect every case.
  if (SEED !== undefined || RUNS < 10) return;
  // Every measure kind had a value somewhere, and the unit states and statuses all occurred:
  // the generators make more than empty trees.
  expect([...coverage.valued].sort()).toEqual(
    ['average_per_eligible_unit', 'count_of_records', 'count_of_units', 'ratio_of_sums', 'share_of_units', 'sum'].sort(),
  );
  expect([...coverage.states].sort()).toEqual(['ineligible', 'no_data', 'not_applicable', 'reported']);
  expect(coverage.statuses.has('no_data') && coverage.statuses.size >= 3).toBe(true);
}

const runParams = (numRuns: number) => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
  ...(PATH === undefined ? {} : { path: PATH }),
  // A bound on the whole property, runs and shrinking (the best counterexample so far is reported), within the
  // test's 10 minutes. Not tighter: interrupted runs are not failures, so a full suite sharing the machine's cores
  // (the runs take 50 s alone, 2–3 min there) made too few runs and failed the coverage check below instead.
  interruptAfterTimeLimit: 7 * 60_000,
});

// ---------------------------------------------------------------- later writes

type Write =
  | { kind: 'fact'; fact: FactShape; inTransaction: boolean }
  | { kind: 'deleteFact'; which: number }
  | { kind: 'approve'; which: number }
  | { kind: 'move'; unit: number; district: number; at: number }
  | { kind: 'dissolve'; unit: number; at: number }
  | { kind: 'mergeDistrict'; from: number; into: number; date: string }
  | { kind: 'found'; district: number; date: string; sector: GrassrootsSector }
  | { kind: 'admit'; unit: number; date: string }
  | { kind: 'editTarget'; which: number; value: number; tolerance: number; comparator: 'gte' | 'lte' | 'eq' }
  | { kind: 'targetPeriod'; which: number; period: readonly [string, string] };

const writeShape: fc.Arbitrary<Write> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('fact' as const), fact: factShape, inTransaction: fc.boolean() }) },
  fc.record({ kind: fc.constant('deleteFact' as const), which: fc.nat(500) }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('approve' as const), which: fc.nat(500) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      unit: fc.nat(20),
      district: fc.nat(5),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('dissolve' as const), unit: fc.nat(20), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  fc.record({ kind: fc.constant('mergeDistrict' as const), from: fc.nat(5), into: fc.nat(5), date: day2024 }),
  fc.record({ kind: fc.constant('found' as const), district: fc.nat(5), date: day2024, sector: fc.constantFrom(...SECTORS) }),
  fc.record({ kind: fc.constant('admit' as const), unit: fc.nat(20), date: day2024 }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('editTarget' as const),
      which: fc.nat(200),
      value: fc.integer({ min: 0, max: 100 }),
      tolerance: fc.constantFrom(0, 2, 10),
      comparator: fc.constantFrom('gte', 'lte', 'eq'),
    }),
  },
  fc.record({ kind: fc.constant('targetPeriod' as const), which: fc.nat(200), period: targetShape.map((t) => t.period) }),
);

/** Runs a use-case; a refusal (a date outside the unit's life, a merged parent…) is a write that did not happen. */
async function attempt(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

/** The span in which a unit's history may still change: after its last parent period began, up to its end (or mid-2025). */
async function openSpan(db: Executor, unitId: string): Promise<{ from: string; to: string } | null> {
  const [row] = await queryRows<{ valid_from: string; valid_to: string | null; last_parent: string | null }>(
    db,
    sql`select u.valid_from::text as valid_from, u.valid_to::text as valid_to,
      (select max(p.valid_from)::text from org_unit_parents p where p.unit_id = u.id) as last_parent
    from org_units u where u.id = ${unitId}::uuid`,
  );
  if (!row) return null;
  const from = maxDate(addDays(row.last_parent ?? row.valid_from, 1), row.valid_from);
  const to = minDate(row.valid_to ?? '2025-06-30', '2025-06-30');
  return from <= to ? { from, to } : null;
}
/** D0, D1… for districts and G0, G1… for grassroots units (in shape order, then those founded later), for messages. */
function nameOf(world: World, unitId: string): string {
  const d = world.districts.indexOf(unitId);
  return d >= 0 ? `D${d}` : `G${world.units.indexOf(unitId)}`;
}
const dateIn = (span: { from: string; to: string }, at: number) => addDays(span.from, Math.floor(at * daysBetween(span.from, span.to)));

/** Applies one write; returns a short description for failure messages (or null when refused). */
async function applyWrite(db: Executor, world: World, w: Write): Promise<string | null> {
  switch (w.kind) {
    case 'fact': {
      const counted = [...world.districts, ...world.units];
      const unitId = counted[w.fact.unit % counted.length]!;
      if (w.inTransaction) await inTransaction(db, (tx) => writeFact(tx, world, unitId, w.fact));
      else await writeFact(db, world, unitId, w.fact);
      return `fact ${w.fact.element} ${w.fact.month} of ${nameOf(world, unitId)}`;
    }
    case 'deleteFact': {
      if (world.facts.length === 0) return null;
      const [f] = world.facts.splice(w.which % world.facts.length, 1);
      await db
        .delete(facts)
        .where(
          sql`${facts.unitId} = ${f!.unitId}::uuid and ${facts.dataElementId} = ${f!.elementId}::uuid and ${facts.month} = ${f!.month}::date`,
        );
      return `delete fact ${f!.month} of ${nameOf(world, f!.unitId)}`;
    }
    case 'approve': {
      // A report approved (or returned and its facts no longer approved): the facts it gave flip together.
      const given = world.facts.filter((f) => f.fromReport);
      if (given.length === 0) return null;
      const f = given[w.which % given.length]!;
      await inTransaction(db, async (tx) => {
        await tx.execute(sql`update facts set approved = not approved, updated_at = now()
          where report_id = (select report_id from facts where unit_id = ${f.unitId}::uuid and data_element_id = ${f.elementId}::uuid and month = ${f.month}::date)`);
      });
      return `flip approval of fact ${f.month} of ${nameOf(world, f.unitId)}`;
    }
    case 'move': {
      const unitId = world.units[w.unit % world.units.length]!;
      const span = await openSpan(db, unitId);
      if (!span) return null;
      const fromDate = dateIn(span, w.at);
      const parentId = world.districts[w.district % world.districts.length]!;
      const ok = await attempt(() => moveOrgUnit(db, SYSTEM_ACTOR, unitId, { parentId, fromDate }));
      return ok ? `move ${nameOf(world, unitId)} under ${nameOf(world, parentId)} from ${fromDate}` : null;
    }
    case 'dissolve': {
      const unitId = world.units[w.unit % world.units.length]!;
      const span = await openSpan(db, unitId);
      if (!span) return null;
      const date = dateIn(span, w.at);
      const ok = await attempt(() => dissolveOrgUnit(db, SYSTEM_ACTOR, unitId, { date }));
      return ok ? `dissolve ${nameOf(world, unitId)} on ${date}` : null;
    }
    case 'mergeDistrict': {
      const from = world.districts[w.from % world.districts.length]!;
      const into = world.districts[w.into % world.districts.length]!;
      if (from === into) return null;
      // Only between districts still open: merging into a district that a later merge already
      // ended fails today on org_unit_parents_dates_chk (a 500, not a refusal) — a bug of
      // mergeOrgUnit, not of the roll-ups, left out here.
      const ended = await queryRows<{ id: string }>(
        db,
        sql`select id from org_units where id in (${from}::uuid, ${into}::uuid) and valid_to is not null`,
      );
      if (ended.length > 0) return null;
      // Its grassroots units in force on the date move under the receiving district.
      const ok = await attempt(() => mergeOrgUnit(db, SYSTEM_ACTOR, from, { intoUnitId: into, date: w.date }));
      return ok ? `merge ${nameOf(world, from)} into ${nameOf(world, into)} on ${w.date}` : null;
    }
    case 'found': {
      const parentId = world.districts[w.district % world.districts.length]!;
      const unit = await createUnit(db, {
        kind: 'grassroots_union',
        parentId,
        validFrom: w.date,
        sector: w.sector,
        shortName: `G${world.units.length}`,
      });
      world.units.push(unit.id);
      return `found ${nameOf(world, unit.id)} under ${nameOf(world, parentId)} on ${w.date}`;
    }
    case 'admit': {
      const unitId = world.units[w.unit % world.units.length]!;
      const ok = await attempt(() => admit(db, unitId, w.date));
      return ok ? `admit into ${nameOf(world, unitId)} on ${w.date}` : null;
    }
    case 'editTarget': {
      const id = world.targetIds[w.which % world.targetIds.length]!;
      const expectedVersion = await rowVersionOf(db, 'targets', id);
      const ok = await attempt(() =>
        updateTarget(db, SYSTEM_ACTOR, id, { expectedVersion, value: w.value, tolerance: w.tolerance, comparator: w.comparator }),
      );
      return ok ? `edit target #${world.targetIds.indexOf(id)}` : null;
    }
    case 'targetPeriod': {
      const id = world.targetIds[w.which % world.targetIds.length]!;
      await db
        .update(targets)
        .set({ periodFrom: `${w.period[0]}-01`, periodTo: `${w.period[1]}-01` })
        .where(sql`${targets.id} = ${id}::uuid`);
      return `target #${world.targetIds.indexOf(id)} period ${w.period.join('..')}`;
    }
  }
}

// ---------------------------------------------------------------- the properties

describe('live roll-ups against the one-statement engine (oracle)', () => {
  // One database per property, and a new province (with its own elements,
  // indicators and targets) per run: what one run reads is out of every other
  // run's subtree, so the runs do not see each other, while the roll-ups hold
  // several provinces at once as they would nationally. (A fresh database per run
  // costs about 5 s on PGlite.)
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('give the same targets and breakdowns on random trees, histories and facts', { timeout: 10 * 60_000 }, async () => {
    const coverage = newCoverage();
    await fc.assert(
      fc.asyncProperty(worldShape, readShape, async (shape, read) => {
        const world = await buildWorld(database.db, shape);
        await compareAll(database.db, world, read, coverage, 'after the build');
      }),
      runParams(RUNS),
    );
    expectCovered(coverage);
  });

  it('stay equal while facts, units and targets change after the first read', { timeout: 10 * 60_000 }, async () => {
    const db = database.db;
    const coverage = newCoverage();
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(worldShape, readShape, fc.array(writeShape, { minLength: 3, maxLength: 10 }), async (shape, read, writes) => {
        const world = await buildWorld(db, shape);
        // Read first, so whatever the roll-ups built or cached is there before the writes.
        await compareAll(
          db,
          world,
          { ...read, asOf: read.asOf.slice(0, 1), breakdowns: read.breakdowns.slice(0, 2) },
          coverage,
          'before the writes',
        );
        const done: string[] = [];
        for (const w of writes) {
          const what = await applyWrite(db, world, w);
          if (what === null) continue;
          done.push(what);
          applied += 1;
          // A quick look after each write (one as-of, one counting), the full comparison at the end.
          const asOf = read.asOf[done.length % read.asOf.length]!;
          const counting = COUNTINGS[Math.floor(done.length / 2) % 2]!;
          const selection = { targetIds: world.targetIds };
          const oracle = await computeTargetsByEngine(db, selection, asOf, sql`true`, counting);
          expect(
            await computeTargets(db, selection, asOf, sql`true`, counting),
            `after ${done.join('; ')} (as of ${asOf}, ${counting})`,
          ).toStrictEqual(oracle);
        }
        await compareAll(db, world, read, coverage, `after ${done.join('; ')}`);
      }),
      runParams(WRITE_RUNS),
    );
    expectCovered(coverage);
    if (SEED === undefined) expect(applied).toBeGreaterThan(WRITE_RUNS);
  });
});
