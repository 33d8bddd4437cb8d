import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { auditRows, signInAdmin, signInWithRole, treeCounts } from './org-units.fixtures.js';

describe('POST /api/org-units/:id/dissolve', () => {
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

  it('refuses while children are active after the date, then dissolves once they are gone', async () => {
    const d = await createUnit(database.db, { parentId: root.id, kind: 'district_federation' });
    const g1 = await createUnit(database.db, { parentId: d.id });
    await createUnit(database.db, { parentId: d.id, validTo: '2024-12-31' });
    const before = await treeCounts(database.db);
    const refused = await admin.post(`/api/org-units/${d.id}/dissolve`, { date: '2025-06-30' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'UNIT_HAS_ACTIVE_CHILDREN',
      message: expect.stringContaining('còn 1 đơn vị trực thuộc'),
    });
    expect(await treeCounts(database.db)).toEqual(before);

    expect((await admin.post(`/api/org-units/${g1.id}/dissolve`, { date: '2025-06-30' })).statusCode).toBe(200);
    const res = await admin.post(`/api/org-units/${d.id}/dissolve`, { date: '2025-06-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ validTo: '2025-06-30', parentId: root.id });
    expect(res.json().parents[0].validTo).toBe('2025-06-30');
    const onLastDay = (await admin.get('/api/org-units?asOf=2025-06-30')).json().items.map((i: { id: string }) => i.id);
    const after = (await admin.get('/api/org-units?asOf=2025-07-01')).json().items.map((i: { id: string }) => i.id);
    expect(onLastDay).toContain(d.id);
    expect(after).not.toContain(d.id);
    expect((await auditRows(database.db, d.id)).at(-1)).toMatchObject({
      action: 'org_unit.dissolve',
      before: { validTo: null },
      after: { validTo: '2025-06-30' },
    });
  });

  it('refuses a unit that already ended and a date before its start', async () => {
    const d = await createUnit(database.db, { parentId: root.id, validFrom: '2021-01-01', validTo: '2023-12-31' });
    const ended = await admin.post(`/api/org-units/${d.id}/dissolve`, { date: '2024-06-30' });
    expect(ended.json().error).toMatchObject({ code: 'UNIT_ALREADY_ENDED', message: 'Đơn vị đã kết thúc hoạt động.' });
    const early = await admin.post(`/api/org-units/${d.id}/dissolve`, { date: '2020-06-30' });
    expect(early.json().error.code).toBe('UNIT_DATE_BEFORE_START');
    // A later planned end may be brought forward.
    expect((await admin.post(`/api/org-units/${d.id}/dissolve`, { date: '2022-12-31' })).statusCode).toBe(200);
  });

  it('is refused to a grassroots chair, even on their own unit', async () => {
    const g = await createUnit(database.db, { parentId: root.id });
    const chair = await signInWithRole(app, database.db, 'grassroots_officer', g.id, false);
    expect((await chair.post(`/api/org-units/${g.id}/dissolve`, { date: '2025-06-30' })).statusCode).toBe(403);
  });
});
