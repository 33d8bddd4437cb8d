import { rowVersionOf } from '../../../test/factories.js';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, programs, targets } from '../../db/schema/index.js';
import { signInAs } from '../../../test/app.js';
import { useDemoApp } from './demo.fixtures.js';
import { sampleProgramBody } from './programs.fixtures.js';

interface Derivation {
  sourceProgramId: string;
  sourceUnitId: string;
  marks: Array<{ path: string; sentence: string; reasons: Array<{ code: string; text: string }>; open: boolean }>;
  openMarkCount: number;
  uncarriedTargets: Array<{ sourceTargetId: string; code: string | null; value: number; reason: string }>;
}

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
    content: {
      theme: string;
      targets: Array<{ code: string; text: string }>;
      taskGroups: Array<{ actions: Array<{ responsible?: string }> }>;
      legalBasis: string[];
      closing?: string;
    };
    derivation: Derivation | null;
  };
  inheritedTargets: Array<{ id: string; code: string | null; value: number }>;
  allocatedTargets: Array<{ id: string; code: string | null; value: number }>;
  needsAllocation: Array<{ code: string | null }>;
}

describe('POST /api/programs/:id/derive (cụ thể hóa cho đơn vị cấp dưới)', () => {
  const ctx = useDemoApp();
  /** VT10's draft derived from the VT 2024 program (by the test that derives it). */
  let vt10Program: DeriveResult['program'];
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
    // The document's target sentences say VT10's values: 9 was allocated 1 of 15; the others stand as written.
    const sentence = (targets: Array<{ code: string; text: string }>, code: string) => targets.find((t) => t.code === code)!.text;
    expect(sentence(body.program.content.targets, '9')).toBe('Có 01 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.');
    for (const code of ['1', '2', '3', '4', '5', '6', '7', '8', '10']) {
      expect(sentence(body.program.content.targets, code), code).toBe(sentence(source!.content.targets, code));
    }
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
    // The target's own sentence carries the unit's value too.
    expect(rows.find((r) => r.code === '9')!.text).toBe('Có 01 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.');
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
    vt10Program = body.program;
  });

  it("marks the sentences still naming the district's figures or bodies, and lists the targets it could not carry with why", async () => {
    const d = vt10Program.derivation!;
    expect(d).toMatchObject({ sourceProgramId: ctx.programId, sourceUnitId: ctx.unitIds.get('VT') });
    const marked = (start: string) => d.marks.find((m) => m.sentence.startsWith(start));
    // Its figures: 7a's 10 members and 10's 2 houses were not carried (no allocation to VT10).
    expect(marked('Phát triển tăng thêm 10 đoàn viên')!.reasons).toEqual(
      expect.arrayContaining([
        { code: 'parent_figure', text: '10 đoàn' },
        { code: 'not_carried', text: '7a' },
        { code: 'not_carried', text: '7b' },
      ]),
    );
    expect(marked('Vận động hỗ trợ 02 căn')!.reasons).toEqual(expect.arrayContaining([{ code: 'not_carried', text: '10' }]));
    // Its units as a set, though the value is VT10's own.
    expect(marked('Có 01 công đoàn cơ sở')!.reasons).toEqual([{ code: 'parent_units', text: '01 công đoàn cơ sở' }]);
    expect(marked('Có 100% công đoàn cơ sở trực thuộc')).toBeDefined();
    // Its bodies: "Ban Chấp hành LĐLĐ huyện ban hành…", the closing, the district's rules and events.
    expect(marked('Ban Chấp hành LĐLĐ huyện ban hành')!.reasons).toEqual([{ code: 'parent_body', text: 'LĐLĐ huyện' }]);
    expect(marked('Trên đây là Chương trình công tác Công đoàn năm 2024 của Ban Chấp hành LĐLĐ huyện')).toBeDefined();
    expect(marked('Sửa đổi Quy chế khen thưởng của LĐLĐ huyện')).toBeDefined();
    // Not: a percentage every unit keeps, the citation of the district's program, VT10's own responsibilities.
    expect(marked('Có 96% trở lên')).toBeUndefined();
    expect(d.marks.some((m) => m.path === 'legalBasis.0' || m.path.startsWith('organisation.'))).toBe(false);
    expect(d.marks.every((m) => m.open)).toBe(true);
    expect(d.openMarkCount).toBe(d.marks.length);

    // The targets not carried are listed with the reason, not dropped silently.
    expect(d.uncarriedTargets.map((t) => [t.code, t.value, t.reason]).sort()).toEqual([
      ['10', 2, 'not_allocated'],
      ['7a', 10, 'not_allocated'],
      ['7b', 1, 'not_allocated'],
    ]);
    // They are the program's own columns, not the audit log's.
    const [row] = await ctx.database.db.select({ derivation: programs.derivation }).from(programs).where(eq(programs.id, vt10Program.id));
    expect(row!.derivation!.marks).toHaveLength(d.marks.length);
    expect((await ctx.chair.get(`/api/programs/${vt10Program.id}`)).json().derivation.openMarkCount).toBe(d.marks.length);
  });

  it('refuses to issue while a marked sentence is untouched, clears a mark when its sentence is edited, and issues once confirmed', async () => {
    const id = vt10Program.id;
    const total = vt10Program.derivation!.marks.length;
    const refused = await ctx.chair.post(`/api/programs/${id}/issue`);
    expect(refused.statusCode, refused.body).toBe(409);
    const error = refused.json().error as { code: string; message: string; fields: Array<{ field: string; message: string }> };
    expect(error.code).toBe('PROGRAM_UNRESOLVED_MARKS');
    expect(error.message).toContain(`còn ${total} câu`);
    expect(error.message).toContain('«Ban Chấp hành LĐLĐ huyện ban hành');
    // Each on the field it stands in, for the editor.
    const t9 = vt10Program.content.targets.findIndex((t) => t.code === '9');
    expect(error.fields.map((f) => f.field)).toContain(`content.targets.${t9}.text`);
    expect((await ctx.chair.post(`/api/programs/${id}/issue`, { confirmUnresolvedMarks: false })).statusCode).toBe(409);

    // The chair rewrites target 9's sentence for the union: its mark clears, the others stay.
    const edited = vt10Program.content.targets.map((t) =>
      t.code === '9' ? { ...t, text: 'Tổ chức các hoạt động Tháng Công nhân năm 2024.' } : t,
    );
    const patched = await ctx.chair.patch(`/api/programs/${id}`, {
      expectedVersion: await rowVersionOf(ctx.database.db, 'programs', id),
      content: { ...vt10Program.content, targets: edited },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = (await ctx.chair.get(`/api/programs/${id}`)).json().derivation as Derivation;
    expect(after.marks.find((m) => m.sentence.startsWith('Có 01 công đoàn cơ sở'))!.open).toBe(false);
    expect(after.marks.filter((m) => !m.open)).toHaveLength(1);
    expect(after.openMarkCount).toBe(total - 1);
    const again = await ctx.chair.post(`/api/programs/${id}/issue`);
    expect(again.json().error.message).toContain(`còn ${total - 1} câu`);
    expect(again.json().error.fields.map((f: { field: string }) => f.field)).not.toContain(`content.targets.${t9}.text`);
    const [still] = await ctx.database.db.select({ status: programs.status }).from(programs).where(eq(programs.id, id));
    expect(still!.status).toBe('draft');

    // Confirmed: issued with the marks left as they are.
    const issued = await ctx.chair.post(`/api/programs/${id}/issue`, { confirmUnresolvedMarks: true });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe('issued');
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
    // Its sentences still name the district's figures and bodies: issued once the chair confirms.
    expect((await chair.post(`/api/programs/${program.id}/issue`)).statusCode).toBe(409);
    const issued = await chair.post(`/api/programs/${program.id}/issue`, { confirmUnresolvedMarks: true });
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

  it("after an amendment, a derived program carries the amended values: an inherited percentage, a new total's allocation", async () => {
    const leader = await signInAs(ctx.app, 'lanhdao.vt', 'Demo@2024');
    const draft = await ctx.officer.post(`/api/programs/${ctx.programId}/amend`, { reason: 'Điều chỉnh chỉ tiêu 1 và 10' });
    expect(draft.statusCode, draft.body).toBe(201);
    const v2 = draft.json() as { id: string; content: DeriveResult['program']['content'] };
    const v2Targets = (await ctx.officer.get(`/api/targets?programId=${v2.id}`)).json().items as Array<{
      id: string;
      code: string;
      rowVersion: number;
    }>;
    const t1 = v2Targets.find((t) => t.code === '1')!;
    const t10 = v2Targets.find((t) => t.code === '10')!;
    const text1 =
      'Có 97% trở lên đoàn viên, CNVCLĐ và người lao động được tuyên truyền, phổ biến, học tập, quán triệt chủ trương, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước liên quan đến lao động và công đoàn.';
    const text10 = 'Vận động hỗ trợ 03 căn nhà Mái ấm công đoàn.';
    expect((await ctx.officer.patch(`/api/targets/${t1.id}`, { expectedVersion: t1.rowVersion, value: 97, text: text1 })).statusCode).toBe(
      200,
    );
    const e10 = await ctx.officer.patch(`/api/targets/${t10.id}`, { expectedVersion: t10.rowVersion, value: 3, text: text10 });
    expect(e10.statusCode, e10.body).toBe(200);
    const allocated = await ctx.officer.put(`/api/targets/${t10.id}/allocations`, {
      mode: 'manual',
      allocations: [
        { unitId: ctx.unitIds.get('VT12'), value: 1 },
        { unitId: ctx.unitIds.get('VT14'), value: 2 },
      ],
      expectedVersion: e10.json().rowVersion,
    });
    expect(allocated.statusCode, allocated.body).toBe(200);
    // The document says so too.
    const content = {
      ...v2.content,
      targets: v2.content.targets.map((t) => (t.code === '1' ? { ...t, text: text1 } : t.code === '10' ? { ...t, text: text10 } : t)),
    };
    const saved = await ctx.officer.patch(`/api/programs/${v2.id}`, {
      expectedVersion: await rowVersionOf(ctx.database.db, 'programs', v2.id),
      issuedOn: '2024-06-15',
      content,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await leader.post(`/api/programs/${v2.id}/issue`)).statusCode).toBe(200);

    const res = await ctx.officer.post(`/api/programs/${v2.id}/derive`, { unitId: ctx.unitIds.get('VT12') });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as DeriveResult;
    expect(body.inheritedTargets.find((t) => t.code === '1')!.value).toBe(97);
    expect(body.allocatedTargets.map((t) => [t.code, t.value])).toEqual([
      ['9', 1],
      ['10', 1],
    ]);
    const sentence = (code: string) => body.program.content.targets.find((t) => t.code === code)!.text;
    expect(sentence('1')).toBe(text1);
    expect(sentence('10')).toBe('Vận động hỗ trợ 01 căn nhà Mái ấm công đoàn.');
    const rows = await ctx.database.db.select().from(targets).where(eq(targets.programId, body.program.id));
    expect(rows.find((r) => r.code === '10')!.text).toBe('Vận động hỗ trợ 01 căn nhà Mái ấm công đoàn.');
    // Carried, so neither listed nor marked as not carried.
    expect(body.program.derivation!.uncarriedTargets.map((t) => t.code).sort()).toEqual(['7a', '7b']);
    expect(body.program.derivation!.marks.some((m) => m.sentence.startsWith('Vận động hỗ trợ'))).toBe(false);
  });
});
