import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../common/i18n/index.js';
import { reports } from '../../db/schema/index.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { getReport } from './get-report.js';
import { failure, monthlyValues, reportVersion, useReportingWorld, workflowState } from './reports.fixtures.js';
import { saveReportDraft } from './save-report-draft.js';

describe('saving a report draft: bad input', () => {
  const ctx = useReportingWorld();
  const formUrl = (month: number, unitId = ctx.world.tree.g1.id) =>
    `/api/report-periods/${ctx.world.period('monthly', month).id}/units/${unitId}/report`;

  it('refuses invalid values with every problem against its field, in Vietnamese; the saved draft keeps what was typed', async () => {
    const { db } = ctx.database;
    const { elements } = ctx.world;
    const first = await ctx.clients.chairG1.put(formUrl(1), {
      values: [{ dataElementId: elements.trained, number: 12, notApplicable: false }],
      narratives: { '1': 'Đã tập huấn 12 đoàn viên' },
      difficulties: 'Thiếu kinh phí',
      expectedVersion: null,
    });
    expect(first.statusCode).toBe(200);
    const id = first.json().id as string;
    const stored = await workflowState(db);
    const unknownElement = '00000000-0000-4000-8000-000000000001';
    const res = await ctx.clients.chairG1.put(formUrl(1), {
      values: [
        { dataElementId: elements.trained, number: 2.5, notApplicable: false },
        { dataElementId: elements.held, notApplicable: true },
        { dataElementId: unknownElement, number: 1, notApplicable: false },
      ],
      narratives: { '1': 'Sửa lại' },
      expectedVersion: await reportVersion(db, id),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'REPORT_VALUES_INVALID',
      message: 'Báo cáo chưa gửi được: 3 mục chưa đúng hoặc chưa nhập. Xem thông báo bên cạnh từng mục.',
    });
    const fields = res.json().error.fields as { field: string; message: string }[];
    expect(Object.fromEntries(fields.map((f) => [f.field, f.message]))).toEqual({
      [`values.${elements.trained}`]: 'Nhập số nguyên (không có phần thập phân).',
      [`values.${elements.held}`]: 'Ghi rõ lý do không áp dụng.',
      [`values.${unknownElement}`]: 'Mục này không có trong biểu mẫu báo cáo kỳ này.',
    });
    // Negative and above the unit's members (20), each against its field.
    const bounds = await ctx.clients.chairG1.put(formUrl(1), {
      values: [
        { dataElementId: elements.trained, number: 21, notApplicable: false },
        { dataElementId: elements.held, number: -1, notApplicable: false },
      ],
      expectedVersion: await reportVersion(db, id),
    });
    expect(
      Object.fromEntries((bounds.json().error.fields as { field: string; message: string }[]).map((f) => [f.field, f.message])),
    ).toEqual({
      [`values.${elements.trained}`]: 'Không được lớn hơn 20 (Số đoàn viên).',
      [`values.${elements.held}`]: 'Chọn Có hoặc Không.',
    });
    // Nothing written: the draft is as it was saved.
    expect(await workflowState(db)).toEqual(stored);
    const draft = await getReport(db, ctx.actors.chairG1, { id });
    expect(draft.report).toMatchObject({ narratives: { '1': 'Đã tập huấn 12 đoàn viên' }, difficulties: 'Thiếu kinh phí' });
    expect(draft.sections.flatMap((s) => s.fields).find((f) => f.dataElementId === elements.trained)!.value).toMatchObject({ number: 12 });
  });

  it('refuses a unit outside one’s scope and a unit that does not owe the period, writing nothing', async () => {
    const { db } = ctx.database;
    const before = await workflowState(db);
    const body = { values: monthlyValues(ctx.world, 1), narratives: {}, expectedVersion: null };
    const february = ctx.world.period('monthly', 2);
    // G2's chair for G1; an officer of another federation.
    for (const actor of [ctx.actors.chairG2, ctx.actors.officerO])
      expect((await failure(saveReportDraft(db, actor, february.id, ctx.world.tree.g1.id, body))).code).toBe('FORBIDDEN');
    // G5 was founded on 10/07/2024: it owes nothing for February.
    const g5 = await failure(saveReportDraft(db, ctx.actors.chairG5, february.id, ctx.world.tree.g5.id, body));
    expect([g5.code, g5.status]).toEqual(['REPORT_NOT_DUE', 400]);
    expect(translate('vi', `errors.${g5.code}`, g5.params)).toBe('Đơn vị G5 không phải nộp báo cáo kỳ này.');
    // G6 moved to another federation on 01/07: it owes S's program nothing for July.
    const g6 = await failure(saveReportDraft(db, SYSTEM_ACTOR, ctx.world.period('monthly', 7).id, ctx.world.tree.g6.id, body));
    expect(g6.code).toBe('REPORT_NOT_DUE');
    expect(await workflowState(db)).toEqual(before);
  });

  it('one report per unit and period: a second first save is refused with 409, even when both arrive at once', async () => {
    const { db } = ctx.database;
    const march = ctx.world.period('monthly', 3);
    const body = { values: monthlyValues(ctx.world, 2), narratives: {}, expectedVersion: null };
    const first = await saveReportDraft(db, ctx.actors.chairG1, march.id, ctx.world.tree.g1.id, body);
    const again = await ctx.clients.chairG1.put(formUrl(3), body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('STALE_WRITE');
    expect(again.json().error.message).toMatch(/^Chưa lưu: Người grassroots_officer đã sửa dữ liệu này lúc/);
    // Two first saves at once (two tabs, or the browser's offline queue and a click): one report, the other 409.
    const april = ctx.world.period('monthly', 4);
    // Two idle connections in the pool (PostgreSQL), so both saves start at once rather than one waiting for a new connection.
    await Promise.all([1, 2].map(() => db.execute(sql`select pg_sleep(0.05)`)));
    const results = await Promise.allSettled([
      saveReportDraft(db, ctx.actors.chairG1, april.id, ctx.world.tree.g1.id, body),
      saveReportDraft(db, ctx.actors.chairG1, april.id, ctx.world.tree.g1.id, body),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect([lost.reason.code, lost.reason.status]).toEqual(['STALE_WRITE', 409]);
    for (const p of [march, april]) {
      const rows = await db
        .select()
        .from(reports)
        .where(and(eq(reports.periodId, p.id), eq(reports.unitId, ctx.world.tree.g1.id)));
      expect(rows).toHaveLength(1);
    }
    expect(first.id).toBeTruthy();
  });
});
