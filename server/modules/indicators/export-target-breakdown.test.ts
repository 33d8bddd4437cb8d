import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCount, auditRows, element, fact, indicator, program, target, useIndicatorsApp } from './indicators.fixtures.js';

async function readSheet(buffer: Buffer | ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

describe('GET /api/targets/:id/breakdown.xlsx', () => {
  const ctx = useIndicatorsApp();
  let share: string;

  beforeAll(async () => {
    const db = ctx.database.db;
    const { s, g1, g2, g3 } = ctx.tree;
    const yes = await element(db, 'boolean', 'any');
    share = await target(db, {
      indicatorId: await indicator(db, { measure: 'share_of_units', condition: { elementId: yes, operator: 'is_true' } }),
      scopeUnitId: s.id,
      value: 100,
      programId: await program(db, s.id),
    });
    await fact(db, g1.id, yes, '2024-05', { b: true });
    await fact(db, g2.id, yes, '2024-05', { b: false });
    await fact(db, g3.id, yes, '2024-05', { na: true });
  });

  it('exports a row per unit under Vietnamese headers, titled with the target and the as-of date, and audits it', async () => {
    const res = await ctx.viewerS.get(`/api/targets/${share}/breakdown.xlsx?asOf=2024-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="Chi-tieu-31-12-2024\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Chỉ tiêu 31-12-2024.xlsx');

    const { sheet, rows } = await readSheet(res.rawPayload);
    expect(rows[0]![0]).toBe('Chỉ tiêu thử');
    expect(rows[1]![0]).toBe('Số liệu tính đến ngày 31/12/2024');
    expect(rows[2]).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Tình trạng số liệu',
      'Giá trị',
      'Tử số',
      'Mẫu số',
      'Đạt điều kiện',
      'Số tháng tính',
      'Chỉ tiêu được giao',
      'Đánh giá',
      'Xếp loại',
    ]);
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    // The same units as the breakdown: G1..G7 (G6 for its months under S).
    const breakdown = (await ctx.viewerS.get(`/api/targets/${share}/breakdown?asOf=2024-12-31`)).json();
    const data = rows.slice(3);
    expect(data).toHaveLength(breakdown.units.length);
    expect(data.map((r) => r[1])).toEqual(breakdown.units.map((u: { unitName: string }) => u.unitName));
    const g1 = data.find((r) => r[1] === 'G1')!;
    expect(g1[2]).toBe('Đã báo cáo');
    expect(g1[6]).toBe('Có');
    // Each unit judged against its own target (a share of units: met → achieved).
    expect(g1[9]).toBe('Đã đạt');
    expect(data.find((r) => r[1] === 'G3')![2]).toBe('Không áp dụng');
    expect(data.find((r) => r[1] === 'G4')![2]).toBe('Chưa có số liệu');
    // Figures are number cells, grouped ("1.165" in a Vietnamese Excel), whole numbers without a dangling decimal mark.
    const numberCells = data
      .flatMap((_, i) => [4, 5, 6, 8, 9].map((col) => sheet.getRow(4 + i).getCell(col)))
      .filter((c) => c.value !== null && c.value !== '');
    expect(numberCells.length).toBeGreaterThan(0);
    for (const cell of numberCells) {
      expect(typeof cell.value).toBe('number');
      if (Number.isInteger(cell.value)) expect(cell.numFmt).toBe('#,##0');
      else expect(cell.numFmt).toMatch(/^#,##0\.0{1,2}$/);
    }

    const logged = await auditRows(ctx.database, share);
    expect(logged.filter((a) => a.action === 'target.export')).toHaveLength(1);
    expect(logged.find((a) => a.action === 'target.export')).toMatchObject({
      entityType: 'target',
      unitId: ctx.tree.s.id,
      after: { asOf: '2024-12-31', rowCount: breakdown.units.length },
    });
  });

  it('refuses a caller of a sibling scope (403), as an unknown id, and writes no audit entry', async () => {
    const before = await auditCount(ctx.database);
    expect((await ctx.officerO.get(`/api/targets/${share}/breakdown.xlsx`)).statusCode).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await ctx.officerO.get(`/api/targets/${unknown}/breakdown.xlsx`)).statusCode).toBe(403);
    expect((await ctx.admin.get(`/api/targets/${unknown}/breakdown.xlsx`)).statusCode).toBe(404);
    expect((await ctx.admin.get(`/api/targets/${share}/breakdown.xlsx?asOf=2024-13-40`)).statusCode).toBe(400);
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it('documents the file as binary in the OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    const op = res.json().paths['/api/targets/{id}/breakdown.xlsx'].get;
    expect(op.responses['200'].content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
  });
});
