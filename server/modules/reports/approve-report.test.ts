import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../common/i18n/index.js';
import { auditLog, facts, reportEvents, reports } from '../../db/schema/index.js';
import { approveReport } from './approve-report.js';
import { failure, reportVersion, submitMonthly, targetValue, useReportingWorld, workflowState } from './reports.fixtures.js';
import { returnReport } from './return-report.js';

describe('approving a report', () => {
  const ctx = useReportingWorld();
  const trained = (counting: 'submitted' | 'approved' = 'submitted') =>
    targetValue(ctx.database.db, ctx.world.targets.trained, { counting });

  it('counts a submitted report under "submitted and approved" at once, and under "approved only" once approved', async () => {
    const { db } = ctx.database;
    const before = { submitted: (await trained()) ?? 0, approved: (await trained('approved')) ?? 0 };
    const id = await submitMonthly(db, ctx.actors.chairG1, ctx.world, { month: 8, unitId: ctx.world.tree.g1.id, trained: 4 });
    expect(await trained()).toBe(before.submitted + 4);
    expect((await trained('approved')) ?? 0).toBe(before.approved);

    const at = new Date();
    await approveReport(db, ctx.actors.officerS, id, { expectedVersion: await reportVersion(db, id) }, at);
    expect(await trained()).toBe(before.submitted + 4);
    expect(await trained('approved')).toBe(before.approved + 4);
    const [row] = await db.select().from(reports).where(eq(reports.id, id));
    expect(row).toMatchObject({ status: 'approved', approvedBy: ctx.actors.officerS.userId });
    expect((await db.select().from(facts).where(eq(facts.reportId, id))).every((f) => f.approved)).toBe(true);
    // In the report's history and the audit log, with who and when.
    const events = await db.select().from(reportEvents).where(eq(reportEvents.reportId, id));
    expect(events.map((e) => e.action).sort()).toEqual(['approved', 'created', 'submitted']);
    expect(events.find((e) => e.action === 'approved')).toMatchObject({ actorId: ctx.actors.officerS.userId, at });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'report.approve')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: ctx.actors.officerS.userId, unitId: ctx.world.tree.g1.id, after: { status: 'approved' } });
    // Named as the submission names it (the log shows a name, not an id fragment).
    expect(audit[0]!.entityLabel).toMatch(/ · monthly \d{4}-\d{2}-\d{2}$/);
    // Approved once: a second approval is refused with its reason.
    expect((await failure(approveReport(db, ctx.actors.officerS, id, { expectedVersion: await reportVersion(db, id) }))).code).toBe(
      'REPORT_NOT_SUBMITTED',
    );
  });

  it('is refused to the unit’s chair and to an officer of another federation, changing nothing; a leader of the federation may approve', async () => {
    const { db } = ctx.database;
    const id = await submitMonthly(db, ctx.actors.chairG2, ctx.world, { month: 8, unitId: ctx.world.tree.g2.id, trained: 2 });
    const before = await workflowState(db);
    for (const actor of [ctx.actors.chairG2, ctx.actors.officerO]) {
      const refused = await failure(approveReport(db, actor, id, { expectedVersion: await reportVersion(db, id) }));
      expect(refused.code).toBe('FORBIDDEN');
    }
    expect(await workflowState(db)).toEqual(before);
    await approveReport(db, ctx.actors.leaderS, id, { expectedVersion: await reportVersion(db, id) });
    expect((await db.select().from(reports).where(eq(reports.id, id)))[0]!.status).toBe('approved');
  });

  it('two officers reviewing one report at once: one result stands whole, the other gets 409 in Vietnamese naming the winner', async () => {
    const { db } = ctx.database;
    const id = await submitMonthly(db, ctx.actors.chairG1, ctx.world, { month: 9, unitId: ctx.world.tree.g1.id, trained: 3 });
    const v = await reportVersion(db, id);
    // Idle connections in the pool (PostgreSQL), so both steps start at once rather than one waiting for a new connection.
    await Promise.all([1, 2].map(() => db.execute(sql`select pg_sleep(0.05)`)));
    const results = await Promise.allSettled([
      approveReport(db, ctx.actors.officerS, id, { expectedVersion: v }),
      returnReport(db, ctx.actors.officerS2, id, { expectedVersion: v, comment: 'Thiếu số liệu' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    const error = lost.reason as { code: string; status: number; params: Record<string, string | number> };
    expect([error.code, error.status]).toEqual(['STALE_WRITE', 409]);
    const [row] = await db.select().from(reports).where(eq(reports.id, id));
    expect(row!.rowVersion).toBe(v + 1);
    const winner = row!.status === 'approved' ? 'Trần Thị Văn Phòng' : 'Lê Văn Thứ Hai';
    // The loser's message (as the API sends it): who changed the report, and that what they typed is kept.
    const message = translate('vi', 'errors.STALE_WRITE', error.params);
    expect(message).toContain(winner);
    expect(message).toContain('Nội dung bạn nhập vẫn giữ nguyên');
    // One review step in the history and the audit log; the facts match it (approved, or removed when returned).
    const steps = await db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, id), inArray(reportEvents.action, ['approved', 'returned'])));
    expect(steps.map((s) => s.action)).toEqual([row!.status]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), inArray(auditLog.action, ['report.approve', 'report.return'])));
    expect(audits).toHaveLength(1);
    const rows = await db.select().from(facts).where(eq(facts.reportId, id));
    if (row!.status === 'approved') expect(rows.length === 2 && rows.every((f) => f.approved)).toBe(true);
    else expect(row!.status === 'returned' && rows.length === 0).toBe(true);
    // The loser reloads and tries again: refused with the reason, the winner's result untouched.
    const before = await workflowState(db);
    const retry =
      row!.status === 'approved'
        ? returnReport(db, ctx.actors.officerS2, id, { expectedVersion: v + 1, comment: 'Thiếu số liệu' })
        : approveReport(db, ctx.actors.officerS, id, { expectedVersion: v + 1 });
    expect((await failure(retry)).code).toBe('REPORT_NOT_SUBMITTED');
    expect(await workflowState(db)).toEqual(before);
  });

  it('the same race over HTTP: one 200, one 409 whose message is in Vietnamese', async () => {
    const { db } = ctx.database;
    const id = await submitMonthly(db, ctx.actors.chairG2, ctx.world, { month: 9, unitId: ctx.world.tree.g2.id, trained: 1 });
    const v = await reportVersion(db, id);
    // Idle connections in the pool (PostgreSQL), so both steps start at once rather than one waiting for a new connection.
    await Promise.all([1, 2].map(() => db.execute(sql`select pg_sleep(0.05)`)));
    const [a, b] = await Promise.all([
      ctx.clients.officerS.post(`/api/reports/${id}/approve`, { expectedVersion: v }),
      ctx.clients.officerS2.post(`/api/reports/${id}/return`, { expectedVersion: v, comment: 'Xem lại' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('STALE_WRITE');
    expect(loser.json().error.message).toMatch(/^Chưa lưu: .+ đã sửa dữ liệu này lúc/);
    const winner = a.statusCode === 200 ? a : b;
    expect(winner.json()).toMatchObject({ id, rowVersion: v + 1 });
  });
});
