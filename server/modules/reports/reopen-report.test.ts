import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, facts, notifications, reportEvents, reports } from '../../db/schema/index.js';
import { approveReport } from './approve-report.js';
import { reopenReport } from './reopen-report.js';
import { failure, monthlyValues, reportVersion, submitMonthly, targetValue, useReportingWorld, workflowState } from './reports.fixtures.js';
import { saveReportDraft } from './save-report-draft.js';
import { submitReport } from './submit-report.js';

describe('reopening an approved report', () => {
  const ctx = useReportingWorld();
  const trained = (counting: 'submitted' | 'approved' = 'submitted') =>
    targetValue(ctx.database.db, ctx.world.targets.trained, { counting });
  const approved = async (month: number, unitId: string, actor = ctx.actors.chairG1, n = 3) => {
    const { db } = ctx.database;
    const id = await submitMonthly(db, actor, ctx.world, { month, unitId, trained: n });
    await approveReport(db, ctx.actors.officerS, id, { expectedVersion: await reportVersion(db, id) });
    return id;
  };

  it('needs an officer holding the unit and a reason; a refusal changes nothing', async () => {
    const { db } = ctx.database;
    const id = await approved(8, ctx.world.tree.g1.id);
    const before = await workflowState(db);
    const v = await reportVersion(db, id);
    // The chair, a leader (closes periods, does not reopen reports) and another federation's officer.
    for (const actor of [ctx.actors.chairG1, ctx.actors.leaderS, ctx.actors.officerO])
      expect((await failure(reopenReport(db, actor, id, { expectedVersion: v, reason: 'Sai số liệu' }))).code).toBe('FORBIDDEN');
    const noReason = await failure(reopenReport(db, ctx.actors.officerS, id, { expectedVersion: v, reason: '   ' }));
    expect([noReason.code, noReason.status, noReason.fields.map((f) => f.field)]).toEqual(['REPORT_REASON_REQUIRED', 400, ['reason']]);
    expect(await workflowState(db)).toEqual(before);
    // Over HTTP the reason is required by the schema, with the field named in Vietnamese.
    for (const body of [{ expectedVersion: v }, { expectedVersion: v, reason: '' }]) {
      const res = await ctx.clients.officerS.post(`/api/reports/${id}/reopen`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      expect(res.json().error.message).toBe('Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được đánh dấu.');
    }
    expect(await workflowState(db)).toEqual(before);
    // Only an approved report is reopened.
    const submitted = await submitMonthly(db, ctx.actors.chairG2, ctx.world, { month: 8, unitId: ctx.world.tree.g2.id, trained: 1 });
    const notApproved = await failure(
      reopenReport(db, ctx.actors.officerS, submitted, { expectedVersion: await reportVersion(db, submitted), reason: 'x' }),
    );
    expect(notApproved.code).toBe('REPORT_NOT_APPROVED');
  });

  it('sends the report back to the unit with the reason: it stops counting, is in the history and the audit log, and counts again when resubmitted', async () => {
    const { db } = ctx.database;
    const base = { submitted: (await trained()) ?? 0, approved: (await trained('approved')) ?? 0 };
    const id = await approved(9, ctx.world.tree.g1.id, ctx.actors.chairG1, 4);
    expect(await trained('approved')).toBe(base.approved + 4);

    await reopenReport(db, ctx.actors.officerS2, id, {
      expectedVersion: await reportVersion(db, id),
      reason: '  Số tập huấn ghi nhầm tháng  ',
    });
    expect((await trained()) ?? 0).toBe(base.submitted);
    expect((await trained('approved')) ?? 0).toBe(base.approved);
    expect(await db.select().from(facts).where(eq(facts.reportId, id))).toHaveLength(0);
    const [row] = await db.select().from(reports).where(eq(reports.id, id));
    expect(row).toMatchObject({ status: 'returned', reviewComment: 'Số tập huấn ghi nhầm tháng', approvedAt: null, approvedBy: null });
    const [event] = await db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, id), eq(reportEvents.action, 'reopened')));
    expect(event).toMatchObject({ actorId: ctx.actors.officerS2.userId, comment: 'Số tập huấn ghi nhầm tháng' });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'report.reopen')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      userId: ctx.actors.officerS2.userId,
      before: { status: 'approved' },
      after: { status: 'returned', reason: 'Số tập huấn ghi nhầm tháng' },
    });
    const notices = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.reportId, id), eq(notifications.kind, 'report_returned')));
    expect(notices.map((n) => n.userId)).toEqual([ctx.actors.chairG1.userId]);

    await saveReportDraft(db, ctx.actors.chairG1, ctx.world.period('monthly', 9).id, ctx.world.tree.g1.id, {
      values: monthlyValues(ctx.world, 2),
      narratives: {},
      expectedVersion: await reportVersion(db, id),
    });
    await submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await reportVersion(db, id) });
    expect(await trained()).toBe(base.submitted + 2);
    const history = await db.select().from(reportEvents).where(eq(reportEvents.reportId, id));
    expect(history.map((h) => h.action).sort()).toEqual(['approved', 'created', 'reopened', 'resubmitted', 'submitted']);
  });
});
