import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { orgUnitParents } from '../../db/schema/org-units.js';
import { refreshOrgUnitPaths } from '../org-units/refresh-org-unit-paths.js';
import { computeTargetBreakdown } from './compute-target-breakdown.js';
import { computeTargets, computeTargetsByEngine } from './compute-targets.js';
import { buildTree, element, fact, indicator, target } from './indicators.fixtures.js';

// Hand-computed examples over the tree of indicators.fixtures.ts (period 2024, as of
// 31/12/2024 unless stated). Units under S: g1–g4 all year, g5 from July,
// g6 until June (then under O), g7 from March.
describe('computeTargets', () => {
  let database: DatabaseHandle;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  const YEAR_END = '2024-12-31';

  beforeAll(async () => {
    database = await createTestDatabase();
    tree = await buildTree(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  const one = async (targetId: string, asOf = YEAR_END) => {
    const [row] = await computeTargets(database.db, { targetIds: [targetId] }, asOf);
    return row!;
  };

  it('ratio of sums: Σ numerator ÷ Σ denominator, "last" and "sum" over months, not applicable left out; zero denominator gives null', async () => {
    const db = database.db;
    const reached = await element(db, 'number', 'sum');
    const members = await element(db, 'number', 'last');
    const ind = await indicator(db, { measure: 'ratio_of_sums', numerator: reached, denominator: members });
    const { g1, g2, g3, g6 } = tree;
    await fact(db, g1.id, reached, '2023-12', { n: 1000 }); // before the period: ignored
    await fact(db, g1.id, reached, '2024-01', { n: 30 });
    await fact(db, g1.id, reached, '2024-06', { n: 20 });
    await fact(db, g1.id, members, '2024-01', { n: 50 });
    await fact(db, g1.id, members, '2024-11', { n: 60 }); // last value counts
    await fact(db, g2.id, reached, '2024-03', { n: 40 });
    await fact(db, g2.id, members, '2024-03', { n: 40 });
    await fact(db, g3.id, reached, '2024-03', { na: true });
    await fact(db, g3.id, members, '2024-03', { na: true });
    const t = await target(db, { indicatorId: ind, scopeUnitId: tree.s.id, value: 96, tolerance: 5 });
    expect(await one(t)).toMatchObject({
      value: 90, // (50 + 40) ÷ (60 + 40) × 100
      status: 'off_track',
      reportedUnits: 2,
      eligibleUnits: 2,
      notApplicableUnits: 1,
      noDataUnits: 4, // g4, g5, g6, g7
      measure: 'ratio_of_sums',
      period: { from: '2024-01', to: '2024-12' },
    });

    // Under O only g6 counts (from July); it reported a zero denominator.
    await fact(db, g6.id, reached, '2024-08', { n: 0 });
    await fact(db, g6.id, members, '2024-08', { n: 0 });
    const zero = await target(db, { indicatorId: ind, scopeUnitId: tree.o.id, value: 96 });
    expect(await one(zero)).toMatchObject({ value: null, status: 'no_data', reportedUnits: 1, noDataUnits: 0 });
  });

  it('share of units with a yes/no condition ("any" month); units count only for their months in the subtree', async () => {
    const db = database.db;
    const democracy = await element(db, 'boolean', 'any');
    const ind = await indicator(db, { measure: 'share_of_units', condition: { elementId: democracy, operator: 'is_true' } });
    const { g1, g2, g3, g5, g6 } = tree;
    await fact(db, g1.id, democracy, '2024-01', { b: false });
    await fact(db, g1.id, democracy, '2024-05', { b: true });
    await fact(db, g2.id, democracy, '2024-02', { b: false });
    await fact(db, g3.id, democracy, '2024-04', { na: true });
    await fact(db, g5.id, democracy, '2024-08', { b: true }); // founded mid-year
    await fact(db, g6.id, democracy, '2024-03', { b: false }); // under S then
    await fact(db, g6.id, democracy, '2024-09', { b: true }); // under O by then
    const s = await target(db, { indicatorId: ind, scopeUnitId: tree.s.id, value: 100, tolerance: 10 });
    const o = await target(db, { indicatorId: ind, scopeUnitId: tree.o.id, value: 100 });
    const p = await target(db, { indicatorId: ind, scopeUnitId: tree.p.id, value: 100 });
    const rows = await computeTargets(db, { targetIds: [s, o, p] }, YEAR_END);
    const byId = new Map(rows.map((r) => [r.targetId, r]));
    expect(byId.get(s)).toMatchObject({ value: 50, status: 'off_track', reportedUnits: 4, notApplicableUnits: 1, noDataUnits: 2 });
    expect(byId.get(o)).toMatchObject({ value: 100, status: 'achieved', reportedUnits: 1, noDataUnits: 0 });
    // The province sees g6 for the whole year: its last word (any month) is true.
    expect(byId.get(p)).toMatchObject({ value: 75, reportedUnits: 4, notApplicableUnits: 1, noDataUnits: 2 });

    const breakdown = await computeTargetBreakdown(db, s, YEAR_END);
    const state = Object.fromEntries(breakdown.map((u) => [u.unitName, [u.state, u.meets, u.months]]));
    expect(state).toEqual({
      G1: ['reported', true, 12],
      G2: ['reported', false, 12],
      G3: ['not_applicable', null, 12],
      G4: ['no_data', null, 12],
      G5: ['reported', true, 6],
      G6: ['reported', false, 6],
      G7: ['no_data', null, 10],
    });
    expect(breakdown.slice(0, 2).map((u) => u.state)).toEqual(['no_data', 'no_data']); // weakest first
    expect(breakdown[2]!.meets).toBe(false);
  });

  it('share of units by classification grade ("last" grade, condition "in")', async () => {
    const db = database.db;
    const grade = await element(db, 'grade', 'last');
    const ind = await indicator(db, {
      measure: 'share_of_units',
      condition: { elementId: grade, operator: 'in', values: ['xuat_sac', 'tot'] },
    });
    const { g1, g2, g3, g4 } = tree;
    await fact(db, g1.id, grade, '2024-06', { t: 'hoan_thanh' });
    await fact(db, g1.id, grade, '2024-11', { t: 'tot' });
    await fact(db, g2.id, grade, '2024-11', { t: 'khong_hoan_thanh' });
    await fact(db, g3.id, grade, '2024-11', { t: 'xuat_sac' });
    await fact(db, g4.id, grade, '2024-11', { na: true });
    const t = await target(db, { indicatorId: ind, scopeUnitId: tree.s.id, value: 95, tolerance: 5 });
    expect(await one(t)).toMatchObject({ value: 66.6667, status: 'off_track', reportedUnits: 3, notApplicableUnits: 1, noDataUnits: 3 });
  });

  it('average per eligible unit: only units that still have candidates ("còn nguồn", last answer) count', async () => {
    const db = database.db;
    const introductions = await element(db, 'number', 'sum');
    const hasCandidates = await element(db, 'boolean', 'last');
    const ind = await indicator(db, { measure: 'average_per_eligible_unit', numerator: introductions, eligibility: hasCandidates });
    const { g1, g2, g3, g4, g6 } = tree;
    await fact(db, g1.id, hasCandidates, '2024-01', { b: true });
    await fact(db, g1.id, introductions, '2024-03', { n: 1 });
    await fact(db, g1.id, introductions, '2024-09', { n: 1 });
    await fact(db, g2.id, hasCandidates, '2024-01', { b: false });
    await fact(db, g2.id, hasCandidates, '2024-06', { b: true });
    await fact(db, g2.id, introductions, '2024-12', { n: 0 });
    await fact(db, g3.id, hasCandidates, '2024-01', { b: false });
    await fact(db, g3.id, introductions, '2024-01', { n: 0 });
    await fact(db, g4.id, hasCandidates, '2024-01', { b: true }); // eligible, but no figure: no data
    await fact(db, g6.id, hasCandidates, '2024-03', { na: true });
    const t = await target(db, { indicatorId: ind, scopeUnitId: tree.s.id, value: 1 });
    expect(await one(t)).toMatchObject({
      value: 1, // (2 + 0) ÷ 2 eligible units
      status: 'achieved',
      reportedUnits: 3,
      eligibleUnits: 2,
      notApplicableUnits: 1,
      noDataUnits: 3, // g4, g5, g7
    });
  });

  it('sum over months, cumulative status against the share due by the as-of date', async () => {
    const db = database.db;
    const admissions = await element(db, 'number', 'sum');
    const ind = await indicator(db, { measure: 'sum', numerator: admissions });
    const { g1, g2, g5, g6 } = tree;
    await fact(db, g1.id, admissions, '2024-02', { n: 3 });
    await fact(db, g1.id, admissions, '2024-10', { n: 2 });
    await fact(db, g2.id, admissions, '2024-05', { n: 1 });
    await fact(db, g5.id, admissions, '2024-08', { n: 4 });
    await fact(db, g6.id, admissions, '2024-03', { n: 2 });
    await fact(db, g6.id, admissions, '2024-09', { n: 5 }); // under O by then
    const t = await target(db, { indicatorId: ind, scopeUnitId: tree.s.id, value: 10 });
    expect(await one(t)).toMatchObject({ value: 12, status: 'achieved', reportedUnits: 4, noDataUnits: 3 });
    // As of mid-June: 3 + 1 + 2 = 6 against 10 × 6/12 = 5 due → on track; g5 did not exist yet.
    expect(await one(t, '2024-06-15')).toMatchObject({ value: 6, status: 'on_track', reportedUnits: 3, noDataUnits: 3 });
    // Before anything was reported the value is null, not 0.
    expect(await one(t, '2024-01-20')).toMatchObject({ value: null, status: 'no_data', reportedUnits: 0, noDataUnits: 5 }); // g7 from March
  });

  it('count of units meeting a condition, and a numeric ">=" condition', async () => {
    const db = database.db;
    const workerMonth = await element(db, 'boolean', 'any');
    const inspections = await element(db, 'number', 'sum');
    const count = await indicator(db, { measure: 'count_of_units', condition: { elementId: workerMonth, operator: 'is_true' } });
    const share = await indicator(db, { measure: 'share_of_units', condition: { elementId: inspections, operator: '>=', number: 2 } });
    const { g1, g2, g3 } = tree;
    await fact(db, g1.id, workerMonth, '2024-05', { b: true });
    await fact(db, g2.id, workerMonth, '2024-05', { b: true });
    await fact(db, g3.id, workerMonth, '2024-05', { b: false });
    await fact(db, g1.id, inspections, '2024-04', { n: 1 });
    await fact(db, g1.id, inspections, '2024-10', { n: 1 });
    await fact(db, g2.id, inspections, '2024-10', { n: 1 });
    await fact(db, g3.id, inspections, '2024-10', { n: 3 });
    const t1 = await target(db, { indicatorId: count, scopeUnitId: tree.s.id, value: 3, tolerance: 1, sortOrder: 2 });
    const t2 = await target(db, { indicatorId: share, scopeUnitId: tree.s.id, value: 100, sortOrder: 1 });
    const rows = await computeTargets(db, { targetIds: [t1, t2] }, YEAR_END);
    expect(rows.map((r) => r.targetId)).toEqual([t2, t1]); // in sort order
    expect(rows[1]).toMatchObject({ value: 2, status: 'at_risk', reportedUnits: 3 });
    expect(rows[0]).toMatchObject({ value: 66.6667, status: 'off_track', reportedUnits: 3 });
  });

  it('count of records: units founded in the period (with a sector filter) and records reported as facts', async () => {
    const db = database.db;
    const founded = await indicator(db, { measure: 'count_of_records', recordSource: 'unit_founded' });
    const foundedNonState = await indicator(db, {
      measure: 'count_of_records',
      recordSource: 'unit_founded',
      recordFilter: { sector: 'non_state_enterprise' },
    });
    const houses = await element(db, 'number', 'sum');
    const housesInd = await indicator(db, {
      measure: 'count_of_records',
      recordSource: 'facts',
      numerator: houses,
      unitKinds: ['grassroots_union', 'district_federation'],
    });
    await fact(db, tree.s.id, houses, '2024-04', { n: 1 }); // the federation itself
    await fact(db, tree.g1.id, houses, '2024-11', { n: 1 });
    const all = await target(db, { indicatorId: founded, scopeUnitId: tree.s.id, value: 1 });
    const nonState = await target(db, { indicatorId: foundedNonState, scopeUnitId: tree.s.id, value: 1 });
    const h = await target(db, { indicatorId: housesInd, scopeUnitId: tree.s.id, comparator: 'eq', value: 2 });
    const values = async (asOf: string) =>
      Object.fromEntries((await computeTargets(db, { targetIds: [all, nonState, h] }, asOf)).map((r) => [r.targetId, [r.value, r.status]]));
    expect(await values(YEAR_END)).toEqual({ [all]: [2, 'achieved'], [nonState]: [1, 'achieved'], [h]: [2, 'achieved'] });
    expect(await values('2024-06-30')).toEqual({ [all]: [1, 'achieved'], [nonState]: [0, 'off_track'], [h]: [1, 'on_track'] });
  });

  it('a unit moved mid-month inside the scope counts that month once; each federation counts it for its months', async () => {
    const db = database.db;
    const moved = await createUnit(db, { kind: 'grassroots_union', parentId: tree.s.id, parentTo: '2024-07-15', shortName: 'G8' });
    await db.insert(orgUnitParents).values({ unitId: moved.id, parentId: tree.o.id, validFrom: '2024-07-16' });
    await refreshOrgUnitPaths(db);
    const amount = await element(db, 'number', 'sum');
    const ind = await indicator(db, { measure: 'sum', numerator: amount });
    await fact(db, moved.id, amount, '2024-07', { n: 5 });
    await fact(db, moved.id, amount, '2024-02', { n: 1 });
    await fact(db, moved.id, amount, '2024-10', { n: 10 });
    const [p, s, o] = [
      await target(db, { indicatorId: ind, scopeUnitId: tree.p.id, value: 1 }),
      await target(db, { indicatorId: ind, scopeUnitId: tree.s.id, value: 1 }),
      await target(db, { indicatorId: ind, scopeUnitId: tree.o.id, value: 1 }),
    ];
    const values = Object.fromEntries((await computeTargets(db, { targetIds: [p, s, o] }, YEAR_END)).map((r) => [r.targetId, r.value]));
    expect(values).toEqual({ [p]: 16, [s]: 6, [o]: 15 });
    const months = async (targetId: string) =>
      (await computeTargetBreakdown(db, targetId, YEAR_END)).find((u) => u.unitId === moved.id)!.months;
    expect([await months(p), await months(s), await months(o)]).toEqual([12, 7, 6]);
  });

  it('a unit that leaves the scope and comes back counts only its months there ("last" and "sum"), also when targets share the read', async () => {
    const handle = await createTestDatabase();
    try {
      const db = handle.db;
      const p = await createUnit(db, { kind: 'province_federation' });
      const s = await createUnit(db, { kind: 'district_federation', parentId: p.id });
      const o = await createUnit(db, { kind: 'district_federation', parentId: p.id });
      // Under S Jan–Mar, O Apr–Jun, S Jul–Sep, O from October.
      const u = await createUnit(db, { kind: 'grassroots_union', parentId: s.id, validFrom: '2020-01-01', parentTo: '2024-03-31' });
      await db.insert(orgUnitParents).values([
        { unitId: u.id, parentId: o.id, validFrom: '2024-04-01', validTo: '2024-06-30' },
        { unitId: u.id, parentId: s.id, validFrom: '2024-07-01', validTo: '2024-09-30' },
        { unitId: u.id, parentId: o.id, validFrom: '2024-10-01', validTo: null },
      ]);
      await refreshOrgUnitPaths(db);
      const last = await element(db, 'number', 'last');
      const total = await element(db, 'number', 'sum');
      const grade = await element(db, 'grade', 'last');
      const flag = await element(db, 'boolean', 'last');
      for (const [month, n, t, b] of [
        ['2024-02', 1, 'tot', true],
        ['2024-05', 10, 'xuat_sac', false],
        ['2024-08', 100, 'hoan_thanh', true],
        ['2024-11', 1000, 'khong_hoan_thanh', false],
      ] as const) {
        await fact(db, u.id, last, month, { n });
        await fact(db, u.id, total, month, { n });
        await fact(db, u.id, grade, month, { t });
        await fact(db, u.id, flag, month, { b });
      }
      const sumOfLast = await indicator(db, { measure: 'sum', numerator: last });
      const sumOfTotal = await indicator(db, { measure: 'sum', numerator: total });
      const ratio = await indicator(db, { measure: 'ratio_of_sums', numerator: total, denominator: last });
      const good = await indicator(db, {
        measure: 'count_of_units',
        condition: { elementId: grade, operator: 'in', values: ['tot', 'hoan_thanh'] },
      });
      const flagged = await indicator(db, { measure: 'count_of_units', condition: { elementId: flag, operator: 'is_true' } });
      const ids: Record<string, string[]> = {};
      for (const [name, scope] of [
        ['p', p.id],
        ['s', s.id],
        ['o', o.id],
      ] as const) {
        ids[name] = [];
        for (const ind of [sumOfLast, sumOfTotal, ratio, good, flagged])
          ids[name].push(await target(db, { indicatorId: ind, scopeUnitId: scope, value: 1 }));
      }
      const rows = await computeTargets(db, { targetIds: Object.values(ids).flat() }, YEAR_END);
      const values = (name: string) => ids[name]!.map((id) => rows.find((r) => r.targetId === id)!.value);
      // [last, Σ, Σ ÷ last × 100, grade tốt/hoàn thành, last yes/no]
      expect(values('p')).toEqual([1000, 1111, 111.1, 0, 0]);
      expect(values('s')).toEqual([100, 101, 101, 1, 1]);
      expect(values('o')).toEqual([1000, 1010, 101, 0, 0]);
    } finally {
      await handle.close();
    }
  });

  it('computes 10 targets over 20 units in exactly one SQL statement, by the engine and from the roll-ups', async () => {
    const handle = await createTestDatabase();
    try {
      const db = handle.db;
      const scope = await createUnit(db, { kind: 'district_federation' });
      const units = [];
      for (let i = 0; i < 20; i++) units.push(await createUnit(db, { parentId: scope.id, kind: 'grassroots_union' }));
      const num = await element(db, 'number', 'sum');
      const den = await element(db, 'number', 'last');
      const yes = await element(db, 'boolean', 'any');
      const specs = [
        { measure: 'ratio_of_sums', numerator: num, denominator: den },
        { measure: 'share_of_units', condition: { elementId: yes, operator: 'is_true' } },
        { measure: 'average_per_eligible_unit', numerator: num, eligibility: yes },
        { measure: 'sum', numerator: num },
        { measure: 'count_of_units', condition: { elementId: num, operator: '>=', number: 3 } },
        { measure: 'count_of_records', recordSource: 'unit_founded' },
        { measure: 'count_of_records', recordSource: 'facts', numerator: num },
        { measure: 'share_of_units', condition: { elementId: num, operator: '<=', number: 2 } },
        { measure: 'average_per_eligible_unit', numerator: den },
        { measure: 'sum', numerator: den },
      ] as const;
      const ids: string[] = [];
      for (const spec of specs)
        ids.push(await target(db, { indicatorId: await indicator(db, spec as never), scopeUnitId: scope.id, value: 1 }));
      for (const [i, u] of units.entries()) {
        await fact(db, u.id, num, '2024-03', { n: i % 5 });
        await fact(db, u.id, den, '2024-03', { n: 10 });
        await fact(db, u.id, yes, '2024-03', { b: i % 2 === 0 });
      }
      // The engine (the oracle): one statement whatever the number of targets.
      let before = handle.queryCount();
      const byEngine = await computeTargetsByEngine(db, { targetIds: ids }, YEAR_END);
      expect(handle.queryCount() - before).toBe(1);
      // The factories wrote outside a use-case: the first read recomputes the roll-ups they marked;
      // after that, a dashboard is one statement reading one stored row per target.
      await computeTargets(db, { targetIds: ids }, YEAR_END);
      before = handle.queryCount();
      const rows = await computeTargets(db, { targetIds: ids }, YEAR_END);
      expect(handle.queryCount() - before).toBe(1);
      expect(rows).toEqual(byEngine);
      expect(rows).toHaveLength(10);
      const byId = new Map(rows.map((r) => [r.targetId, r]));
      // Σ(i mod 5) over 20 units = 4 × (0+1+2+3+4) = 40; Σ denominators = 200.
      expect(byId.get(ids[0]!)).toMatchObject({ value: 20, reportedUnits: 20 });
      expect(byId.get(ids[1]!)).toMatchObject({ value: 50 });
      expect(byId.get(ids[3]!)).toMatchObject({ value: 40 });
      expect(byId.get(ids[4]!)).toMatchObject({ value: 8 });
    } finally {
      await handle.close();
    }
  });
});
