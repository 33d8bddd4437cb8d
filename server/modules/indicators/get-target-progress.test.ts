import { beforeAll, describe, expect, it } from 'vitest';
import { targetAllocations } from '../../db/schema/indicators.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql.js';
import { element, fact, indicator, program, target, useIndicatorsApp } from './indicators.fixtures.js';

describe('GET /api/targets/progress and /api/targets/:id/breakdown', () => {
  const ctx = useIndicatorsApp();
  const elementOfTarget = async (targetId: string) =>
    (
      await queryRows<{ id: string }>(
        ctx.database.db,
        sql`select i.numerator_element_id as id from targets t join indicators i on i.id = t.indicator_id where t.id = ${targetId}::uuid`,
      )
    )[0]?.id;
  let programS: string;
  let share: string;
  let sum: string;

  beforeAll(async () => {
    const db = ctx.database.db;
    const { s, g1, g2, g3 } = ctx.tree;
    programS = await program(db, s.id);
    const yes = await element(db, 'boolean', 'any');
    const admissions = await element(db, 'number', 'sum');
    share = await target(db, {
      indicatorId: await indicator(db, { measure: 'share_of_units', condition: { elementId: yes, operator: 'is_true' } }),
      scopeUnitId: s.id,
      value: 100,
      tolerance: 10,
      programId: programS,
      sortOrder: 1,
    });
    sum = await target(db, {
      indicatorId: await indicator(db, { measure: 'sum', numerator: admissions }),
      scopeUnitId: s.id,
      value: 10,
      programId: programS,
      sortOrder: 2,
    });
    await fact(db, g1.id, yes, '2024-05', { b: true });
    await fact(db, g2.id, yes, '2024-05', { b: false });
    await fact(db, g3.id, yes, '2024-05', { na: true });
    await fact(db, g1.id, admissions, '2024-03', { n: 4 });
  });

  it("gives a program's targets with values, unit counts and status", async () => {
    const res = await ctx.viewerS.get(`/api/targets/progress?programId=${programS}&asOf=2024-06-30`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2024-06-30');
    expect(body.items.map((i: { targetId: string }) => i.targetId)).toEqual([share, sum]);
    expect(body.items[0]).toMatchObject({ value: 50, status: 'off_track', reportedUnits: 2, notApplicableUnits: 1, noDataUnits: 3 });
    // 4 against 10 × 6/12 = 5 due, tolerance 0.
    expect(body.items[1]).toMatchObject({ value: 4, status: 'off_track', periodFrom: '2024-01', periodTo: '2024-12' });
    // By scope unit: the same two for the unit itself; the program is S's draft, so no other unit sees it (issue 10, item 8).
    const byScope = await ctx.viewerS.get(`/api/targets/progress?scopeUnitId=${ctx.tree.s.id}&asOf=2024-06-30`);
    expect(byScope.json().items).toHaveLength(2);
    const byOther = await ctx.admin.get(`/api/targets/progress?scopeUnitId=${ctx.tree.s.id}&asOf=2024-06-30`);
    expect(byOther.json().items).toHaveLength(0);
  });

  it('lists per-unit values, weakest first', async () => {
    const res = await ctx.officerS.get(`/api/targets/${share}/breakdown?asOf=2024-12-31`);
    expect(res.statusCode).toBe(200);
    const units = res.json().units as { unitName: string; state: string; meets: boolean | null }[];
    expect(units.map((u) => [u.unitName, u.state, u.meets])).toEqual([
      ['G4', 'no_data', null],
      ['G5', 'no_data', null],
      ['G6', 'no_data', null],
      ['G7', 'no_data', null],
      ['G2', 'reported', false],
      ['G1', 'reported', true],
      ['G3', 'not_applicable', null],
    ]);
  });

  it('gives the progress of each allocated share of a total target', async () => {
    const { g1, g2 } = ctx.tree;
    await ctx.database.db.insert(targetAllocations).values([
      { targetId: sum, unitId: g1.id, value: '6' },
      { targetId: sum, unitId: g2.id, value: '4' },
    ]);
    const res = await ctx.viewerS.get(`/api/targets/${sum}/breakdown?asOf=2024-06-30`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // g1: 4 against 6 × 6/12 = 3 due → on track; g2 reported nothing.
    expect(body.allocations).toEqual([
      { unitId: g1.id, unitCode: g1.code, unitName: 'G1', allocated: 6, value: 4, status: 'on_track', reportedUnits: 1, noDataUnits: 0 },
      { unitId: g2.id, unitCode: g2.code, unitName: 'G2', allocated: 4, value: null, status: 'no_data', reportedUnits: 0, noDataUnits: 1 },
    ]);
    expect(body.units.find((u: { unitId: string }) => u.unitId === g1.id)).toMatchObject({ allocated: 6, value: 4, state: 'reported' });
    expect((await ctx.viewerS.get(`/api/targets/${share}/breakdown`)).json().allocations).toEqual([]);
  });

  it("shows nothing outside the caller's scope", async () => {
    expect((await ctx.officerO.get(`/api/targets/progress?scopeUnitId=${ctx.tree.s.id}`)).statusCode).toBe(403);
    // S is above G1: its targets are due from G1's chair (docs/scopes.md), but these belong to a draft program.
    const above = await ctx.chairG1.get(`/api/targets/progress?scopeUnitId=${ctx.tree.s.id}`);
    expect(above.statusCode).toBe(200);
    expect(above.json().items).toEqual([]);
    expect((await ctx.chairG1.get(`/api/targets/${share}/breakdown`)).statusCode).toBe(403);
    const byProgram = await ctx.officerO.get(`/api/targets/progress?programId=${programS}`);
    expect(byProgram.json().items).toEqual([]);
    expect((await ctx.officerO.get(`/api/targets/${share}/breakdown`)).statusCode).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await ctx.officerO.get(`/api/targets/${unknown}/breakdown`)).statusCode).toBe(403);
    expect((await ctx.admin.get(`/api/targets/${unknown}/breakdown`)).statusCode).toBe(404);
  });

  it('without program or scope unit, gives every visible target active on the as-of date', async () => {
    const mine = await ctx.viewerS.get('/api/targets/progress?asOf=2024-06-30');
    expect(mine.json().items.map((i: { targetId: string }) => i.targetId)).toEqual([share, sum]);
    expect((await ctx.viewerS.get('/api/targets/progress?asOf=2025-01-31')).json().items).toEqual([]);
    expect((await ctx.officerO.get('/api/targets/progress?asOf=2024-06-30')).json().items).toEqual([]);
  });

  it('simultaneous readers share one engine run and get what one reader gets; a fact committed before a read is in it', async () => {
    const url = `/api/targets/progress?programId=${programS}&asOf=2024-12-31`;
    const alone = (await ctx.viewerS.get(url)).json();
    const together = await Promise.all(Array.from({ length: 6 }, () => ctx.viewerS.get(url)));
    for (const res of together) expect(res.json()).toEqual(alone);
    const breakdownUrl = `/api/targets/${sum}/breakdown?asOf=2024-12-31`;
    const breakdownAlone = (await ctx.officerS.get(breakdownUrl)).json();
    const breakdowns = await Promise.all(Array.from({ length: 6 }, () => ctx.officerS.get(breakdownUrl)));
    for (const res of breakdowns) expect(res.json()).toEqual(breakdownAlone);
    // A new fact, committed, then read while other reads are running: the new value shows.
    const running = Array.from({ length: 4 }, () => ctx.viewerS.get(url));
    await fact(ctx.database.db, ctx.tree.g2.id, (await elementOfTarget(sum))!, '2024-11', { n: 3 });
    const after = (await ctx.viewerS.get(url)).json();
    await Promise.all(running);
    expect(after.items[1].value).toBe(alone.items[1].value + 3);
  });
});
