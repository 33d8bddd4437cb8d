import { beforeAll, describe, expect, it } from 'vitest';
import { targetAllocations } from '../../db/schema/indicators.js';
import { element, fact, indicator, program, target, useIndicatorsApp } from './indicators.fixtures.js';

describe('GET /api/targets/:id/series', () => {
  const ctx = useIndicatorsApp();
  let sum: string;
  let share: string;

  beforeAll(async () => {
    const db = ctx.database.db;
    const { s, g1, g2, g3 } = ctx.tree;
    const programS = await program(db, s.id);
    const admissions = await element(db, 'number', 'sum');
    const yes = await element(db, 'boolean', 'any');
    sum = await target(db, {
      indicatorId: await indicator(db, { measure: 'sum', numerator: admissions }),
      scopeUnitId: s.id,
      value: 12,
      programId: programS,
      sortOrder: 1,
    });
    share = await target(db, {
      indicatorId: await indicator(db, { measure: 'share_of_units', condition: { elementId: yes, operator: 'is_true' } }),
      scopeUnitId: s.id,
      value: 100,
      tolerance: 10,
      programId: programS,
      sortOrder: 2,
    });
    await fact(db, g1.id, admissions, '2024-01', { n: 1 });
    await fact(db, g1.id, admissions, '2024-03', { n: 4 });
    await fact(db, g2.id, admissions, '2024-03', { n: 2 });
    await fact(db, g2.id, admissions, '2024-05', { n: 3 });
    await fact(db, g1.id, yes, '2024-02', { b: true });
    await fact(db, g2.id, yes, '2024-04', { b: false });
    await fact(db, g3.id, yes, '2024-05', { b: true });
    await db.insert(targetAllocations).values([
      { targetId: sum, unitId: g1.id, value: '7' },
      { targetId: sum, unitId: g2.id, value: '5' },
    ]);
  });

  it('gives one point per month up to the as-of date, each equal to the progress on that day', async () => {
    for (const id of [sum, share]) {
      const res = await ctx.viewerS.get(`/api/targets/${id}/series?asOf=2024-06-20`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.points.map((p: { month: string }) => p.month)).toEqual([
        '2024-01',
        '2024-02',
        '2024-03',
        '2024-04',
        '2024-05',
        '2024-06',
      ]);
      expect(body.points.map((p: { asOf: string }) => p.asOf)).toEqual([
        '2024-01-31',
        '2024-02-29',
        '2024-03-31',
        '2024-04-30',
        '2024-05-31',
        '2024-06-20',
      ]);
      for (const point of body.points as { asOf: string; value: number | null; status: string }[]) {
        const progress = await ctx.viewerS.get(`/api/targets/progress?asOf=${point.asOf}&scopeUnitId=${ctx.tree.s.id}`);
        const item = progress.json().items.find((i: { targetId: string }) => i.targetId === id);
        expect([point.asOf, point.value, point.status]).toEqual([point.asOf, item.value, item.status]);
      }
    }
    const sums = (await ctx.viewerS.get(`/api/targets/${sum}/series?asOf=2024-06-20`)).json().points.map((p: { value: number }) => p.value);
    expect(sums).toEqual([1, 1, 7, 7, 10, 10]);
  });

  it("gives a unit's allocated share, month by month, as the breakdown does", async () => {
    const { g1 } = ctx.tree;
    const res = await ctx.officerS.get(`/api/targets/${sum}/series?asOf=2024-04-30&unitId=${g1.id}`);
    expect(res.statusCode).toBe(200);
    const points = res.json().points as { asOf: string; value: number | null; status: string | null }[];
    expect(points.map((p) => p.value)).toEqual([1, 1, 5, 5]);
    for (const point of points) {
      const breakdown = (await ctx.officerS.get(`/api/targets/${sum}/breakdown?asOf=${point.asOf}`)).json();
      const allocation = breakdown.allocations.find((a: { unitId: string }) => a.unitId === g1.id);
      expect([point.value, point.status]).toEqual([allocation.value, allocation.status]);
    }
  });

  it("is refused outside the reader's scope", async () => {
    expect((await ctx.officerO.get(`/api/targets/${sum}/series`)).statusCode).toBe(403);
  });
});
