import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reports } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { computeTargets } from '../indicators/compute-targets.js';
import { createDataElement } from '../indicators/create-data-element.js';
import { createIndicator } from '../indicators/create-indicator.js';
import { createTarget } from '../indicators/create-target.js';
import { CreateDataElementBody, CreateIndicatorBody, CreateTargetBody } from '../indicators/schemas.js';
import { admitMember } from '../members/admit-member.js';
import { AdmitMemberBody } from '../members/schemas.js';
import { approveReport } from './approve-report.js';
import { getReport } from './get-report.js';
import { failure, useReportingWorld } from './reports.fixtures.js';
import { returnReport } from './return-report.js';
import { saveReportDraft } from './save-report-draft.js';
import { submitReport } from './submit-report.js';

describe('the report workflow', () => {
  const ctx = useReportingWorld();
  const trainedValue = async (counting: 'submitted' | 'approved' = 'submitted') => {
    const [row] = await computeTargets(ctx.database.db, { targetIds: [ctx.world.targets.trained] }, '2024-12-31', sql`true`, counting);
    return row!.value;
  };
  const version = async (id: string) => (await ctx.database.db.select().from(reports).where(eq(reports.id, id)))[0]!.rowVersion;
  const factCount = async (reportId: string) =>
    Number(
      (await queryRows<{ n: string }>(ctx.database.db, sql`select count(*) as n from facts where report_id = ${reportId}::uuid`))[0]!.n,
    );

  it('builds the form from the program: task groups, derived figures read-only, bounds, allowed actions', async () => {
    const { db } = ctx.database;
    const march = ctx.world.period('monthly', 3);
    const form = await getReport(db, ctx.actors.chairG1, { periodId: march.id, unitId: ctx.world.tree.g1.id });
    expect(form.report).toBeNull();
    expect(form.state).toBe('not_started');
    // Every task group of the program has its section (a narrative box); the figures are in groups 1 and 2.
    expect(form.sections.map((s) => s.taskGroupNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(form.sections.filter((s) => s.fields.length > 0).map((s) => s.taskGroupNumber)).toEqual([1, 2]);
    const fields = form.sections.flatMap((s) => s.fields);
    const trained = fields.find((f) => f.dataElementId === ctx.world.elements.trained)!;
    expect(trained).toMatchObject({ editable: true, wholeNumber: true, upperBound: 20 });
    expect(fields.find((f) => f.dataElementId === ctx.world.elements.grade)).toBeUndefined(); // asked in the year report only
    expect(form.allowedActions).toMatchObject({ edit: true, submit: false, approve: false });
    const officerView = await getReport(db, ctx.actors.officerS, { periodId: march.id, unitId: ctx.world.tree.g1.id });
    expect(officerView.allowedActions.edit).toBe(false);
    const year = await getReport(db, ctx.actors.chairG1, { periodId: ctx.world.period('year', 11).id, unitId: ctx.world.tree.g1.id });
    expect(year.sections.flatMap((s) => s.fields).map((f) => f.dataElementId)).toEqual([ctx.world.elements.grade]);
  });

  it('refuses an invalid submission listing every field, and writes nothing', async () => {
    const { db } = ctx.database;
    const period = ctx.world.period('monthly', 1);
    const unitId = ctx.world.tree.g1.id;
    // A value above the bound (members: 20) is refused on save too.
    const above = await failure(
      saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
        values: [{ dataElementId: ctx.world.elements.trained, number: 30, notApplicable: false }],
        narratives: {},
        expectedVersion: null,
      }),
    );
    expect(above.fields.map((f) => [f.messageKey, f.params])).toEqual([['reports.valueAboveBound', { max: 20, bound: 'Số đoàn viên' }]]);
    const bad = await failure(
      saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
        values: [
          { dataElementId: ctx.world.elements.trained, number: 2.5, notApplicable: false },
          { dataElementId: ctx.world.elements.held, notApplicable: true },
        ],
        narratives: {},
        expectedVersion: null,
      }),
    );
    expect(bad.code).toBe('REPORT_VALUES_INVALID');
    expect(bad.fields.map((f) => [f.field, f.messageKey]).sort()).toEqual(
      [
        [`values.${ctx.world.elements.held}`, 'reports.valueNotApplicableReason'],
        [`values.${ctx.world.elements.trained}`, 'reports.valueWholeNumber'],
      ].sort(),
    );
    expect(await db.select().from(reports).where(eq(reports.unitId, unitId))).toHaveLength(0);
    // A draft with one field left empty saves, but does not submit.
    const { id } = await saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
      values: [{ dataElementId: ctx.world.elements.trained, number: 15, notApplicable: false }],
      narratives: { '1': 'Tập huấn' },
      expectedVersion: null,
    });
    const refused = await failure(submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await version(id) }));
    expect(refused.code).toBe('REPORT_VALUES_INVALID');
    expect(refused.fields.map((f) => [f.field, f.messageKey])).toEqual([[`values.${ctx.world.elements.held}`, 'reports.valueRequired']]);
    expect(await factCount(id)).toBe(0);
    expect((await db.select().from(reports).where(eq(reports.id, id)))[0]!.status).toBe('draft');
  });

  it('counts a submitted report at once, stops counting when returned, counts again when resubmitted', async () => {
    const { db } = ctx.database;
    const period = ctx.world.period('monthly', 2);
    const unitId = ctx.world.tree.g1.id;
    const before = await trainedValue();
    const { id } = await saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
      values: [
        { dataElementId: ctx.world.elements.trained, number: 7, notApplicable: false },
        { dataElementId: ctx.world.elements.held, bool: true, notApplicable: false },
      ],
      narratives: {},
      expectedVersion: null,
    });
    await submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await version(id) }, new Date('2024-02-25T16:59:00Z'));
    expect(await trainedValue()).toBe((before ?? 0) + 7);
    expect(await trainedValue('approved')).toBe(before);
    const submitted = await getReport(db, ctx.actors.officerS, { id });
    expect(submitted.state).toBe('submitted_on_time');
    expect(submitted.allowedActions).toMatchObject({ return: true, approve: true, edit: false });
    // Twice for one period: refused.
    expect((await failure(submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await version(id) }))).code).toBe(
      'REPORT_ALREADY_SUBMITTED',
    );
    await returnReport(db, ctx.actors.officerS, id, {
      expectedVersion: await version(id),
      comment: 'Xem lại số tập huấn',
      fieldComments: { [ctx.world.elements.trained]: 'Số này quá cao' },
    });
    expect(await trainedValue()).toBe(before);
    expect(await factCount(id)).toBe(0);
    await saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
      values: [
        { dataElementId: ctx.world.elements.trained, number: 5, notApplicable: false },
        { dataElementId: ctx.world.elements.held, bool: true, notApplicable: false },
      ],
      narratives: {},
      expectedVersion: await version(id),
    });
    await submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await version(id) }, new Date('2024-03-01T02:00:00Z'));
    expect(await trainedValue()).toBe((before ?? 0) + 5);
    const resubmitted = await getReport(db, ctx.actors.officerS, { id });
    expect(resubmitted.state).toBe('submitted_on_time'); // judged on the first submission
    // (the submissions are dated in 2024 here, the other steps today)
    expect(resubmitted.history.map((h) => h.action).sort()).toEqual(['created', 'resubmitted', 'returned', 'submitted']);
    await approveReport(db, ctx.actors.officerS, id, { expectedVersion: await version(id) });
    expect(await trainedValue('approved')).toBe((before ?? 0) + 5);
  });

  it('judges the first submission at 00:01 UTC+7 after the deadline as late', async () => {
    const { db } = ctx.database;
    const period = ctx.world.period('monthly', 4);
    const { id } = await saveReportDraft(db, ctx.actors.chairG2, period.id, ctx.world.tree.g2.id, {
      values: [
        { dataElementId: ctx.world.elements.trained, number: 1, notApplicable: false },
        { dataElementId: ctx.world.elements.held, bool: false, notApplicable: false },
      ],
      narratives: {},
      expectedVersion: null,
    });
    await submitReport(db, ctx.actors.chairG2, id, { expectedVersion: await version(id) }, new Date('2024-04-25T17:01:00Z'));
    expect((await getReport(db, ctx.actors.officerS, { id })).state).toBe('submitted_late');
  });

  it('serves the form, the due list and the counting switch over HTTP', async () => {
    const { chairG1, officerS } = ctx.clients;
    const due = await chairG1.get('/api/reports/due');
    expect(due.statusCode).toBe(200);
    const items = due.json() as { unit: { id: string }; state: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.unit.id === ctx.world.tree.g1.id && i.state !== 'approved')).toBe(true);
    const july = ctx.world.period('monthly', 7);
    const form = await chairG1.get(`/api/report-periods/${july.id}/units/${ctx.world.tree.g1.id}/report`);
    expect(form.statusCode).toBe(200);
    expect(form.json().id).toBeNull();
    const saved = await chairG1.put(`/api/report-periods/${july.id}/units/${ctx.world.tree.g1.id}/report`, {
      values: [{ dataElementId: ctx.world.elements.trained, number: -1, notApplicable: false }],
      expectedVersion: null,
    });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().error.code).toBe('REPORT_VALUES_INVALID');
    const progress = await officerS.get(`/api/targets/progress?programId=${ctx.world.programId}&asOf=2024-12-31&counting=approved`);
    expect(progress.statusCode).toBe(200);
    const schedule = await officerS.get(`/api/programs/${ctx.world.programId}/report-schedule`);
    expect(schedule.statusCode).toBe(200);
    expect(schedule.json().periods).toHaveLength(14);
  });

  it('bounds people reached by members and workers: the registry at month end plus the workers typed in the same report', async () => {
    const { db } = ctx.database;
    const unitId = ctx.world.tree.g3.id;
    // Workers who are not members (reported), members and workers (registry + workers), people reached (≤ the latter).
    const workers = await createDataElement(
      db,
      SYSTEM_ACTOR,
      CreateDataElementBody.parse({
        code: 'b_workers',
        nameVi: 'CNVCLĐ chưa là đoàn viên',
        nameEn: 'Workers',
        valueType: 'number',
        aggregation: 'last',
        wholeNumber: true,
      }),
    );
    const both = await createDataElement(
      db,
      SYSTEM_ACTOR,
      CreateDataElementBody.parse({
        code: 'b_members_workers',
        nameVi: 'Đoàn viên và CNVCLĐ',
        nameEn: 'Members and workers',
        valueType: 'number',
        aggregation: 'last',
        derivedFrom: 'active_members',
        derivedAddendElementId: workers.id,
      }),
    );
    const reached = await createDataElement(
      db,
      SYSTEM_ACTOR,
      CreateDataElementBody.parse({
        code: 'b_reached',
        nameVi: 'Được tuyên truyền',
        nameEn: 'Reached',
        valueType: 'number',
        aggregation: 'last',
        wholeNumber: true,
        upperBoundElementId: both.id,
        helpVi: 'Mỗi người chỉ tính một lần.',
      }),
    );
    const rate = await createIndicator(
      db,
      SYSTEM_ACTOR,
      CreateIndicatorBody.parse({
        code: 'b_reach_rate',
        nameVi: 'Tỷ lệ được tuyên truyền',
        nameEn: 'Reach rate',
        measure: 'ratio_of_sums',
        unitOfMeasure: 'percent',
        numeratorElementId: reached.id,
        denominatorElementId: both.id,
        bounded: true,
      }),
    );
    await createTarget(
      db,
      SYSTEM_ACTOR,
      CreateTargetBody.parse({
        indicatorId: rate.id,
        programId: ctx.world.programId,
        text: 'Có 96% đoàn viên, CNVCLĐ được tuyên truyền',
        comparator: 'gte',
        value: 96,
        periodFrom: '2024-01',
        periodTo: '2024-12',
        scopeUnitId: ctx.world.tree.s.id,
        sortOrder: 5,
        taskGroupNumber: 3,
      }),
    );
    // Three members in G3 by the end of October (the registry), none of them reported anywhere yet.
    for (const [i, name] of ['Lê Văn An', 'Trần Thị Bình', 'Phạm Văn Cường'].entries())
      await admitMember(
        db,
        SYSTEM_ACTOR,
        AdmitMemberBody.parse({
          fullName: name,
          gender: i === 1 ? 'female' : 'male',
          birthDate: '1990-01-0' + String(i + 1),
          citizenId: `09199900010${i}`,
          unitId,
          admittedOn: '2024-10-0' + String(i + 1),
        }),
      );
    const october = ctx.world.period('monthly', 10);
    const form = await getReport(db, SYSTEM_ACTOR, { periodId: october.id, unitId });
    const section = form.sections.find((x) => x.taskGroupNumber === 3)!;
    const field = section.fields.find((f) => f.dataElementId === reached.id)!;
    expect(field).toMatchObject({
      help: 'Mỗi người chỉ tính một lần.',
      upperBound: 3,
      upperBoundAddend: { dataElementId: workers.id, base: 3 },
    });
    const value = (id: string, n: number) => ({ dataElementId: id, number: n, notApplicable: false });
    // 5 reached with 2 workers typed beside: 3 + 2 = 5 is the bound; 6 is refused against the field.
    const refused = await failure(
      saveReportDraft(db, SYSTEM_ACTOR, october.id, unitId, {
        values: [value(workers.id, 2), value(reached.id, 6)],
        narratives: {},
        expectedVersion: null,
      }),
    );
    expect(refused.code).toBe('REPORT_VALUES_INVALID');
    expect(refused.fields).toEqual([
      { field: `values.${reached.id}`, messageKey: 'reports.valueAboveBound', params: { max: 5, bound: 'Đoàn viên và CNVCLĐ' } },
    ]);
    const saved = await saveReportDraft(db, SYSTEM_ACTOR, october.id, unitId, {
      values: [value(workers.id, 2), value(reached.id, 5)],
      narratives: { '3': 'Tuyên truyền Bộ luật Lao động cho toàn thể đoàn viên.' },
      expectedVersion: null,
    });
    const again = await getReport(db, SYSTEM_ACTOR, { id: saved.id });
    expect(again.sections.find((x) => x.taskGroupNumber === 3)!.fields.find((f) => f.dataElementId === reached.id)!.upperBound).toBe(5);
  });
});
