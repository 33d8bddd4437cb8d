import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { targetAllocations, targets } from '../../db/schema/index.js';
import { useDemoApp } from './demo.fixtures.js';
import { sampleProgramBody } from './programs.fixtures.js';

interface Check {
  programId: string;
  items: Array<{
    targetId: string;
    code: string | null;
    total: number;
    allocated: number;
    gap: number;
    allocationCount: number;
    status: string;
  }>;
}

describe('GET /api/programs/:id/allocation-check', () => {
  const ctx = useDemoApp();

  it('lists every total target of the program with its total, allocations and gap', async () => {
    const res = await ctx.officer.get(`/api/programs/${ctx.programId}/allocation-check`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Check;
    expect(body.programId).toBe(ctx.programId);
    // Totals only (7a sum, 7b count of records, 9 count of units, 10 sum); percentages are never split.
    expect(body.items.map((i) => [i.code, i.total, i.allocated, i.gap, i.allocationCount, i.status])).toEqual([
      ['7a', 10, 10, 0, 3, 'balanced'],
      ['7b', 1, 0, -1, 0, 'not_allocated'],
      ['9', 15, 15, 0, 15, 'balanced'],
      ['10', 2, 0, -2, 0, 'not_allocated'],
    ]);
  });

  it('says when the allocations do not add up', async () => {
    const t7a = (await ctx.database.db.select().from(targets).where(eq(targets.programId, ctx.programId))).find((r) => r.code === '7a');
    await ctx.database.db.insert(targetAllocations).values({ targetId: t7a!.id, unitId: ctx.unitIds.get('VT10')!, value: '2.5' });
    const body = (await ctx.officer.get(`/api/programs/${ctx.programId}/allocation-check`)).json() as Check;
    expect(body.items.find((i) => i.code === '7a')).toMatchObject({
      total: 10,
      allocated: 12.5,
      gap: 2.5,
      allocationCount: 4,
      status: 'unbalanced',
    });
  });

  it("is readable by a chair below (sums only, no unit named), not for a sibling's program; 404 for an admin on an unknown id", async () => {
    const res = await ctx.chair.get(`/api/programs/${ctx.programId}/allocation-check`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(ctx.unitIds.get('VT17')!);
    const sibling = await ctx.admin.post('/api/programs', sampleProgramBody(ctx.unitIds.get('VT11')!, { number: 70 }));
    expect((await ctx.chair.get(`/api/programs/${sibling.json().id}/allocation-check`)).statusCode).toBe(403);
    expect((await ctx.admin.get('/api/programs/00000000-0000-4000-8000-000000000000/allocation-check')).statusCode).toBe(404);
  });
});
