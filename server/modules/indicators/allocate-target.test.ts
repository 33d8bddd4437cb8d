import { rowVersionOf } from '../../../test/factories.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCount, auditRows, element, fact, indicator, target, useIndicatorsApp } from './indicators.fixtures.js';

describe('PUT /api/targets/:id/allocations (allocate-target)', () => {
  const ctx = useIndicatorsApp();
  let members: string; // số đoàn viên, last value reported
  let unreported: string;
  let yesNo: string;
  let plus10: string; // "+10 members" over S, 2024
  let secondHalf: string; // the same, July–December 2024
  let share: string;

  beforeAll(async () => {
    const db = ctx.database.db;
    const { s, g1, g2, g3, g4 } = ctx.tree;
    members = await element(db, 'number', 'last');
    unreported = await element(db, 'number', 'last');
    yesNo = await element(db, 'boolean', 'any');
    await fact(db, g1.id, members, '2024-01', { n: 30 });
    await fact(db, g1.id, members, '2024-06', { n: 50 }); // the last value counts
    await fact(db, g2.id, members, '2024-03', { n: 30 });
    await fact(db, g3.id, members, '2024-02', { n: 20 });
    await fact(db, g4.id, members, '2024-02', { na: true });
    const sum = await indicator(db, { measure: 'sum', numerator: members });
    plus10 = await target(db, { indicatorId: sum, scopeUnitId: s.id, value: 10 });
    secondHalf = await target(db, { indicatorId: sum, scopeUnitId: s.id, value: 10, periodFrom: '2024-07' });
    const shareInd = await indicator(db, { measure: 'share_of_units', condition: { elementId: yesNo, operator: 'is_true' } });
    share = await target(db, { indicatorId: shareInd, scopeUnitId: s.id, value: 80 });
  });

  const ids = (rows: { unitId: string }[]) => rows.map((r) => r.unitId).sort();

  it("offers the scope unit's child units at the start of the period", async () => {
    const { g1, g2, g3, g4, g6 } = ctx.tree;
    const res = await ctx.viewerS.get(`/api/targets/${plus10}/allocations`);
    expect(res.statusCode).toBe(200);
    // g5 (founded 10/07) and g7 (founded 01/03) were not there on 01/01/2024.
    expect(ids(res.json().childUnits)).toEqual([g1.id, g2.id, g3.id, g4.id, g6.id].sort());
    expect(res.json()).toMatchObject({ allocatable: true, allocations: [], total: 10, sum: 0, gap: -10 });
    expect((await ctx.officerO.get(`/api/targets/${plus10}/allocations`)).statusCode).toBe(403);
  });

  it('splits in proportion to the last reported members, previewed without saving, then saved and audited', async () => {
    const { g1, g2, g3, g4, g6, s } = ctx.tree;
    const before = await auditCount(ctx.database);
    const preview = await ctx.officerS.put(`/api/targets/${plus10}/allocations`, {
      expectedVersion: await rowVersionOf(ctx.database.db, 'targets', plus10),
      mode: 'proportional',
      basis: { dataElementId: members },
      dryRun: true,
    });
    expect(preview.statusCode).toBe(200);
    const split = (rows: { unitId: string; value: number }[]) => Object.fromEntries(rows.map((r) => [r.unitId, r.value]));
    const expected = { [g1.id]: 5, [g2.id]: 3, [g3.id]: 2, [g4.id]: 0, [g6.id]: 0 };
    expect(split(preview.json().allocations)).toEqual(expected);
    expect(preview.json()).toMatchObject({ total: 10, sum: 10, gap: 0, dryRun: true });
    expect(await auditCount(ctx.database)).toBe(before);
    expect((await ctx.viewerS.get(`/api/targets/${plus10}/allocations`)).json().allocations).toEqual([]);

    const saved = await ctx.officerS.put(`/api/targets/${plus10}/allocations`, {
      expectedVersion: await rowVersionOf(ctx.database.db, 'targets', plus10),
      mode: 'proportional',
      basis: { dataElementId: members },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ total: 10, sum: 10, gap: 0, dryRun: false });
    expect(saved.json().allocations[0]).toEqual({
      unitId: expect.any(String),
      unitCode: expect.any(String),
      unitName: expect.any(String),
      value: expect.any(Number),
    });
    expect(split((await ctx.viewerS.get(`/api/targets/${plus10}/allocations`)).json().allocations)).toEqual(expected);
    const audit = await auditRows(ctx.database, plus10);
    expect(audit).toMatchObject([{ action: 'target.allocate', unitId: s.id }]);
    // The breakdown follows the saved shares.
    const breakdown = await ctx.viewerS.get(`/api/targets/${plus10}/breakdown?asOf=2024-12-31`);
    expect(breakdown.json().allocations).toHaveLength(5);
  });

  it('replaces the allocations by hand and flags a total that does not add up', async () => {
    const { g1, g6 } = ctx.tree;
    const res = await ctx.officerS.put(`/api/targets/${plus10}/allocations`, {
      expectedVersion: await rowVersionOf(ctx.database.db, 'targets', plus10),
      mode: 'manual',
      allocations: [
        { unitId: g1.id, value: 6 },
        { unitId: g6.id, value: 2 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 10, sum: 8, gap: -2 });
    const now = (await ctx.viewerS.get(`/api/targets/${plus10}/allocations`)).json();
    expect(ids(now.allocations)).toEqual([g1.id, g6.id].sort());
    expect((await auditRows(ctx.database, plus10)).map((r) => r.action)).toEqual(['target.allocate', 'target.allocate']);
  });

  it('refuses what cannot be split, with clear Vietnamese messages, and writes nothing', async () => {
    const { g1, g6, o } = ctx.tree;
    const before = await auditCount(ctx.database);
    const current = (await ctx.viewerS.get(`/api/targets/${plus10}/allocations`)).json().allocations;
    const put = async (id: string, body: object, client = ctx.officerS) =>
      client.put(`/api/targets/${id}/allocations`, { expectedVersion: await rowVersionOf(ctx.database.db, 'targets', id), ...body });

    const pct = await put(share, { mode: 'manual', allocations: [{ unitId: g1.id, value: 80 }] });
    expect(pct.statusCode).toBe(400);
    expect(pct.json().error).toMatchObject({
      code: 'TARGET_ALLOCATION_NOT_TOTAL',
      message: 'Chỉ phân bổ được chỉ tiêu tính bằng tổng hoặc số lượng.',
    });
    // g6 moved under O on 01/07/2024: outside S for the second half year.
    const moved = await put(secondHalf, {
      mode: 'manual',
      allocations: [
        { unitId: g1.id, value: 5 },
        { unitId: g6.id, value: 5 },
      ],
    });
    expect(moved.json().error).toMatchObject({
      code: 'TARGET_ALLOCATION_OUTSIDE_SCOPE',
      fields: [{ field: 'allocations.1.unitId', message: 'Đơn vị được phân bổ không thuộc phạm vi của chỉ tiêu trong kỳ.' }],
    });
    expect((await put(plus10, { mode: 'manual', allocations: [{ unitId: o.id, value: 1 }] })).json().error.code).toBe(
      'TARGET_ALLOCATION_OUTSIDE_SCOPE',
    );
    const negative = await put(plus10, { mode: 'manual', allocations: [{ unitId: g1.id, value: -1 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual([{ field: 'allocations.0.value', message: 'Giá trị phải lớn hơn hoặc bằng 0.' }]);
    const twice = await put(plus10, {
      mode: 'manual',
      allocations: [
        { unitId: g1.id, value: 1 },
        { unitId: g1.id, value: 2 },
      ],
    });
    expect(twice.json().error.code).toBe('TARGET_ALLOCATION_DUPLICATE');
    const notNumber = await put(plus10, { mode: 'proportional', basis: { dataElementId: yesNo } });
    expect(notNumber.json().error.fields).toEqual([
      { field: 'basis.dataElementId', message: 'Tiêu chí chia theo tỉ lệ phải là một dữ liệu báo cáo kiểu số.' },
    ]);
    const noData = await put(plus10, { mode: 'proportional', basis: { dataElementId: unreported } });
    expect(noData.json().error.code).toBe('TARGET_ALLOCATION_BASIS_NO_DATA');

    const body = { mode: 'manual', allocations: [] };
    expect((await put(plus10, body, ctx.officerO)).statusCode).toBe(403);
    expect((await put(plus10, body, ctx.viewerS)).statusCode).toBe(403);
    expect((await put('00000000-0000-4000-8000-000000000000', body, ctx.officerS)).statusCode).toBe(403);
    expect((await put('00000000-0000-4000-8000-000000000000', body, ctx.admin)).statusCode).toBe(404);

    expect(await auditCount(ctx.database)).toBe(before);
    expect((await ctx.viewerS.get(`/api/targets/${plus10}/allocations`)).json().allocations).toEqual(current);
  });
});
