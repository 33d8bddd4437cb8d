import { describe, expect, it } from 'vitest';
import { auditRows, element, indicator, target, useIndicatorsApp } from './indicators.fixtures.js';

describe('POST /api/data-elements/:id/archive (archive-data-element)', () => {
  const ctx = useIndicatorsApp();

  it('refuses to archive an element a target measures through', async () => {
    const db = ctx.database.db;
    const used = await element(db, 'number', 'sum');
    await target(db, { indicatorId: await indicator(db, { measure: 'sum', numerator: used }), scopeUnitId: ctx.tree.s.id, value: 10 });
    const res = await ctx.admin.post(`/api/data-elements/${used}/archive`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'DATA_ELEMENT_IN_USE',
      message: 'Dữ liệu báo cáo đang được dùng cho 1 chỉ tiêu, không thể lưu trữ hoặc xóa.',
    });
    expect(await auditRows(ctx.database, used)).toEqual([]);
    const list = await ctx.admin.get('/api/data-elements');
    expect(list.json().items.map((e: { id: string }) => e.id)).toContain(used);
  });

  it('archives an unused element (audited), hides it from the list, and refuses a second time', async () => {
    const free = await element(ctx.database.db, 'boolean', 'any');
    const res = await ctx.officerS.post(`/api/data-elements/${free}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json().archivedAt).toEqual(expect.any(String));
    expect(await auditRows(ctx.database, free)).toMatchObject([{ action: 'data_element.archive' }]);
    expect((await ctx.admin.get('/api/data-elements')).json().items.map((e: { id: string }) => e.id)).not.toContain(free);
    expect((await ctx.admin.get('/api/data-elements?includeArchived=true')).json().items.map((e: { id: string }) => e.id)).toContain(free);
    expect((await ctx.admin.post(`/api/data-elements/${free}/archive`)).json().error.code).toBe('DATA_ELEMENT_ALREADY_ARCHIVED');
  });

  it('is refused to a viewer; an unknown id is 404', async () => {
    const el = await element(ctx.database.db, 'number', 'last');
    expect((await ctx.viewerS.post(`/api/data-elements/${el}/archive`)).statusCode).toBe(403);
    expect((await ctx.admin.post('/api/data-elements/00000000-0000-4000-8000-000000000000/archive')).statusCode).toBe(404);
  });

  it('refuses to archive an element a derived element adds, until that one is archived', async () => {
    const workers = await element(ctx.database.db, 'number', 'last');
    const derived = await ctx.admin.post('/api/data-elements', {
      code: 'dv_va_cnvcld_luu_tru',
      nameVi: 'Số đoàn viên, CNVCLĐ',
      nameEn: 'Members and workers',
      valueType: 'number',
      aggregation: 'last',
      derivedFrom: 'active_members',
      derivedAddendElementId: workers,
    });
    expect(derived.statusCode).toBe(201);
    const refused = await ctx.admin.post(`/api/data-elements/${workers}/archive`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'DATA_ELEMENT_ADDEND_IN_USE',
      message: 'Dữ liệu báo cáo đang được cộng vào 1 dữ liệu tính từ sổ đoàn viên, không thể lưu trữ.',
    });
    expect(await auditRows(ctx.database, workers)).toEqual([]);
    expect((await ctx.admin.post(`/api/data-elements/${derived.json().id}/archive`)).statusCode).toBe(200);
    expect((await ctx.admin.post(`/api/data-elements/${workers}/archive`)).statusCode).toBe(200);
  });
});
