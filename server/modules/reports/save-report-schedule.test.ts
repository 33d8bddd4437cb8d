import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, reportPeriods, reportSchedules } from '../../db/schema/index.js';
import { closeReportPeriod } from './close-report-period.js';
import { listExpectedReports } from './expected-reports.js';
import { failure, useReportingWorld } from './reports.fixtures.js';
import { saveReportDraft } from './save-report-draft.js';
import { saveReportSchedule } from './save-report-schedule.js';

interface PeriodOut {
  id: string;
  kind: string;
  dataFrom: string;
  dataTo: string;
  dueOn: string;
  factMonth: string;
}

describe('saving a program’s reporting schedule', () => {
  const ctx = useReportingWorld();
  const url = () => `/api/programs/${ctx.world.programId}/report-schedule`;
  const read = async () =>
    (await ctx.clients.officerS.get(url())).json() as {
      saved: boolean;
      rowVersion: number | null;
      unitKinds: string[];
      periods: PeriodOut[];
    };
  const asInput = (periods: PeriodOut[]) => periods.map(({ id, kind, dataFrom, dataTo, dueOn }) => ({ id, kind, dataFrom, dataTo, dueOn }));

  it('starts from the defaults: monthly due the 25th, half-year data to 15 June due 20 June, year data to 15 November due 20 November, grassroots unions', async () => {
    const schedule = await read();
    expect(schedule).toMatchObject({ saved: false, rowVersion: null, unitKinds: ['grassroots_union'] });
    const monthly = schedule.periods.filter((p) => p.kind === 'monthly');
    expect(monthly).toHaveLength(12);
    for (const [i, p] of monthly.entries()) {
      const m = String(i + 1).padStart(2, '0');
      expect(p).toMatchObject({ dataFrom: `2024-${m}-01`, dataTo: `2024-${m}-25`, dueOn: `2024-${m}-25`, factMonth: `2024-${m}-01` });
    }
    expect(schedule.periods.find((p) => p.kind === 'half_year')).toMatchObject({
      dataFrom: '2024-01-01',
      dataTo: '2024-06-15',
      dueOn: '2024-06-20',
      factMonth: '2024-06-01',
    });
    expect(schedule.periods.find((p) => p.kind === 'year')).toMatchObject({
      dataFrom: '2024-01-01',
      dataTo: '2024-11-15',
      dueOn: '2024-11-20',
      factMonth: '2024-11-01',
    });
  });

  it('lists every problem of the periods against its field, in Vietnamese, and saves nothing', async () => {
    const schedule = await read();
    const periods = asInput(schedule.periods);
    const res = await ctx.clients.officerS.put(url(), {
      unitKinds: ['grassroots_union'],
      expectedVersion: null,
      periods: [
        { ...periods[0]!, dataTo: '2023-12-31' }, // cut-off before the start
        { ...periods[1]!, dueOn: '2024-01-31' }, // due before the start
        ...periods.slice(2),
        { kind: 'monthly', dataFrom: '2024-03-01', dataTo: '2024-03-20', dueOn: '2024-03-22' }, // March twice
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { field: 'periods.0.dataTo', message: 'Kỳ báo cáo: ngày bắt đầu phải trước hoặc bằng ngày chốt số liệu.' },
      { field: 'periods.1.dueOn', message: 'Kỳ báo cáo: hạn nộp không được trước ngày bắt đầu kỳ.' },
      { field: 'periods.14.dataFrom', message: 'Có hai kỳ báo cáo cùng loại bắt đầu cùng ngày 01/03/2024.' },
    ]);
    // Shapes the schema refuses: no unit kind, a day that does not exist, an unknown kind.
    const shape = await ctx.clients.officerS.put(url(), {
      unitKinds: [],
      expectedVersion: null,
      periods: [{ kind: 'quarterly', dataFrom: '2024-02-30', dataTo: '2024-03-25', dueOn: '2024-03-25' }],
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.code).toBe('VALIDATION_FAILED');
    const fields = (shape.json().error.fields as { field: string; message: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['periods.0.dataFrom', 'periods.0.kind', 'unitKinds'].sort());
    expect(await read()).toEqual(schedule);
    expect(await ctx.database.db.select().from(reportSchedules)).toHaveLength(0);
  });

  it('is set by an officer of the issuing federation, not by a chair nor a leader', async () => {
    const schedule = await read();
    const body = { unitKinds: ['grassroots_union'], expectedVersion: null, periods: asInput(schedule.periods) };
    for (const actor of [ctx.actors.chairG1, ctx.actors.leaderS, ctx.actors.officerO])
      expect((await failure(saveReportSchedule(ctx.database.db, actor, ctx.world.programId, body as never))).code).toBe('FORBIDDEN');
  });

  it('saves edited deadlines, an added and a removed period and the unit kinds; who owes follows; versioned and audited', async () => {
    const { db } = ctx.database;
    const schedule = await read();
    const march = schedule.periods.find((p) => p.kind === 'monthly' && p.dataFrom === '2024-03-01')!;
    const december = schedule.periods.find((p) => p.kind === 'monthly' && p.dataFrom === '2024-12-01')!;
    const periods = asInput(schedule.periods)
      .filter((p) => p.id !== december.id)
      .map((p) => (p.id === march.id ? { ...p, dueOn: '2024-03-28' } : p));
    periods.push({ kind: 'monthly', dataFrom: '2024-12-01', dataTo: '2024-12-20', dueOn: '2024-12-31' } as never);
    const res = await ctx.clients.officerS.put(url(), { unitKinds: ['grassroots_union', 'section'], expectedVersion: null, periods });
    expect(res.statusCode).toBe(200);
    const saved = res.json() as Awaited<ReturnType<typeof read>>;
    expect(saved).toMatchObject({ saved: true, rowVersion: 1, unitKinds: ['grassroots_union', 'section'] });
    expect(saved.periods).toHaveLength(14);
    expect(saved.periods.find((p) => p.id === march.id)).toMatchObject({ dueOn: '2024-03-28', dataTo: '2024-03-25' });
    expect(saved.periods.some((p) => p.id === december.id)).toBe(false);
    expect(saved.periods.find((p) => p.dataFrom === '2024-12-01')).toMatchObject({
      dataTo: '2024-12-20',
      dueOn: '2024-12-31',
      factMonth: '2024-12-01',
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ctx.world.programId), eq(auditLog.action, 'report_schedule.save')));
    expect(audit).toHaveLength(1);
    // A stale save (the version read before this one) is refused in Vietnamese.
    const stale = await ctx.clients.officerS.put(url(), { unitKinds: ['grassroots_union'], expectedVersion: null, periods });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_WRITE' });
    expect(stale.json().error.message).toMatch(/^Chưa lưu:/);

    // Which units must report: only sections now → no grassroots union of S owes March.
    const only = await ctx.clients.officerS.put(url(), { unitKinds: ['section'], expectedVersion: 1, periods: asInput(saved.periods) });
    expect(only.statusCode).toBe(200);
    expect(await listExpectedReports(db, { periodIds: [march.id] })).toEqual([]);
    const back = await ctx.clients.officerS.put(url(), {
      unitKinds: ['grassroots_union'],
      expectedVersion: 2,
      periods: asInput(saved.periods),
    });
    expect(back.statusCode).toBe(200);
    expect((await listExpectedReports(db, { periodIds: [march.id] })).length).toBeGreaterThan(0);
  });

  it('keeps a closed period as it is and a period with reports in place', async () => {
    const { db } = ctx.database;
    const april = ctx.world.period('monthly', 4);
    const may = ctx.world.period('monthly', 5);
    const [row] = await db.select().from(reportPeriods).where(eq(reportPeriods.id, april.id));
    await closeReportPeriod(db, ctx.actors.leaderS, april.id, { expectedVersion: row!.rowVersion });
    await saveReportDraft(db, ctx.actors.chairG1, may.id, ctx.world.tree.g1.id, { values: [], narratives: {}, expectedVersion: null });
    const schedule = await read();
    const periods = asInput(schedule.periods);
    const moved = await ctx.clients.officerS.put(url(), {
      unitKinds: ['grassroots_union'],
      expectedVersion: schedule.rowVersion,
      periods: periods.map((p) => (p.id === april.id ? { ...p, dueOn: '2024-04-30' } : p)),
    });
    expect(moved.statusCode).toBe(409);
    const i = periods.findIndex((p) => p.id === april.id);
    expect(moved.json().error.fields).toEqual([
      { field: `periods.${i}.dueOn`, message: 'Kỳ báo cáo đã khóa sổ: không thay đổi được báo cáo của kỳ này.' },
    ]);
    const removed = await ctx.clients.officerS.put(url(), {
      unitKinds: ['grassroots_union'],
      expectedVersion: schedule.rowVersion,
      periods: periods.filter((p) => p.id !== may.id),
    });
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error).toMatchObject({
      code: 'REPORT_PERIOD_IN_USE',
      message: 'Kỳ báo cáo đã có báo cáo của đơn vị nên không xóa được.',
    });
    expect(await read()).toEqual(schedule);
  });
});
