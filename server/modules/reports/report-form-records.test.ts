import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityRecords } from '../../db/schema/activities.js';
import { dataElements, reportValues, targets } from '../../db/schema/index.js';
import { refreshActivityFacts, refreshAllActivityFacts } from '../activities/activity-facts.js';
import { indicator, target } from '../indicators/indicators.fixtures.js';
import { getReport } from './get-report.js';
import { failure, monthlyValues, reportVersion, useReportingWorld, workflowState } from './reports.fixtures.js';
import { saveReportDraft } from './save-report-draft.js';
import { submitReport } from './submit-report.js';

// Reports pre-filled from activity records (docs/activities.md "Reports
// pre-filled"): a figure derived from records is shown read-only with its
// value over the report's months and the dates of the records behind it; a
// value typed for any derived figure is refused (REPORT_VALUE_DERIVED).

describe('report form: figures from activity records', () => {
  const ctx = useReportingWorld();
  let reached: string;

  beforeAll(async () => {
    const db = ctx.database.db;
    const [el] = await db
      .insert(dataElements)
      .values({
        code: 'nguoi_duoc_tuyen_truyen',
        nameVi: 'Số người được tuyên truyền, tập huấn',
        nameEn: 'People reached',
        valueType: 'number',
        aggregation: 'sum',
        derivedFrom: 'training_reached',
      })
      .returning();
    reached = el!.id;
    const t = await target(db, {
      indicatorId: await indicator(db, { measure: 'sum', numerator: reached }),
      scopeUnitId: ctx.world.tree.s.id,
      value: 1000,
      programId: ctx.world.programId,
      sortOrder: 4,
    });
    await db.update(targets).set({ taskGroupNumber: 1 }).where(eq(targets.id, t));
    await refreshAllActivityFacts(db);
    const g1 = ctx.world.tree.g1.id;
    const training = (occurredOn: string, membersReached: number, workersReached: number) => ({
      kind: 'training',
      unitId: g1,
      occurredOn,
      title: 'Tập huấn pháp luật lao động',
      details: { topic: 'labour_law', form: 'in_person', membersReached, workersReached },
    });
    await db.insert(activityRecords).values([training('2024-03-05', 15, 5), training('2024-03-28', 4, 0), training('2024-05-10', 30, 0)]);
    await refreshActivityFacts(db, [g1]);
  });

  const field = async (kind: string, month: number, elementId: string) => {
    const form = await getReport(ctx.database.db, ctx.actors.chairG1, {
      periodId: ctx.world.period(kind, month).id,
      unitId: ctx.world.tree.g1.id,
    });
    return form.sections.flatMap((s) => s.fields).find((f) => f.dataElementId === elementId)!;
  };

  it('shows the figure read-only over the report’s months, with the dates of the records behind it; registry figures keep their mark', async () => {
    expect(await field('monthly', 3, reached)).toMatchObject({
      derived: true,
      editable: false,
      derivedFrom: 'training_reached',
      records: { from: '2024-03-01', to: '2024-03-31' },
      value: { number: 24, notApplicable: false },
    });
    expect((await field('monthly', 4, reached)).value).toMatchObject({ number: 0 }); // counted: none that month
    // The half year: January to June.
    expect(await field('half_year', 6, reached)).toMatchObject({
      records: { from: '2024-01-01', to: '2024-06-30' },
      value: { number: 54 },
    });
    // Members at month end (the bound of trained members) are not in the form; a registry figure has no records link.
    const form = await getReport(ctx.database.db, ctx.actors.chairG1, {
      periodId: ctx.world.period('monthly', 3).id,
      unitId: ctx.world.tree.g1.id,
    });
    for (const f of form.sections.flatMap((s) => s.fields).filter((f) => f.derived && f.derivedFrom !== 'training_reached'))
      expect(f.records).toBeNull();
    const view = await ctx.clients.chairG1.get(
      `/api/report-periods/${ctx.world.period('monthly', 3).id}/units/${ctx.world.tree.g1.id}/report`,
    );
    expect(view.statusCode).toBe(200);
    const wire = (view.json().sections as { fields: { dataElementId: string }[] }[])
      .flatMap((s) => s.fields)
      .find((f) => f.dataElementId === reached);
    expect(wire).toMatchObject({ derived: true, derivedFrom: 'training_reached', records: { from: '2024-03-01', to: '2024-03-31' } });
  });

  it('refuses a value typed for a derived figure, on save and on submit, in Vietnamese, writing nothing', async () => {
    const db = ctx.database.db;
    const period = ctx.world.period('monthly', 2);
    const unitId = ctx.world.tree.g1.id;
    const before = await workflowState(db);
    const res = await ctx.clients.chairG1.put(`/api/report-periods/${period.id}/units/${unitId}/report`, {
      values: [...monthlyValues(ctx.world, 5), { dataElementId: reached, number: 99, notApplicable: false }],
      narratives: {},
      expectedVersion: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'REPORT_VALUE_DERIVED',
      message:
        'Không nhập tay được “Số người được tuyên truyền, tập huấn”: số liệu này tính từ hồ sơ hoạt động hoặc sổ đoàn viên. Hãy thêm hoặc sửa hồ sơ để số liệu thay đổi.',
      fields: [{ field: `values.${reached}`, message: 'Số liệu tính từ hồ sơ, không nhập tay; hãy thêm hoặc sửa hồ sơ.' }],
    });
    expect(await workflowState(db)).toEqual(before);

    // A value stored for it some other way is refused at submission too.
    const { id } = await saveReportDraft(db, ctx.actors.chairG1, period.id, unitId, {
      values: monthlyValues(ctx.world, 5),
      narratives: {},
      expectedVersion: null,
    });
    await db.insert(reportValues).values({ reportId: id, dataElementId: reached, valueNumber: '99' });
    const refused = await failure(submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await reportVersion(db, id) }));
    expect([refused.code, refused.status]).toEqual(['REPORT_VALUE_DERIVED', 400]);
    await db.delete(reportValues).where(eq(reportValues.dataElementId, reached));
    await submitReport(db, ctx.actors.chairG1, id, { expectedVersion: await reportVersion(db, id) });
    expect((await field('monthly', 2, reached)).value).toMatchObject({ number: 0 });
  });
});
