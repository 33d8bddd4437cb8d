// Reading scope of programs and targets (docs/scopes.md "What is due from
// above"): a grassroots chair reads, read-only, what the units above their
// unit issued for the year — never their drafts, never a sibling's rows.
import { rowVersionOf } from '../../../test/factories.js';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { targetAllocations, targets } from '../../db/schema/index.js';
import { useDemoApp } from './demo.fixtures.js';
import { sampleProgramBody } from './programs.fixtures.js';

describe("programs and targets issued above the caller's unit", () => {
  const ctx = useDemoApp();
  let vtDraft: string;
  let ag2024: string;
  let ag2025: string;
  let siblingProgram: string;
  let draftTarget: string;
  let target9: string;
  let target7a: string;

  beforeAll(async () => {
    const create = async (unit: string, year: number, issue: boolean, number = 50) => {
      const res = await ctx.admin.post(
        '/api/programs',
        sampleProgramBody(ctx.unitIds.get(unit)!, { year, number, title: `Chương trình ${unit} ${year}` }),
      );
      expect(res.statusCode, res.body).toBe(201);
      if (issue) expect((await ctx.admin.post(`/api/programs/${res.json().id}/issue`)).statusCode).toBe(200);
      return res.json().id as string;
    };
    vtDraft = await create('VT', 2024, false);
    ag2024 = await create('AG', 2024, true);
    ag2025 = await create('AG', 2025, true);
    siblingProgram = await create('VT11', 2024, true);
    const rows = await ctx.database.db.select().from(targets).where(eq(targets.programId, ctx.programId));
    target9 = rows.find((r) => r.code === '9')!.id;
    target7a = rows.find((r) => r.code === '7a')!.id;
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...copy
    } = rows.find((r) => r.code === '1')! as (typeof rows)[number] & { createdAt?: unknown; updatedAt?: unknown };
    const [t] = await ctx.database.db
      .insert(targets)
      .values({ ...copy, programId: vtDraft, code: '99', text: 'Chỉ tiêu của dự thảo' })
      .returning();
    draftTarget = t!.id;
  });

  it("lists the issued programs of the units above the chair's unit in their year, not drafts, not siblings", async () => {
    const res = await ctx.chair.get('/api/programs?pageSize=100');
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as Array<{ id: string }>).map((p) => p.id);
    expect(ids).toContain(ctx.programId);
    // VT10 is under AG from 01/07/2025, so AG's 2025 program is due from it; its 2024 one is not.
    expect(ids).toContain(ag2025);
    expect(ids).not.toContain(ag2024);
    expect(ids).not.toContain(vtDraft);
    expect(ids).not.toContain(siblingProgram);
  });

  it('opens such a program read-only, with its issued versions; a draft above answers 403', async () => {
    expect((await ctx.chair.get(`/api/programs/${ctx.programId}`)).statusCode).toBe(200);
    const versions = await ctx.chair.get(`/api/programs/${ctx.programId}/versions`);
    expect(versions.statusCode).toBe(200);
    expect(versions.json().every((v: { status: string }) => v.status !== 'draft')).toBe(true);
    expect((await ctx.chair.get(`/api/programs/${vtDraft}`)).statusCode).toBe(403);
    expect((await ctx.chair.get(`/api/programs/${ag2024}`)).statusCode).toBe(403);
    expect((await ctx.chair.get(`/api/programs/${siblingProgram}`)).statusCode).toBe(403);
    expect(
      (
        await ctx.chair.patch(`/api/programs/${ctx.programId}`, {
          expectedVersion: await rowVersionOf(ctx.database.db, 'programs', ctx.programId),
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it("shows the targets set above, with only the chair's own allocation", async () => {
    const res = await ctx.chair.get(`/api/targets?programId=${ctx.programId}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; allocations: Array<{ unitId: string; value: number }> }>;
    expect(items.length).toBe(11);
    expect(items.find((t) => t.id === target9)!.allocations).toEqual([{ unitId: ctx.unitIds.get('VT10'), value: 1 }]);
    expect(items.find((t) => t.id === target7a)!.allocations).toEqual([]);
    // The officer of VT still sees every share.
    const officer = (await ctx.officer.get(`/api/targets?programId=${ctx.programId}`)).json().items as typeof items;
    expect(officer.find((t) => t.id === target9)!.allocations.length).toBe(15);
  });

  it("computes progress of those targets, but not of a draft program's", async () => {
    const res = await ctx.chair.get(`/api/targets/progress?programId=${ctx.programId}&asOf=2024-11-30`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(11);
    const draft = await ctx.chair.get(`/api/targets/progress?programId=${vtDraft}&asOf=2024-11-30`);
    expect(draft.json().items).toEqual([]);
    const byScope = await ctx.chair.get(`/api/targets/progress?scopeUnitId=${ctx.unitIds.get('VT')}&asOf=2024-11-30`);
    expect(byScope.statusCode).toBe(200);
    expect((byScope.json().items as Array<{ targetId: string }>).map((t) => t.targetId)).not.toContain(draftTarget);
    expect((await ctx.chair.get(`/api/targets/${draftTarget}/breakdown?asOf=2024-11-30`)).statusCode).toBe(403);
  });

  it("breaks a target set above down to the chair's own unit only", async () => {
    const res = await ctx.chair.get(`/api/targets/${target9}/breakdown?asOf=2024-11-30`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { units: Array<{ unitId: string }>; allocations: Array<{ unitId: string }> };
    expect(body.units.map((u) => u.unitId)).toEqual([ctx.unitIds.get('VT10')]);
    expect(body.allocations.map((a) => a.unitId)).toEqual([ctx.unitIds.get('VT10')]);
    const sibling = await ctx.siblingChair.get(`/api/targets/${target7a}/breakdown?asOf=2024-11-30`);
    expect((sibling.json() as typeof body).allocations.map((a) => a.unitId)).toEqual([ctx.unitIds.get('VT17')]);
    const officer = await ctx.officer.get(`/api/targets/${target9}/breakdown?asOf=2024-11-30`);
    expect((officer.json() as typeof body).units.length).toBeGreaterThan(15);
    const allocations = await ctx.database.db.select().from(targetAllocations).where(eq(targetAllocations.targetId, target9));
    expect((officer.json() as typeof body).allocations.length).toBe(allocations.length);
  });
});
