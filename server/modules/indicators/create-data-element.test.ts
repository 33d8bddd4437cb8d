import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dataElements } from '../../db/schema/indicators.js';
import { auditCount, auditRows, element, useIndicatorsApp } from './indicators.fixtures.js';

describe('POST /api/data-elements (create-data-element)', () => {
  const ctx = useIndicatorsApp();

  it('adds a grade element with its grades, audited, and lists it', async () => {
    const res = await ctx.admin.post('/api/data-elements', {
      code: 'xep_loai_cdcs',
      nameVi: 'Xếp loại CĐCS',
      nameEn: 'Grassroots union classification',
      valueType: 'grade',
      aggregation: 'last',
      gradeOptions: ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'],
    });
    expect(res.statusCode).toBe(201);
    const element = res.json();
    expect(element).toMatchObject({ code: 'xep_loai_cdcs', valueType: 'grade', allowsNotApplicable: false, archivedAt: null });
    expect(await auditRows(ctx.database, element.id)).toMatchObject([{ action: 'data_element.create', entityType: 'data_element' }]);
    const list = await ctx.viewerS.get('/api/data-elements');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { code: string }) => e.code)).toContain('xep_loai_cdcs');
  });

  it('lets a federation officer add one; a viewer may not', async () => {
    const ok = await ctx.officerS.post('/api/data-elements', {
      code: 'so_dv_ket_nap',
      nameVi: 'Số đoàn viên kết nạp mới',
      nameEn: 'Members admitted',
      valueType: 'number',
      aggregation: 'sum',
      allowsNotApplicable: true,
    });
    expect(ok.statusCode).toBe(201);
    const before = await auditCount(ctx.database);
    const refused = await ctx.viewerS.post('/api/data-elements', {
      code: 'khong_duoc',
      nameVi: 'Không được',
      nameEn: 'Refused',
      valueType: 'number',
      aggregation: 'sum',
    });
    expect(refused.statusCode).toBe(403);
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it('refuses shapes that do not fit, in Vietnamese, and changes nothing', async () => {
    const before = await auditCount(ctx.database);
    const base = { nameVi: 'Thử', nameEn: 'Test' };
    const agg = await ctx.admin.post('/api/data-elements', { ...base, code: 'co_khong', valueType: 'boolean', aggregation: 'sum' });
    expect(agg.statusCode).toBe(400);
    expect(agg.json().error).toMatchObject({
      code: 'DATA_ELEMENT_AGGREGATION_MISMATCH',
      fields: [{ field: 'aggregation', message: 'Cách tổng hợp theo thời gian không phù hợp với kiểu dữ liệu.' }],
    });
    const grades = await ctx.admin.post('/api/data-elements', {
      ...base,
      code: 'xl',
      valueType: 'grade',
      aggregation: 'last',
      gradeOptions: ['a'],
    });
    expect(grades.json().error.code).toBe('DATA_ELEMENT_GRADES_REQUIRED');
    const notGrade = await ctx.admin.post('/api/data-elements', {
      ...base,
      code: 'so',
      valueType: 'number',
      aggregation: 'sum',
      gradeOptions: ['a', 'b'],
    });
    expect(notGrade.json().error.code).toBe('DATA_ELEMENT_GRADES_NOT_ALLOWED');
    const taken = await ctx.admin.post('/api/data-elements', { ...base, code: 'xep_loai_cdcs', valueType: 'text', aggregation: 'last' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toEqual([{ field: 'code', message: 'Mã dữ liệu báo cáo đã tồn tại.' }]);
    const format = await ctx.admin.post('/api/data-elements', { ...base, code: 'có dấu', valueType: 'text', aggregation: 'last' });
    expect(format.statusCode).toBe(400);
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it('adds a derived element with an addend (a reported number element), and refuses any other addend in Vietnamese', async () => {
    const db = ctx.database.db;
    const workers = await element(db, 'number', 'last');
    const derived = (code: string, addend: string | null, over: Record<string, unknown> = {}) =>
      ctx.admin.post('/api/data-elements', {
        code,
        nameVi: 'Số đoàn viên, CNVCLĐ',
        nameEn: 'Members and workers',
        valueType: 'number',
        aggregation: 'last',
        derivedFrom: 'active_members',
        derivedAddendElementId: addend,
        ...over,
      });
    const ok = await derived('dv_va_cnvcld', workers);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ derivedFrom: 'active_members', derivedAddendElementId: workers });
    expect(await auditRows(ctx.database, ok.json().id)).toMatchObject([
      { action: 'data_element.create', after: { derivedAddendElementId: workers } },
    ]);
    const without = await derived('dv_khong_cong', null);
    expect(without.json()).toMatchObject({ derivedAddendElementId: null });

    const before = await auditCount(ctx.database);
    const field = async (res: Awaited<ReturnType<typeof derived>>) => {
      expect(res.statusCode).toBe(400);
      return res.json().error;
    };
    // Only a derived element adds one.
    expect(await field(await derived('bao_cao_cong', workers, { derivedFrom: null, aggregation: 'sum' }))).toMatchObject({
      code: 'DATA_ELEMENT_ADDEND_NOT_DERIVED',
      fields: [{ field: 'derivedAddendElementId', message: 'Chỉ số đoàn viên tính từ sổ đoàn viên mới cộng thêm được dữ liệu báo cáo.' }],
    });
    const invalid = {
      code: 'DATA_ELEMENT_ADDEND_INVALID',
      fields: [
        {
          field: 'derivedAddendElementId',
          message:
            'Dữ liệu cộng thêm phải là dữ liệu báo cáo kiểu số, lấy giá trị cuối kỳ, do đơn vị nhập (không tính từ hồ sơ) và chưa lưu trữ.',
        },
      ],
    };
    const flag = await element(db, 'boolean', 'any');
    const archived = await element(db, 'number', 'last');
    await db.update(dataElements).set({ archivedAt: new Date() }).where(eq(dataElements.id, archived));
    const monthly = await element(db, 'number', 'sum');
    expect(await field(await derived('cong_co_khong', flag))).toMatchObject(invalid); // not a number
    expect(await field(await derived('cong_luong_thang', monthly))).toMatchObject(invalid); // a monthly flow, not a standing count
    expect(await field(await derived('cong_tinh_tu_so', ok.json().id))).toMatchObject(invalid); // derived itself
    expect(await field(await derived('cong_luu_tru', archived))).toMatchObject(invalid); // archived
    expect(await field(await derived('cong_khong_co', '00000000-0000-4000-8000-000000000000'))).toMatchObject(invalid); // unknown
    expect((await derived('cong_sai_dang', 'x')).statusCode).toBe(400);
    expect(await auditCount(ctx.database)).toBe(before);

    // The database holds the rule too: an addend only with derived_from.
    await expect(db.update(dataElements).set({ derivedAddendElementId: workers }).where(eq(dataElements.id, flag))).rejects.toThrow();
  });
});
