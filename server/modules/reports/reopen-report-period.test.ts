import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AdmitMemberBody } from '../../../common/api/members.js';
import { auditLog, reportEvents, reportPeriods, reports } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { admitMember } from '../members/admit-member.js';
import { admitBody } from '../members/members.fixtures.js';
import { closeReportPeriod } from './close-report-period.js';
import { reopenReportPeriod } from './reopen-report-period.js';
import { failure, monthlyValues, reportVersion, submitMonthly, useReportingWorld, workflowState } from './reports.fixtures.js';
import { returnReport } from './return-report.js';
import { saveReportDraft } from './save-report-draft.js';

describe('reopening a closed reporting period', () => {
  const ctx = useReportingWorld();
  const periodVersion = async (id: string) =>
    (await ctx.database.db.select().from(reportPeriods).where(eq(reportPeriods.id, id)))[0]!.rowVersion;
  const close = async (month: number) => {
    const p = ctx.world.period('monthly', month);
    await closeReportPeriod(ctx.database.db, ctx.actors.leaderS, p.id, { expectedVersion: await periodVersion(p.id) });
    return p;
  };

  it('needs a leader, the version read and a reason; an open period is not reopened; a refusal changes nothing', async () => {
    const { db } = ctx.database;
    const open = ctx.world.period('monthly', 2);
    expect(
      (await failure(reopenReportPeriod(db, ctx.actors.leaderS, open.id, { expectedVersion: await periodVersion(open.id), reason: 'x' })))
        .code,
    ).toBe('REPORT_PERIOD_NOT_CLOSED');
    const march = await close(3);
    const v = await periodVersion(march.id);
    const before = await workflowState(db);
    for (const actor of [ctx.actors.officerS, ctx.actors.chairG1])
      expect((await failure(reopenReportPeriod(db, actor, march.id, { expectedVersion: v, reason: 'Bổ sung' }))).code).toBe('FORBIDDEN');
    expect((await failure(reopenReportPeriod(db, ctx.actors.leaderS, march.id, { expectedVersion: v - 1, reason: 'Bổ sung' }))).code).toBe(
      'STALE_WRITE',
    );
    const blank = await failure(reopenReportPeriod(db, ctx.actors.leaderS, march.id, { expectedVersion: v, reason: ' ' }));
    expect([blank.code, blank.fields.map((f) => f.field)]).toEqual(['REPORT_REASON_REQUIRED', ['reason']]);
    const http = await ctx.clients.leaderS.post(`/api/report-periods/${march.id}/reopen`, { expectedVersion: v });
    expect(http.statusCode).toBe(400);
    expect(http.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    expect(await workflowState(db)).toEqual(before);
  });

  it('opens the reports again, with the reason in every report’s history and the audit log', async () => {
    const { db } = ctx.database;
    const april = ctx.world.period('monthly', 4);
    const id = await submitMonthly(db, ctx.actors.chairG1, ctx.world, { month: 4, unitId: ctx.world.tree.g1.id, trained: 3 });
    await close(4);
    const res = await ctx.clients.leaderS.post(`/api/report-periods/${april.id}/reopen`, {
      expectedVersion: await periodVersion(april.id),
      reason: 'Đơn vị xin bổ sung số liệu',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().closedAt).toBeNull();
    const [event] = await db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, id), eq(reportEvents.action, 'period_reopened')));
    expect(event).toMatchObject({ actorId: ctx.actors.leaderS.userId, comment: 'Đơn vị xin bổ sung số liệu' });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, april.id), eq(auditLog.action, 'report_period.reopen')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: ctx.actors.leaderS.userId, after: { closedAt: null, reason: 'Đơn vị xin bổ sung số liệu' } });
    // The Office and the unit may act again.
    await returnReport(db, ctx.actors.officerS, id, { expectedVersion: await reportVersion(db, id), comment: 'Bổ sung' });
    await saveReportDraft(db, ctx.actors.chairG1, april.id, ctx.world.tree.g1.id, {
      values: monthlyValues(ctx.world, 4),
      narratives: {},
      expectedVersion: await reportVersion(db, id),
    });
    expect((await db.select().from(reports).where(eq(reports.id, id)))[0]!.status).toBe('returned');
  });

  it('lets the derived figures of the period follow the registry again', async () => {
    const { db } = ctx.database;
    const g3 = ctx.world.tree.g3.id;
    const september = async () =>
      Number(
        (
          await queryRows<{ n: string }>(
            db,
            sql`select value_number::text as n from facts where unit_id = ${g3}::uuid
                and data_element_id = ${ctx.world.elements.members}::uuid and month = '2024-09-01'`,
          )
        )[0]?.n ?? NaN,
      );
    const admit = (admittedOn: string) => admitMember(db, SYSTEM_ACTOR, AdmitMemberBody.parse(admitBody(g3, { admittedOn })));
    await admit('2024-02-01');
    const p = await close(9);
    await admit('2024-06-01');
    expect(await september()).toBe(1); // frozen while closed
    await reopenReportPeriod(db, ctx.actors.leaderS, p.id, { expectedVersion: await periodVersion(p.id), reason: 'Sửa sổ đoàn viên' });
    expect(await september()).toBe(2);
  });
});
