import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, facts, reportEvents, reports } from '../../db/schema/index.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { approveReport } from './approve-report.js';
import { getReport } from './get-report.js';
import { failure, monthlyValues, reportVersion, submitMonthly, useReportingWorld, workflowState } from './reports.fixtures.js';
import { saveReportDraft } from './save-report-draft.js';
import { submitReport } from './submit-report.js';

describe('submitting a report', () => {
  const ctx = useReportingWorld();

  it('refuses a submission with a field left empty, listing it in Vietnamese; the draft keeps what was typed and nothing counts', async () => {
    const { db } = ctx.database;
    const { elements } = ctx.world;
    const { id } = await saveReportDraft(db, ctx.actors.chairG1, ctx.world.period('monthly', 1).id, ctx.world.tree.g1.id, {
      values: [{ dataElementId: elements.trained, number: 15, notApplicable: false }],
      narratives: { '1': 'Tập huấn 15 đoàn viên', '2': 'Sinh hoạt định kỳ' },
      difficulties: 'Thiếu kinh phí',
      expectedVersion: null,
    });
    const before = await workflowState(db);
    const res = await ctx.clients.chairG1.post(`/api/reports/${id}/submit`, { expectedVersion: await reportVersion(db, id) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'REPORT_VALUES_INVALID',
      message: 'Báo cáo chưa gửi được: 1 mục chưa đúng hoặc chưa nhập. Xem thông báo bên cạnh từng mục.',
      fields: [{ field: `values.${elements.held}`, message: 'Chưa nhập số liệu (nhập số liệu hoặc chọn "Không áp dụng").' }],
    });
    expect(await workflowState(db)).toEqual(before);
    expect(await db.select().from(facts).where(eq(facts.reportId, id))).toHaveLength(0);
    const draft = await getReport(db, ctx.actors.chairG1, { id });
    expect(draft.state).toBe('draft');
    expect(draft.report).toMatchObject({
      status: 'draft',
      narratives: { '1': 'Tập huấn 15 đoàn viên', '2': 'Sinh hoạt định kỳ' },
      difficulties: 'Thiếu kinh phí',
    });
    expect(draft.sections.flatMap((s) => s.fields).find((f) => f.dataElementId === elements.trained)!.value).toMatchObject({ number: 15 });
  });

  it('refuses a unit outside one’s scope, a unit that does not owe the period, and a second submission; nothing is half-written', async () => {
    const { db } = ctx.database;
    const id = await submitMonthly(db, ctx.actors.chairG1, ctx.world, { month: 2, unitId: ctx.world.tree.g1.id, trained: 3 });
    const before = await workflowState(db);
    const v = await reportVersion(db, id);
    // Twice for one period: while submitted, and once approved.
    const twice = await failure(submitReport(db, ctx.actors.chairG1, id, { expectedVersion: v }));
    expect([twice.code, twice.status]).toEqual(['REPORT_ALREADY_SUBMITTED', 409]);
    // Another unit's chair; an officer (reviews, does not submit).
    for (const actor of [ctx.actors.chairG2, ctx.actors.officerS])
      expect((await failure(submitReport(db, actor, id, { expectedVersion: v }))).code).toBe('FORBIDDEN');
    expect(await workflowState(db)).toEqual(before);
    await approveReport(db, ctx.actors.officerS, id, { expectedVersion: v });
    const approvedTwice = await ctx.clients.chairG1.post(`/api/reports/${id}/submit`, { expectedVersion: v + 1 });
    expect(approvedTwice.statusCode).toBe(409);
    expect(approvedTwice.json().error.message).toBe('Báo cáo kỳ này đã được nộp.');

    // A report left from before the unit stopped owing (G5, founded 10/07, for February): not due, nothing written.
    const [stray] = await db
      .insert(reports)
      .values({ periodId: ctx.world.period('monthly', 2).id, unitId: ctx.world.tree.g5.id, status: 'draft' })
      .returning();
    const strayBefore = await workflowState(db);
    const notDue = await failure(submitReport(db, SYSTEM_ACTOR, stray!.id, { expectedVersion: 1 }));
    expect(notDue.code).toBe('REPORT_NOT_DUE');
    expect(await workflowState(db)).toEqual(strayBefore);
  });

  it('judges on time at 23:59 and late at 00:01 of the day after the deadline (UTC+7) on the compliance board', async () => {
    const { db } = ctx.database;
    const may = ctx.world.period('monthly', 5); // due 25/05/2024
    await submitMonthly(db, ctx.actors.chairG1, ctx.world, {
      month: 5,
      unitId: ctx.world.tree.g1.id,
      trained: 1,
      now: new Date('2024-05-25T16:59:00Z'), // 23:59 on 25/05 in Vietnam
    });
    await submitMonthly(db, ctx.actors.chairG2, ctx.world, {
      month: 5,
      unitId: ctx.world.tree.g2.id,
      trained: 1,
      now: new Date('2024-05-25T17:01:00Z'), // 00:01 on 26/05 in Vietnam
    });
    const res = await ctx.clients.officerS.get(`/api/report-periods/${may.id}/compliance`);
    expect(res.statusCode).toBe(200);
    const board = res.json() as { rows: { unit: { id: string }; state: string }[]; onTime: number; complete: number; expected: number };
    const stateOf = (unitId: string) => board.rows.find((r) => r.unit.id === unitId)!.state;
    expect(stateOf(ctx.world.tree.g1.id)).toBe('submitted_on_time');
    expect(stateOf(ctx.world.tree.g2.id)).toBe('submitted_late');
    expect(board).toMatchObject({ complete: 2, onTime: 1 });
    // The history keeps the submission's own time.
    const [event] = await db
      .select()
      .from(reportEvents)
      .innerJoin(reports, eq(reports.id, reportEvents.reportId))
      .where(and(eq(reports.periodId, may.id), eq(reports.unitId, ctx.world.tree.g2.id), eq(reportEvents.action, 'submitted')));
    expect(event!.report_events.at.toISOString()).toBe('2024-05-25T17:01:00.000Z');
  });

  it('a draft saved with every field still needs the submit step to count; each step is in the history and the audit log', async () => {
    const { db } = ctx.database;
    const { id } = await saveReportDraft(db, ctx.actors.chairG2, ctx.world.period('monthly', 6).id, ctx.world.tree.g2.id, {
      values: monthlyValues(ctx.world, 9),
      narratives: {},
      expectedVersion: null,
    });
    expect(await db.select().from(facts).where(eq(facts.reportId, id))).toHaveLength(0);
    await submitReport(db, ctx.actors.chairG2, id, { expectedVersion: await reportVersion(db, id) });
    expect(await db.select().from(facts).where(eq(facts.reportId, id))).toHaveLength(2);
    // Each step in the report's history and the audit log, by the chair.
    const history = await db.select().from(reportEvents).where(eq(reportEvents.reportId, id));
    expect(history.map((h) => [h.action, h.actorId]).sort()).toEqual([
      ['created', ctx.actors.chairG2.userId],
      ['submitted', ctx.actors.chairG2.userId],
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => [a.action, a.userId]).sort()).toEqual([
      ['report.create', ctx.actors.chairG2.userId],
      ['report.submit', ctx.actors.chairG2.userId],
    ]);
  });
});
