// The leader's matrix (units × targets) and a unit's own targets on the demo
// data, through the API: who lags, the chair's own row only, the XLSX read back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/app.js';
import { useDemoApp } from '../programs/demo.fixtures.js';

const AS_OF = '2024-11-30';

interface MatrixJson {
  targets: Array<{ targetId: string; code: string | null; departures: number | null; netChange: number | null; value: number | null }>;
  units: Array<{
    unitId: string;
    unitCode: string;
    unitName: string;
    lagging: number;
    noData: number;
    cells: Array<{ targetId: string; status: string | null; basis: string; grade: string | null; ownTarget: number | null }>;
  }>;
}

describe('the leader sees who lags across targets (GET /api/targets/matrix)', () => {
  const ctx = useDemoApp();

  it('lists the units of the district × the program targets, those missing most targets first', async () => {
    const leader = await signInAs(ctx.app, 'lanhdao.vt', 'Demo@2024');
    const res = await leader.get(`/api/targets/matrix?programId=${ctx.programId}&asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    const m = res.json() as MatrixJson;
    expect(m.targets.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7a', '7b', '8', '9', '10']);
    expect(m.units.length).toBeGreaterThan(10);
    const lagging = m.units.map((u) => u.lagging);
    expect([...lagging].sort((a, b) => b - a)).toEqual(lagging);
    expect(lagging[0]).toBeGreaterThan(0);
    // A grade target (5: classified "hoàn thành tốt" or better) shows each reporting unit's grade.
    const five = m.targets.find((t) => t.code === '5')!.targetId;
    const graded = m.units.flatMap((u) => u.cells.filter((c) => c.targetId === five && c.grade !== null));
    expect(graded.length).toBeGreaterThan(0);
    // The allocated share of 7a is the unit's own target.
    const sevenA = m.targets.find((t) => t.code === '7a')!;
    expect(m.units.some((u) => u.cells.some((c) => c.targetId === sevenA.targetId && c.basis === 'allocated'))).toBe(true);
    // 7a shows the net change beside the admissions.
    expect(sevenA.departures).not.toBeNull();
    expect(sevenA.netChange).toBe(sevenA.value! - sevenA.departures!);
  });

  it('filters by status and exports the same rows to XLSX', async () => {
    const leader = await signInAs(ctx.app, 'lanhdao.vt', 'Demo@2024');
    const all = (await leader.get(`/api/targets/matrix?programId=${ctx.programId}&asOf=${AS_OF}`)).json() as MatrixJson;
    const off = (await leader.get(`/api/targets/matrix?programId=${ctx.programId}&asOf=${AS_OF}&status=off_track`)).json() as MatrixJson;
    expect(off.units.length).toBeGreaterThan(0);
    expect(off.units.length).toBeLessThanOrEqual(all.units.length);
    for (const u of off.units) expect(u.cells.some((c) => c.status === 'off_track')).toBe(true);

    const file = await leader.get(`/api/targets/matrix.xlsx?programId=${ctx.programId}&asOf=${AS_OF}`);
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) names.push(String(row.getCell(2).text));
    });
    expect(names).toEqual(all.units.map((u) => u.unitName));
    expect(String(sheet.getRow(3).getCell(5).text)).toBe('Chỉ tiêu 1');
  });

  it("shows a chair only their own union's row, never a sibling's", async () => {
    const res = await ctx.chair.get(`/api/targets/matrix?programId=${ctx.programId}&asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    const m = res.json() as MatrixJson;
    expect(m.units.map((u) => u.unitId)).toEqual([ctx.unitIds.get('VT10')]);
    const file = await ctx.chair.get(`/api/targets/matrix.xlsx?programId=${ctx.programId}&asOf=${AS_OF}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(4);
  });

  // A chair sees their own union's targets (GET /api/targets/unit-view).
  it('lists each target that applies to the unit with its own value, status and what it owes', async () => {
    const vt10 = ctx.unitIds.get('VT10')!;
    const res = await ctx.chair.get(`/api/targets/unit-view?unitId=${vt10}&programId=${ctx.programId}&asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      unitName: string;
      items: Array<{
        target: { code: string; targetValue: number };
        own: { basis: string; ownTarget: number | null; status: string | null };
      }>;
    };
    expect(body.unitName).toBeTruthy();
    expect(body.items.length).toBeGreaterThan(5);
    const one = body.items.find((i) => i.target.code === '1')!;
    expect(one.own).toMatchObject({ basis: 'inherited', ownTarget: one.target.targetValue });
  });

  it("refuses a sibling's unit", async () => {
    const res = await ctx.chair.get(`/api/targets/unit-view?unitId=${ctx.unitIds.get('VT11')}&programId=${ctx.programId}&asOf=${AS_OF}`);
    expect(res.statusCode).toBe(403);
  });

  // What each role may do with the district's program (issue 10 item 10): the buttons the web shows.
  it("gives each caller the actions the write policies allow on the district's program", async () => {
    const actions = async (client: typeof ctx.chair) =>
      ((await client.get(`/api/programs/${ctx.programId}`)).json() as { allowedActions: string[] }).allowedActions;
    expect(await actions(ctx.chair)).toEqual(['derive']);
    expect(await actions(ctx.officer)).toEqual(['amend', 'derive']);
    const leader = await signInAs(ctx.app, 'lanhdao.vt', 'Demo@2024');
    expect(await actions(leader)).toEqual([]);
    const list = (await ctx.chair.get('/api/programs?year=2024')).json() as { items: Array<{ id: string; allowedActions: string[] }> };
    expect(list.items.find((p) => p.id === ctx.programId)!.allowedActions).toEqual(['derive']);
    // The chair may not amend it: the write refuses what the button hides.
    expect((await ctx.chair.post(`/api/programs/${ctx.programId}/amend`, { reason: 'Thử' })).statusCode).toBe(403);
  });
});
