import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { loadAssignments } from '../../lib/access.js';
import type { App } from '../../lib/http.js';
import ExcelJS from 'exceljs';
import { createUser } from '../../../test/factories.js';
import { seedAuditFixture } from './audit.fixtures.js';
import { listAuditEntries } from './list-audit-entries.js';

describe('GET /api/audit', () => {
  let database: DatabaseHandle;
  let app: App;
  let f: Awaited<ReturnType<typeof seedAuditFixture>>;
  let admin: Client;
  let officerA: Client;
  const ids = (res: { json: () => { items: Array<{ id: number }> } }) => res.json().items.map((i) => i.id);
  // The fixture's days; sign-ins made by the tests fall outside them.
  const march = 'from=2025-03-01&to=2025-03-02';

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    f = await seedAuditFixture(database.db);
    admin = await signInAs(app, f.admin.username);
    officerA = await signInAs(app, f.officerA.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists every entry newest first for an administrator, with user and unit joined', async () => {
    const res = await admin.get(`/api/audit?${march}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(ids(res)).toEqual([f.e4, f.e3, f.e2, f.e1]);
    expect(body.total).toBe(4);
    const e1 = body.items.find((i: { id: number }) => i.id === f.e1);
    expect(e1).toMatchObject({
      at: '2025-03-01T16:59:59.000Z',
      userId: f.officerA.id,
      username: f.officerA.username,
      userFullName: 'Nguyễn Văn Ánh',
      action: 'org_unit.update',
      entityType: 'org_unit',
      entityId: f.unitA.id,
      entityLabel: 'LĐLĐ huyện Vĩnh Thuận',
      unitId: f.unitA.id,
      unitCode: f.unitA.code,
      unitName: 'LĐLĐ huyện Vĩnh Thuận',
      before: { shortName: 'LĐLĐ Vĩnh Thuận' },
      after: { shortName: 'LĐLĐ huyện Vĩnh Thuận' },
    });
    const e4 = body.items.find((i: { id: number }) => i.id === f.e4);
    expect(e4).toMatchObject({ userId: null, username: null, unitId: null, unitName: null, entityLabel: null, before: null, after: null });
  });

  it('masks a member’s CCCD, phone and birth date as the member page does, by the reader’s permission; the stored entry is unchanged', async () => {
    const snapshot = { fullName: 'Lê Thị Mai', citizenId: '091234567529', phone: '0912345678', birthDate: '1985-07-14', gender: 'female' };
    await database.db.insert(auditLog).values({
      at: new Date('2025-04-01T03:00:00Z'),
      userId: f.officerA.id,
      action: 'member.update',
      entityType: 'member',
      entityId: '7b1c1c2e-0000-4000-8000-000000000001',
      unitId: f.unitA1.id,
      before: { ...snapshot, phone: null },
      after: snapshot,
    });
    const leader = await signInAs(app, (await createUser(database.db, { role: 'federation_leader', unitId: f.unitA.id })).username);
    const inspector = await signInAs(app, (await createUser(database.db, { role: 'inspection_officer', unitId: f.unitA.id })).username);
    const april = 'from=2025-04-01&to=2025-04-01';
    for (const reader of [leader, inspector]) {
      const [entry] = (await reader.get(`/api/audit?${april}`)).json().items;
      expect(entry.after).toEqual({
        fullName: 'Lê Thị Mai',
        citizenId: '09*******529',
        phone: '091****678',
        birthDate: '1985-**-**',
        gender: 'female',
      });
      expect(entry.before).toMatchObject({ citizenId: '09*******529', phone: null });
      // Nor can the number be found by searching for it.
      expect((await reader.get(`/api/audit?${april}&q=091234567529`)).json().items).toEqual([]);
      const file = await reader.get(`/api/audit/export.xlsx?${april}`);
      expect(file.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      let text = '';
      book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => (text += `${cell.text}\n`)));
      expect(text).not.toContain('091234567529');
      expect(text).not.toContain('0912345678');
      expect(text).toContain('09*******529');
    }
    // Those who manage the unit's members (and the administrator) see the entry in full, as stored.
    for (const reader of [officerA, admin]) {
      const [entry] = (await reader.get(`/api/audit?${april}&q=091234567529`)).json().items;
      expect(entry.after).toEqual(snapshot);
    }
  });

  it('keeps a viewer of unit A to A and its subtree: not sibling B, not entries without a unit', async () => {
    const res = await officerA.get(`/api/audit?${march}`);
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([f.e2, f.e1]);
    expect(res.json().total).toBe(2);
    const sibling = await officerA.get(`/api/audit?unitId=${f.unitB.id}`);
    expect(sibling.json()).toMatchObject({ items: [], total: 0 });
    // Their own sign-in has no unit: administrators only.
    const signIns = await officerA.get('/api/audit?action=user.sign_in');
    expect(signIns.json().total).toBe(0);
  });

  it('refuses a grassroots chair, who has no viewAudit role', async () => {
    const chair = await signInAs(app, f.chairA1.username);
    const res = await chair.get('/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await chair.get('/api/audit/facets')).statusCode).toBe(403);
    expect((await chair.get('/api/audit/export.xlsx')).statusCode).toBe(403);
  });

  it('filters by unit with and without its subtree', async () => {
    expect(ids(await admin.get(`/api/audit?unitId=${f.unitA.id}&${march}`))).toEqual([f.e2, f.e1]);
    expect(ids(await admin.get(`/api/audit?unitId=${f.unitA.id}&includeSubtree=false&${march}`))).toEqual([f.e1]);
    expect(ids(await admin.get(`/api/audit?unitId=${f.province.id}&${march}`))).toEqual([f.e3, f.e2, f.e1]);
  });

  it('filters by user, entity type and action', async () => {
    expect(ids(await admin.get(`/api/audit?userId=${f.officerA.id}&${march}`))).toEqual([f.e1]);
    expect(ids(await admin.get(`/api/audit?entityType=system`))).toEqual([f.e4]);
    expect(ids(await admin.get(`/api/audit?action=org_unit.move`))).toEqual([f.e2]);
  });

  it('reads from/to as inclusive Vietnam days (UTC+7)', async () => {
    // 16:59:59Z on 1 March is 23:59:59 on 1 March in Vietnam; 17:00:00Z is already 2 March.
    expect(ids(await admin.get('/api/audit?from=2025-03-01&to=2025-03-01'))).toEqual([f.e1]);
    expect(ids(await admin.get('/api/audit?from=2025-03-02&to=2025-03-02'))).toEqual([f.e4, f.e3, f.e2]);
    expect(ids(await admin.get('/api/audit?to=2025-02-28'))).toEqual([]);
    const bad = await admin.get('/api/audit?from=2025-03-02&to=2025-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'to', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' }]);
    expect((await admin.get('/api/audit?from=01/03/2025')).statusCode).toBe(400);
  });

  it('searches text in users, units and before/after, treating % literally', async () => {
    expect(ids(await admin.get(`/api/audit?q=${encodeURIComponent('ánh')}&${march}`))).toEqual([f.e1]);
    expect(ids(await admin.get(`/api/audit?q=${encodeURIComponent('an biên')}&${march}`))).toEqual([f.e3]);
    expect(ids(await admin.get(`/api/audit?q=%25&${march}`))).toEqual([]);
  });

  it('paginates with a total, without overlap', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({
      at: new Date(Date.UTC(2024, 5, 1, 0, i)),
      userId: f.admin.id,
      action: 'test.page',
      entityType: 'page_test',
      entityId: String(i),
      unitId: f.unitA.id,
    }));
    await database.db.insert(auditLog).values(rows);
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await admin.get(`/api/audit?entityType=page_test&page=${page}&pageSize=10`);
      expect(res.json()).toMatchObject({ total: 25, page, pageSize: 10 });
      seen.push(...res.json().items.map((i: { entityId: string }) => i.entityId));
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => String(24 - i)));
    expect((await admin.get('/api/audit?pageSize=1000')).statusCode).toBe(400);
  });

  it('reads a page with two queries whatever its size (no N+1)', async () => {
    const actor = {
      userId: f.officerA.id,
      username: f.officerA.username,
      fullName: f.officerA.fullName,
      locale: 'vi' as const,
      assignments: await loadAssignments(database.db, f.officerA.id),
    };
    const before = database.queryCount();
    const page = await listAuditEntries(database.db, actor, { includeSubtree: true, page: 1, pageSize: 50 });
    expect(page.rows.length).toBeGreaterThan(10);
    expect(database.queryCount() - before).toBe(2);
  });
});
