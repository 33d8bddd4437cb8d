import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, facts, notifications, reportEvents, reports } from '../../db/schema/index.js';
import { approveReport } from './approve-report.js';
import { getReport } from './get-report.js';
import { failure, monthlyValues, reportVersion, submitMonthly, targetValue, useReportingWorld, workflowState } from './reports.fixtures.js';
import { returnReport } from './return-report.js';
import { saveReportDraft } from './save-report-draft.js';
import { submitReport } from './submit-report.js';

describe('returning a report to its unit', () => {
  const ctx = useReportingWorld();
  const trained = (counting: 'submitted' | 'approved' = 'submitted') =>
    targetValue(ctx.database.db, ctx.world.targets.trained, { counting });

  it('a draft never counts; a submitted report counts, stops counting when returned and counts again when resubmitted', async () => {
    const { db } = ctx.database;
    const unitId = ctx.world.tree.g1.id;
    const period = ctx.world.period('monthly', 10);
    const base = (await trained()) ?? 0;
    const { id } = await saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
      values: monthlyValues(ctx.world, 6),
      narratives: { '1': 'Tập huấn an toàn lao động' },
      expectedVersion: null,
    });
    expect((await trained()) ?? 0).toBe(base); // a draft: no fact at all
    expect(await db.select().from(facts).where(eq(facts.reportId, id))).toHaveLength(0);

    await submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await reportVersion(db, id) });
    expect(await trained()).toBe(base + 6);

    await returnReport(db, ctx.actors.officerS, id, {
      expectedVersion: await reportVersion(db, id),
      comment: 'Xem lại số tập huấn',
      fieldComments: { [ctx.world.elements.trained]: 'Số này cao hơn danh sách', 'narrative:1': '  ' },
    });
    expect((await trained()) ?? 0).toBe(base);
    expect(await db.select().from(facts).where(eq(facts.reportId, id))).toHaveLength(0);
    // The chair sees the comments (blank ones dropped) and may edit again.
    const seen = await getReport(db, ctx.actors.chairG1, { id });
    expect(seen.state).toBe('returned');
    expect(seen.report).toMatchObject({
      status: 'returned',
      reviewComment: 'Xem lại số tập huấn',
      fieldComments: { [ctx.world.elements.trained]: 'Số này cao hơn danh sách' },
    });
    expect(seen.allowedActions).toMatchObject({ edit: true, submit: true, approve: false });
    // Fixed and resubmitted: counts again with the new value; approved, it counts under "approved only" too.
    await saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
      values: monthlyValues(ctx.world, 5),
      narratives: { '1': 'Tập huấn an toàn lao động' },
      expectedVersion: await reportVersion(db, id),
    });
    expect((await trained()) ?? 0).toBe(base); // the fixed draft does not count before it is sent
    await submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await reportVersion(db, id) });
    expect(await trained()).toBe(base + 5);
    expect((await trained('approved')) ?? 0).toBe(base);
    await approveReport(db, ctx.actors.officerS, id, { expectedVersion: await reportVersion(db, id) });
    expect(await trained('approved')).toBe(base + 5);
  });

  it('writes the step to the history (with the comments) and the audit log, and tells the chair', async () => {
    const { db } = ctx.database;
    const id = await submitMonthly(db, ctx.actors.chairG2, ctx.world, { month: 10, unitId: ctx.world.tree.g2.id, trained: 2 });
    await returnReport(db, ctx.actors.officerS2, id, {
      expectedVersion: await reportVersion(db, id),
      fieldComments: { [ctx.world.elements.held]: 'Chưa đúng' },
    });
    const [event] = await db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, id), eq(reportEvents.action, 'returned')));
    expect(event).toMatchObject({
      actorId: ctx.actors.officerS2.userId,
      comment: null,
      fieldComments: { [ctx.world.elements.held]: 'Chưa đúng' },
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'report.return')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: ctx.actors.officerS2.userId, before: { status: 'submitted' }, after: { status: 'returned' } });
    const notices = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.reportId, id), eq(notifications.kind, 'report_returned')));
    expect(notices.map((n) => n.userId)).toEqual([ctx.actors.chairG2.userId]);
  });

  it('needs a comment, a submitted report and an officer holding the unit; a refusal changes nothing', async () => {
    const { db } = ctx.database;
    const id = await submitMonthly(db, ctx.actors.chairG1, ctx.world, { month: 11, unitId: ctx.world.tree.g1.id, trained: 1 });
    const before = await workflowState(db);
    const v = await reportVersion(db, id);
    const noComment = await failure(
      returnReport(db, ctx.actors.officerS, id, { expectedVersion: v, comment: '  ', fieldComments: { x: ' ' } }),
    );
    expect([noComment.code, noComment.status]).toEqual(['REPORT_RETURN_COMMENT_REQUIRED', 400]);
    // The chair, a leader (approves, does not return) and another federation's officer may not return it.
    for (const actor of [ctx.actors.chairG1, ctx.actors.leaderS, ctx.actors.officerO])
      expect((await failure(returnReport(db, actor, id, { expectedVersion: v, comment: 'Không' }))).code).toBe('FORBIDDEN');
    expect(await workflowState(db)).toEqual(before);
    // A draft cannot be returned.
    const { id: draft } = await saveReportDraft(db, ctx.actors.chairG2, ctx.world.period('monthly', 11).id, ctx.world.tree.g2.id, {
      values: [],
      narratives: {},
      expectedVersion: null,
    });
    const refused = await failure(
      returnReport(db, ctx.actors.officerS, draft, { expectedVersion: await reportVersion(db, draft), comment: 'x' }),
    );
    expect(refused.code).toBe('REPORT_NOT_SUBMITTED');
    expect((await db.select().from(reports).where(eq(reports.id, draft)))[0]!.status).toBe('draft');
  });

  it('over HTTP: an empty body is refused in Vietnamese', async () => {
    const id = await submitMonthly(ctx.database.db, ctx.actors.chairG2, ctx.world, { month: 12, unitId: ctx.world.tree.g2.id, trained: 1 });
    const res = await ctx.clients.officerS.post(`/api/reports/${id}/return`, { expectedVersion: await reportVersion(ctx.database.db, id) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'REPORT_RETURN_COMMENT_REQUIRED',
      message: 'Trả lại báo cáo cần có ý kiến chung hoặc ý kiến cho ít nhất một mục.',
    });
  });
});
