import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AdmitMemberBody } from '../../../common/api/members.js';
import { auditLog, reportEvents, reportPeriods } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { indicator, target } from '../indicators/indicators.fixtures.js';
import { admitMember } from '../members/admit-member.js';
import { admitBody } from '../members/members.fixtures.js';
import { approveReport } from './approve-report.js';
import { closeReportPeriod } from './close-report-period.js';
import { getReport } from './get-report.js';
import { reopenReport } from './reopen-report.js';
import { failure, monthlyValues, reportVersion, submitMonthly, targetValue, useReportingWorld, workflowState } from './reports.fixtures.js';
import { returnReport } from './return-report.js';
import { saveReportDraft } from './save-report-draft.js';
import { submitReport } from './submit-report.js';

describe('closing a reporting period (khóa sổ)', () => {
  const ctx = useReportingWorld();
  const periodVersion = async (id: string) =>
    (await ctx.database.db.select().from(reportPeriods).where(eq(reportPeriods.id, id)))[0]!.rowVersion;

  it('needs a leader holding the program’s unit and the version read; a closed period is not closed twice', async () => {
    const { db } = ctx.database;
    const july = ctx.world.period('monthly', 7);
    const v = await periodVersion(july.id);
    for (const actor of [ctx.actors.officerS, ctx.actors.chairG1])
      expect((await failure(closeReportPeriod(db, actor, july.id, { expectedVersion: v }))).code).toBe('FORBIDDEN');
    const http = await ctx.clients.officerS.post(`/api/report-periods/${july.id}/close`, { expectedVersion: v });
    expect(http.statusCode).toBe(403);
    expect(http.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    const stale = await failure(closeReportPeriod(db, ctx.actors.leaderS, july.id, { expectedVersion: v + 5 }));
    expect([stale.code, stale.status]).toEqual(['STALE_WRITE', 409]);
    expect(await periodVersion(july.id)).toBe(v);

    const res = await ctx.clients.leaderS.post(`/api/report-periods/${july.id}/close`, { expectedVersion: v });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: july.id, rowVersion: v + 1 });
    expect(res.json().closedAt).not.toBeNull();
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, july.id), eq(auditLog.action, 'report_period.close')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.unitId).toBe(ctx.world.tree.s.id);
    const again = await failure(closeReportPeriod(db, ctx.actors.leaderS, july.id, { expectedVersion: v + 1 }));
    expect(again.code).toBe('REPORT_PERIOD_ALREADY_CLOSED');
  });

  it('no report of a closed period changes, whatever its state, and every report’s history shows the closing', async () => {
    const { db } = ctx.database;
    const { tree } = ctx.world;
    const august = ctx.world.period('monthly', 8);
    // G1 a draft, G2 submitted, G3 approved, G4 returned.
    const { id: draft } = await saveReportDraft(db, ctx.actors.chairG1, august.id, tree.g1.id, {
      values: monthlyValues(ctx.world, 1),
      narratives: {},
      expectedVersion: null,
    });
    const submitted = await submitMonthly(db, ctx.actors.chairG2, ctx.world, { month: 8, unitId: tree.g2.id, trained: 2 });
    const approved = await submitMonthly(db, SYSTEM_ACTOR, ctx.world, { month: 8, unitId: tree.g3.id, trained: 3 });
    await approveReport(db, ctx.actors.officerS, approved, { expectedVersion: await reportVersion(db, approved) });
    const returned = await submitMonthly(db, SYSTEM_ACTOR, ctx.world, { month: 8, unitId: tree.g4.id, trained: 4 });
    await returnReport(db, ctx.actors.officerS, returned, { expectedVersion: await reportVersion(db, returned), comment: 'Xem lại' });

    await closeReportPeriod(db, ctx.actors.leaderS, august.id, { expectedVersion: await periodVersion(august.id) });
    const closedEvents = await db.select().from(reportEvents).where(eq(reportEvents.action, 'period_closed'));
    expect(new Set(closedEvents.map((e) => e.reportId))).toEqual(new Set([draft, submitted, approved, returned]));

    const before = await workflowState(db);
    const v = (id: string) => reportVersion(db, id);
    // Each attempt made as the reader would: with the version just read.
    const attempts = [
      async () =>
        saveReportDraft(db, ctx.actors.chairG1, august.id, tree.g1.id, {
          values: monthlyValues(ctx.world, 9),
          narratives: {},
          expectedVersion: await v(draft),
        }),
      async () => submitReport(db, ctx.actors.chairG1, draft, { expectedVersion: await v(draft) }),
      async () => approveReport(db, ctx.actors.officerS, submitted, { expectedVersion: await v(submitted) }),
      async () => returnReport(db, ctx.actors.officerS, submitted, { expectedVersion: await v(submitted), comment: 'x' }),
      async () => reopenReport(db, ctx.actors.officerS, approved, { expectedVersion: await v(approved), reason: 'Sai' }),
      async () => submitReport(db, SYSTEM_ACTOR, returned, { expectedVersion: await v(returned) }),
      // A unit that has not started cannot start now.
      async () => saveReportDraft(db, SYSTEM_ACTOR, august.id, tree.g7.id, { values: [], narratives: {}, expectedVersion: null }),
    ];
    for (const attempt of attempts) {
      const refused = await failure(attempt());
      expect([refused.code, refused.status]).toEqual(['REPORT_PERIOD_LOCKED', 409]);
    }
    expect(await workflowState(db)).toEqual(before);
    // Over HTTP, with the reason in Vietnamese; the form offers nothing.
    const res = await ctx.clients.chairG1.put(`/api/report-periods/${august.id}/units/${tree.g1.id}/report`, {
      values: [],
      expectedVersion: await v(draft),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Kỳ báo cáo đã khóa sổ: không thay đổi được báo cáo của kỳ này.');
    for (const id of [draft, submitted, approved, returned]) {
      const form = await getReport(db, ctx.actors.officerS, { id });
      expect(form.locked).toBe(true);
      expect(Object.values(form.allowedActions).some(Boolean)).toBe(false);
    }
  });

  it('freezes the engine’s figures of the period: a later change in the registry does not move them', async () => {
    const { db } = ctx.database;
    const { tree, elements } = ctx.world;
    // A target on members at month end (derived from the registry): G1 and G2 have 20 each every month.
    const sumMembers = await indicator(db, { measure: 'sum', numerator: elements.members });
    const membersTarget = await target(db, { indicatorId: sumMembers, scopeUnitId: tree.s.id, value: 50 });
    const membersOf = async (unitId: string) =>
      Object.fromEntries(
        (
          await queryRows<{ month: string; n: string }>(
            db,
            sql`select to_char(month, 'YYYY-MM') as month, value_number::text as n from facts
                where unit_id = ${unitId}::uuid and data_element_id = ${elements.members}::uuid
                  and month between '2024-08-01' and '2024-11-01' order by month`,
          )
        ).map((r) => [r.month, Number(r.n)]),
      );
    const admit = (admittedOn: string) => admitMember(db, SYSTEM_ACTOR, AdmitMemberBody.parse(admitBody(tree.g3.id, { admittedOn })));

    await admit('2024-03-15');
    // July and August were closed above, before G3 had members: they stay without a figure.
    expect(await membersOf(tree.g3.id)).toEqual({ '2024-09': 1, '2024-10': 1, '2024-11': 1 });
    expect(await targetValue(db, membersTarget, { asOf: '2024-10-31' })).toBe(41);

    const october = ctx.world.period('monthly', 10);
    await closeReportPeriod(db, ctx.actors.leaderS, october.id, { expectedVersion: await periodVersion(october.id) });
    // A member admitted later with an earlier date: the open months follow, October stays as closed.
    await admit('2024-05-10');
    expect(await membersOf(tree.g3.id)).toEqual({ '2024-09': 2, '2024-10': 1, '2024-11': 2 });
    expect(await targetValue(db, membersTarget, { asOf: '2024-10-31' })).toBe(41);
    expect(await targetValue(db, membersTarget, { asOf: '2024-09-30' })).toBe(42);
    expect(await targetValue(db, membersTarget, { asOf: '2024-11-30' })).toBe(42);
  });

  it('freezes counts of records too: the figure as of a closed month counts only what was recorded before closing', async () => {
    const { db } = ctx.database;
    const { tree } = ctx.world;
    const admissions = await indicator(db, { measure: 'count_of_records', recordSource: 'member_admitted' });
    const admissionsTarget = await target(db, { indicatorId: admissions, scopeUnitId: tree.s.id, value: 10 });
    const admit = (admittedOn: string) => admitMember(db, SYSTEM_ACTOR, AdmitMemberBody.parse(admitBody(tree.g2.id, { admittedOn })));
    const september = ctx.world.period('monthly', 9);
    if (
      !(
        await queryRows<{ c: boolean }>(db, sql`select closed_at is not null as c from report_periods where id = ${september.id}::uuid`)
      )[0]!.c
    )
      await closeReportPeriod(db, ctx.actors.leaderS, september.id, { expectedVersion: await periodVersion(september.id) });
    const asOfSeptember = await targetValue(db, admissionsTarget, { asOf: '2024-09-30' });
    const asOfNovember = await targetValue(db, admissionsTarget, { asOf: '2024-11-30' });

    // Recorded after the closing, dated inside and before the closed month: September's figure stays.
    await admit('2024-09-12');
    await admit('2024-04-02');
    expect(await targetValue(db, admissionsTarget, { asOf: '2024-09-30' })).toBe(asOfSeptember);
    // The open months after it count them.
    expect(await targetValue(db, admissionsTarget, { asOf: '2024-11-30' })).toBe(asOfNovember! + 2);
  });
});
