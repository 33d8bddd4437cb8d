import { rowVersionOf } from '../../../test/factories.js';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, programs, targets } from '../../db/schema/index.js';
import { signInAs } from '../../../test/app.js';
import { useDemoApp } from './demo.fixtures.js';
import { sampleProgramBody } from './programs.fixtures.js';

interface DeriveResult {
  program: {
    id: string;
    unitId: string;
    year: number;
    kind: string;
    number: number;
    status: string;
    issuingBodyName: string;
    superiorBodyName: string | null;
    content: { theme: string; targets: unknown[]; taskGroups: Array<{ actions: Array<{ responsible?: string }> }>; legalBasis: string[] };
  };
  inheritedTargets: Array<{ id: string; code: string | null; value: number }>;
  allocatedTargets: Array<{ id: string; code: string | null; value: number }>;
  needsAllocation: Array<{ code: string | null }>;
}

describe('POST /api/programs/:id/derive (cụ thể hóa cho đơn vị cấp dưới)', () => {
  const ctx = useDemoApp();
  const count = async (table: typeof programs | typeof targets | typeof auditLog) =>
    (await ctx.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table))[0]!.n;

  it("is refused for a unit outside the caller's scope (a chair's sibling CĐCS), and changes nothing", async () => {
    const before = [await count(programs), await count(targets)];
    const res = await ctx.chair.post(`/api/programs/${ctx.programId}/derive`, { unitId: ctx.unitIds.get('VT11') });
    expect(res.statusCode).toBe(403);
    expect([await count(programs), await count(targets)]).toEqual(before);
  });

  it("refuses a unit that is not below the program's unit in its year", async () => {
    const before = [await count(programs), await count(targets), await count(auditLog)];
    const res = await ctx.admin.post(`/api/programs/${ctx.programId}/derive`, { unitId: ctx.unitIds.get('KG') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PROGRAM_DERIVE_UNIT_NOT_BELOW');
    // VT itself is not below VT either.
    const self = await ctx.admin.post(`/api/programs/${ctx.programId}/derive`, { unitId: ctx.unitIds.get('VT') });
    expect(self.json().error.code).toBe('PROGRAM_DERIVE_UNIT_NOT_BELOW');
    expect([await count(programs), await count(targets), await count(auditLog)]).toEqual(before);
  });

  it('refuses a program that is not issued', async () => {
    const draft = await ctx.officer.post('/api/programs', sampleProgramBody(ctx.unitIds.get('VT')!, { number: 90 }));
    expect(draft.statusCode, draft.body).toBe(201);
    const res = await ctx.officer.post(`/api/programs/${draft.json().id}/derive`, { unitId: ctx.unitIds.get('VT10') });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROGRAM_DERIVE_NOT_ISSUED');
  });

  it("derives VT10's draft from the VT 2024 program: document copied, targets inherited or allocated, one audit entry", async () => {
    const vt10 = ctx.unitIds.get('VT10')!;
    const res = await ctx.officer.post(`/api/programs/${ctx.programId}/derive`, { unitId: vt10 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as DeriveResult;
    const [source] = await ctx.database.db.select().from(programs).where(eq(programs.id, ctx.programId));

    expect(body.program).toMatchObject({ unitId: vt10, year: 2024, kind: 'program', number: 1, status: 'draft' });
    expect(body.program.issuingBodyName).toBe('CĐCS TRƯỜNG THPT VĨNH THUẬN');
    expect(body.program.superiorBodyName).toBe('LĐLĐ HUYỆN VĨNH THUẬN');
    expect(body.program.content.theme).toBe(source!.content.theme);
    expect(body.program.content.targets).toEqual(source!.content.targets);
    expect(body.program.content.taskGroups.length).toBe(source!.content.taskGroups.length);
    expect(body.program.content.taskGroups.flatMap((g) => g.actions).every((a) => a.responsible === undefined)).toBe(true);
    expect(body.program.content.legalBasis[0]).toContain('02/CTr-LĐLĐ ngày 19/01/2024');

    // Percentages, shares, averages apply to every unit; 9 (count of units) was allocated 1 to VT10;
    // 7a (allocated to others), 7b and 10 (not allocated) wait for an allocation.
    expect(body.inheritedTargets.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '8']);
    expect(body.allocatedTargets.map((t) => [t.code, t.value])).toEqual([['9', 1]]);
    expect(body.needsAllocation.map((t) => t.code).sort()).toEqual(['10', '7a', '7b']);

    const rows = await ctx.database.db.select().from(targets).where(eq(targets.programId, body.program.id));
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.scopeUnitId === vt10)).toBe(true);
    const parentRows = await ctx.database.db.select().from(targets).where(eq(targets.programId, ctx.programId));
    const parent1 = parentRows.find((r) => r.code === '1')!;
    const child1 = rows.find((r) => r.code === '1')!;
    expect([child1.indicatorId, child1.comparator, Number(child1.value), child1.periodFrom, child1.periodTo]).toEqual([
      parent1.indicatorId,
      parent1.comparator,
      Number(parent1.value),
      parent1.periodFrom,
      parent1.periodTo,
    ]);

    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'program.derive'), eq(auditLog.entityId, body.program.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.unitId).toBe(vt10);
    expect((audits[0]!.after as { sourceProgramId: string }).sourceProgramId).toBe(ctx.programId);
    // The link the feature reads is on the program row, not in the audit log.
    const [derived] = await ctx.database.db.select().from(programs).where(eq(programs.id, body.program.id));
    expect(derived!.derivedFromProgramId).toBe(ctx.programId);

    // The chair of VT10 reads the new draft of their own unit and its targets' progress.
    expect((await ctx.chair.get(`/api/programs/${body.program.id}`)).statusCode).toBe(200);
    const progress = await ctx.chair.get(`/api/targets/progress?programId=${body.program.id}&asOf=2024-11-30`);
    expect(progress.statusCode).toBe(200);
    expect(progress.json().items).toHaveLength(8);
  });

  it('refuses a second derived program for the same unit and year, even once the audit log no longer holds the first', async () => {
    // A retention rule may empty the audit log: "already derived" must not depend on it.
    await ctx.database.db.delete(auditLog).where(eq(auditLog.action, 'program.derive'));
    const before = [await count(programs), await count(targets)];
    const res = await ctx.officer.post(`/api/programs/${ctx.programId}/derive`, { unitId: ctx.unitIds.get('VT10') });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROGRAM_DERIVED_EXISTS');
    expect([await count(programs), await count(targets)]).toEqual(before);
  });

  it('answers 403 to a non-admin and 404 to an admin for an unknown program', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await ctx.officer.post(`/api/programs/${unknown}/derive`, { unitId: ctx.unitIds.get('VT12') })).statusCode).toBe(403);
    expect((await ctx.admin.post(`/api/programs/${unknown}/derive`, { unitId: ctx.unitIds.get('VT12') })).statusCode).toBe(404);
  });

  it("lets a CĐCS chair concretise their own unit's program from the federation's, and issue it", async () => {
    const chair = await signInAs(ctx.app, 'cdcs.thuysan', 'Demo@2024');
    const res = await chair.post(`/api/programs/${ctx.programId}/derive`, { unitId: ctx.unitIds.get('VT17') });
    expect(res.statusCode).toBe(201);
    const program = res.json().program;
    expect(program).toMatchObject({ unitId: ctx.unitIds.get('VT17'), status: 'draft', year: 2024 });
    const issued = await chair.post(`/api/programs/${program.id}/issue`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().status).toBe('issued');
    // The federation's own program stays out of the chair's hands.
    expect(
      (
        await chair.patch(`/api/programs/${ctx.programId}`, {
          expectedVersion: await rowVersionOf(ctx.database.db, 'programs', ctx.programId),
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});
