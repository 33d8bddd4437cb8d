import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROGRAM_2024 } from '../../../scripts/demo/program-2024.js';
import { programs } from '../../db/schema/index.js';
import { auditCount, auditRows, element, indicator, program, useIndicatorsApp } from './indicators.fixtures.js';

describe('POST /api/targets (create-target)', () => {
  const ctx = useIndicatorsApp();
  const ind = {} as { sum: string; share: string };
  let programS: string;

  beforeAll(async () => {
    const db = ctx.database.db;
    ind.sum = await indicator(db, { measure: 'sum', numerator: await element(db, 'number', 'sum') });
    ind.share = await indicator(db, {
      measure: 'share_of_units',
      condition: { elementId: await element(db, 'boolean', 'any'), operator: 'is_true' },
    });
    programS = await program(db, ctx.tree.s.id);
  });

  const plus10 = () => ({
    indicatorId: ind.sum,
    scopeUnitId: ctx.tree.s.id,
    text: 'Phát triển mới 10 đoàn viên',
    code: '7a',
    comparator: 'gte',
    value: 10,
    periodFrom: '2024-01',
    periodTo: '2024-12',
  });

  it('sets a total target split among units of the subtree, audited with its scope unit', async () => {
    const { g1, g6 } = ctx.tree;
    const res = await ctx.officerS.post('/api/targets', {
      ...plus10(),
      programId: programS,
      tolerance: 2,
      // g6 left S on 01/07/2024 but was under it during the period.
      allocations: [
        { unitId: g1.id, value: 6 },
        { unitId: g6.id, value: 4 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t).toMatchObject({
      programId: programS,
      code: '7a',
      comparator: 'gte',
      value: 10,
      unitOfMeasure: 'count',
      periodFrom: '2024-01',
      periodTo: '2024-12',
      tolerance: 2,
      stretch: false,
    });
    expect(t.allocations).toHaveLength(2);
    expect(await auditRows(ctx.database, t.id)).toMatchObject([{ action: 'target.create', unitId: ctx.tree.s.id }]);
    const mine = await ctx.viewerS.get(`/api/targets?programId=${programS}`);
    expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([t.id]);
    const sibling = await ctx.officerO.get('/api/targets');
    expect(sibling.json().items).toEqual([]);
  });

  it('refuses bad targets with clear Vietnamese messages and creates nothing', async () => {
    const before = await auditCount(ctx.database);
    const over = await ctx.officerS.post('/api/targets', { ...plus10(), indicatorId: ind.share, value: 101 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields).toEqual([{ field: 'value', message: 'Chỉ tiêu tỷ lệ phần trăm không thể vượt quá 100%.' }]);
    const lte = await ctx.officerS.post('/api/targets', { ...plus10(), comparator: 'lte' });
    expect(lte.json().error.code).toBe('TARGET_COMPARATOR_MISMATCH');
    const eqShare = await ctx.officerS.post('/api/targets', { ...plus10(), indicatorId: ind.share, comparator: 'eq', value: 100 });
    expect(eqShare.json().error.code).toBe('TARGET_COMPARATOR_MISMATCH');
    const period = await ctx.officerS.post('/api/targets', { ...plus10(), periodFrom: '2024-12', periodTo: '2024-01' });
    expect(period.json().error.fields[0].field).toBe('periodTo');
    const shareAlloc = await ctx.officerS.post('/api/targets', {
      ...plus10(),
      indicatorId: ind.share,
      value: 100,
      allocations: [{ unitId: ctx.tree.g1.id, value: 100 }],
    });
    expect(shareAlloc.json().error.code).toBe('TARGET_ALLOCATION_NOT_TOTAL');
    const program = await ctx.officerS.post('/api/targets', { ...plus10(), programId: '00000000-0000-4000-8000-000000000000' });
    expect(program.json().error.code).toBe('TARGET_PROGRAM_NOT_FOUND');
    // g5 was founded on 10/07/2024: nothing to aim at in the first half year.
    const early = await ctx.admin.post('/api/targets', { ...plus10(), scopeUnitId: ctx.tree.g5.id, periodTo: '2024-06' });
    expect(early.json().error.fields).toEqual([
      { field: 'scopeUnitId', message: 'Đơn vị áp dụng chỉ tiêu không hoạt động trong kỳ đã chọn.' },
    ]);
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it("puts a target in one of its program's task groups, on creation and by a correction; refuses a group the program lacks", async () => {
    const db = ctx.database.db;
    // A draft program with the seed's nine task groups.
    const withGroups = await program(db, ctx.tree.s.id);
    await db.update(programs).set({ content: DEMO_PROGRAM_2024.content }).where(eq(programs.id, withGroups));
    const res = await ctx.officerS.post('/api/targets', { ...plus10(), programId: withGroups, taskGroupNumber: 5 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ programId: withGroups, taskGroupNumber: 5 });
    const moved = await ctx.officerS.patch(`/api/targets/${res.json().id}`, { expectedVersion: res.json().rowVersion, taskGroupNumber: 3 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ taskGroupNumber: 3 });
    const before = await auditCount(ctx.database);
    const unknown = await ctx.officerS.patch(`/api/targets/${res.json().id}`, {
      expectedVersion: moved.json().rowVersion,
      taskGroupNumber: 12,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { field: 'taskGroupNumber', message: 'Chương trình công tác của chỉ tiêu không có nhóm nhiệm vụ số 12.' },
    ]);
    // Without a program there is no task group to belong to.
    const loose = await ctx.officerS.post('/api/targets', { ...plus10(), taskGroupNumber: 1 });
    expect(loose.json().error.code).toBe('TARGET_TASK_GROUP_NOT_FOUND');
    const none = await ctx.officerS.post('/api/targets', { ...plus10(), programId: programS, taskGroupNumber: 1 });
    expect(none.json().error.code).toBe('TARGET_TASK_GROUP_NOT_FOUND');
    expect(await auditCount(ctx.database)).toBe(before);
    const cleared = await ctx.officerS.patch(`/api/targets/${res.json().id}`, {
      expectedVersion: moved.json().rowVersion,
      taskGroupNumber: null,
    });
    expect(cleared.json()).toMatchObject({ taskGroupNumber: null });
  });

  it('refuses an allocation to a unit outside the scope during the period', async () => {
    const before = await auditCount(ctx.database);
    // g6 is under O from July: outside S for a second-half target.
    const moved = await ctx.officerS.post('/api/targets', {
      ...plus10(),
      periodFrom: '2024-07',
      allocations: [
        { unitId: ctx.tree.g1.id, value: 5 },
        { unitId: ctx.tree.g6.id, value: 5 },
      ],
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toMatchObject({
      code: 'TARGET_ALLOCATION_OUTSIDE_SCOPE',
      fields: [{ field: 'allocations.1.unitId', message: 'Đơn vị được phân bổ không thuộc phạm vi của chỉ tiêu trong kỳ.' }],
    });
    const sibling = await ctx.officerS.post('/api/targets', { ...plus10(), allocations: [{ unitId: ctx.tree.o.id, value: 10 }] });
    expect(sibling.json().error.code).toBe('TARGET_ALLOCATION_OUTSIDE_SCOPE');
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it("is refused outside the caller's scope and to viewers", async () => {
    const before = await auditCount(ctx.database);
    expect((await ctx.officerO.post('/api/targets', plus10())).statusCode).toBe(403);
    expect((await ctx.viewerS.post('/api/targets', plus10())).statusCode).toBe(403);
    expect(await auditCount(ctx.database)).toBe(before);
  });
});
