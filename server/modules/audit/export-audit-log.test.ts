import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { loadAssignments } from '../../lib/access.js';
import type { App } from '../../lib/http.js';
import { seedAuditFixture } from './audit.fixtures.js';
import { exportAuditLog } from './export-audit-log.js';

async function readSheet(buffer: Buffer | ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

describe('GET /api/audit/export.xlsx', () => {
  let database: DatabaseHandle;
  let app: App;
  let f: Awaited<ReturnType<typeof seedAuditFixture>>;
  let admin: Client;
  const march = 'from=2025-03-01&to=2025-03-02';

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    f = await seedAuditFixture(database.db);
    admin = await signInAs(app, f.admin.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('exports the filtered entries with Vietnamese headers and values, and audits the export', async () => {
    const res = await admin.get(`/api/audit/export.xlsx?${march}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="Nhat-ky-he-thong-[\d-]+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^Nhật ký hệ thống \d{2}-\d{2}-\d{4}\.xlsx$/);

    const { sheet, rows } = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual([
      'Thời gian',
      'Người thực hiện',
      'Thao tác',
      'Loại đối tượng',
      'Tên đối tượng',
      'Mã đối tượng',
      'Đơn vị',
      'Trước',
      'Sau',
    ]);
    expect(rows).toHaveLength(1 + 4);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    // Newest first; the oldest (e1) is last. Its time is 23:59 on 01/03/2025 in Vietnam.
    const e1 = rows[4]!;
    expect(e1[0]).toEqual(new Date('2025-03-01T23:59:59Z'));
    expect(sheet.getCell('A5').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(e1[1]).toBe(`Nguyễn Văn Ánh (${f.officerA.username})`);
    expect(e1[2]).toBe('Sửa đơn vị');
    expect(e1[3]).toBe('Đơn vị');
    expect(e1[4]).toBe('LĐLĐ huyện Vĩnh Thuận');
    expect(e1[6]).toBe(`${f.unitA.code} – LĐLĐ huyện Vĩnh Thuận`);
    expect(JSON.parse(String(e1[7]))).toEqual({ shortName: 'LĐLĐ Vĩnh Thuận' });
    expect(rows[3]![2]).toBe('Chuyển đơn vị cấp trên');
    expect(rows[1]![1]).toBe('Hệ thống');

    const logged = await admin.get('/api/audit?action=audit.export');
    expect(logged.json().items).toHaveLength(1);
    expect(logged.json().items[0]).toMatchObject({
      userId: f.admin.id,
      entityType: 'audit_log',
    });
    expect(logged.json().items[0].after).toEqual({ filter: { from: '2025-03-01', to: '2025-03-02' }, rowCount: 4 });
  });

  it("exports only the caller's scope", async () => {
    const officer = await signInAs(app, f.officerA.username);
    const res = await officer.get(`/api/audit/export.xlsx?${march}&unitId=${f.unitA.id}`);
    expect(res.statusCode).toBe(200);
    const { rows } = await readSheet(res.rawPayload);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['Chuyển đơn vị cấp trên', 'Sửa đơn vị']);
  });

  it('stops at the row limit and says so in a last row', async () => {
    const actor = {
      userId: f.admin.id,
      username: f.admin.username,
      fullName: f.admin.fullName,
      locale: 'vi' as const,
      assignments: await loadAssignments(database.db, f.admin.id),
    };
    const file = await exportAuditLog(database.db, actor, { includeSubtree: true, from: '2025-03-01', to: '2025-03-02' }, 'vi', 2);
    expect(file).toMatchObject({ rowCount: 2, truncated: true });
    const { rows } = await readSheet(file.buffer);
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(String(rows[3]![0])).toMatch(/chỉ gồm 2 dòng đầu tiên/);
  });

  it('rejects bad filters without writing an audit entry', async () => {
    const before = (await admin.get('/api/audit?action=audit.export')).json().total;
    const res = await admin.get('/api/audit/export.xlsx?from=2025-03-05&to=2025-03-01');
    expect(res.statusCode).toBe(400);
    expect((await admin.get('/api/audit?action=audit.export')).json().total).toBe(before);
  });

  it('documents the file as binary in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const op = res.json().paths['/api/audit/export.xlsx'].get;
    expect(op.responses['200'].content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['unitId', 'from', 'to', 'q']));
    expect(res.json().paths['/api/audit'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'includeSubtree']),
    );
  });
});
