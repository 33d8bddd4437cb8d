import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { auditRows, signInAdmin, signInWithRole, treeCounts } from './org-units.fixtures.js';

describe('POST /api/org-units/:id/move', () => {
  let database: DatabaseHandle;
  let app: App;
  let admin: Client;
  let root: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    ({ root, client: admin } = await signInAdmin(app, database.db));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function tree() {
    const p1 = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const p2 = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const d = await createUnit(database.db, { parentId: p1.id, kind: 'district_federation' });
    const g = await createUnit(database.db, { parentId: d.id, kind: 'grassroots_union' });
    return { p1, p2, d, g };
  }
  const parentOn = async (unitId: string, asOf: string) => {
    const res = await admin.get(`/api/org-units?asOf=${asOf}`);
    return (res.json().items as Array<{ id: string; parentId: string | null }>).find((n) => n.id === unitId)?.parentId;
  };

  it('keeps the old parent before the date and the new one from the date', async () => {
    const { p1, p2, d, g } = await tree();
    const res = await admin.post(`/api/org-units/${d.id}/move`, { parentId: p2.id, fromDate: '2024-03-01' });
    expect(res.statusCode).toBe(200);
    expect(
      res.json().parents.map((p: { parentId: string; validFrom: string; validTo: string | null }) => [p.parentId, p.validFrom, p.validTo]),
    ).toEqual([
      [p1.id, '2020-01-01', '2024-02-29'],
      [p2.id, '2024-03-01', null],
    ]);
    expect(await parentOn(d.id, '2024-02-29')).toBe(p1.id);
    expect(await parentOn(d.id, '2024-03-01')).toBe(p2.id);
    // The grandchild follows through the closure table.
    const office2 = await signInWithRole(app, database.db, 'viewer', p2.id);
    const seen = (await office2.get('/api/org-units?asOf=2024-03-01')).json().items.map((n: { id: string }) => n.id);
    expect(seen).toContain(g.id);
    const audits = await auditRows(database.db, d.id);
    expect(audits.at(-1)).toMatchObject({ action: 'org_unit.move', unit_id: d.id, after: { movedTo: p2.id, fromDate: '2024-03-01' } });
  });

  it('replaces the parent of a period that starts on the same date', async () => {
    const { p1, p2, d } = await tree();
    await admin.post(`/api/org-units/${d.id}/move`, { parentId: p2.id, fromDate: '2024-03-01' });
    const again = await admin.post(`/api/org-units/${d.id}/move`, { parentId: root.id, fromDate: '2024-03-01' });
    expect(again.statusCode).toBe(200);
    expect(again.json().parents.map((p: { parentId: string }) => p.parentId)).toEqual([p1.id, root.id]);
  });

  it('refuses to move a unit under itself or its descendant', async () => {
    const { p1, d, g } = await tree();
    const under = await admin.post(`/api/org-units/${p1.id}/move`, { parentId: g.id, fromDate: '2024-01-01' });
    expect(under.statusCode).toBe(400);
    expect(under.json().error).toMatchObject({ code: 'UNIT_OWN_ANCESTOR', fields: [{ field: 'parentId' }] });
    const self = await admin.post(`/api/org-units/${d.id}/move`, { parentId: d.id, fromDate: '2024-01-01' });
    expect(self.json().error.code).toBe('UNIT_OWN_ANCESTOR');
  });

  it('refuses a parent that does not exist on the date', async () => {
    const { d } = await tree();
    const young = await createUnit(database.db, { parentId: root.id, kind: 'province_federation', validFrom: '2025-07-01' });
    const res = await admin.post(`/api/org-units/${d.id}/move`, { parentId: young.id, fromDate: '2024-06-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'parentId', message: 'Đơn vị cấp trên không tồn tại vào ngày 01/06/2024.' }]);
  });

  it('refuses a date before a later parent change, before the start or after the end; changes nothing', async () => {
    const { p1, p2, d } = await tree();
    await admin.post(`/api/org-units/${d.id}/move`, { parentId: p2.id, fromDate: '2024-03-01' });
    const ended = await createUnit(database.db, { parentId: p1.id, validTo: '2022-12-31' });
    const before = await treeCounts(database.db);
    const conflict = await admin.post(`/api/org-units/${d.id}/move`, { parentId: root.id, fromDate: '2024-01-01' });
    expect(conflict.json().error).toMatchObject({
      code: 'UNIT_MOVE_DATE_CONFLICT',
      message: 'Đơn vị đã có thay đổi cấp trên từ ngày 01/03/2024; không thể chuyển từ ngày sớm hơn.',
    });
    const early = await admin.post(`/api/org-units/${d.id}/move`, { parentId: p1.id, fromDate: '2019-12-31' });
    expect(early.json().error.code).toBe('UNIT_DATE_BEFORE_START');
    const late = await admin.post(`/api/org-units/${ended.id}/move`, { parentId: p2.id, fromDate: '2023-01-01' });
    expect(late.json().error).toMatchObject({ code: 'UNIT_NOT_VALID_ON_DATE', message: 'Đơn vị không còn hiệu lực vào ngày 01/01/2023.' });
    expect(await treeCounts(database.db)).toEqual(before);
  });

  it('needs manageUnits over the unit and the new parent', async () => {
    const { p1, p2, d } = await tree();
    const officer = await signInWithRole(app, database.db, 'federation_officer', p1.id);
    const before = await treeCounts(database.db);
    expect((await officer.post(`/api/org-units/${d.id}/move`, { parentId: p2.id, fromDate: '2024-01-01' })).statusCode).toBe(403);
    const chair = await signInWithRole(app, database.db, 'grassroots_officer', d.id, false);
    expect((await chair.post(`/api/org-units/${d.id}/move`, { parentId: p1.id, fromDate: '2024-01-01' })).statusCode).toBe(403);
    expect(await treeCounts(database.db)).toEqual(before);
    const d2 = await createUnit(database.db, { parentId: p1.id, kind: 'district_federation' });
    expect((await officer.post(`/api/org-units/${d2.id}/move`, { parentId: d.id, fromDate: '2024-01-01' })).statusCode).toBe(200);
  });
});
