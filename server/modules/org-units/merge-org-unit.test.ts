import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { auditRows, signInAdmin, signInWithRole, treeCounts } from './org-units.fixtures.js';

describe('POST /api/org-units/:id/merge', () => {
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
    const kg = await createUnit(database.db, { parentId: root.id, kind: 'province_federation', shortName: 'KG' });
    const ag = await createUnit(database.db, { parentId: root.id, kind: 'province_federation', shortName: 'AG' });
    const vt = await createUnit(database.db, { parentId: kg.id, kind: 'district_federation' });
    const old = await createUnit(database.db, { parentId: kg.id, kind: 'district_federation', validTo: '2023-12-31' });
    const g = await createUnit(database.db, { parentId: vt.id });
    return { kg, ag, vt, old, g };
  }
  const listOn = async (asOf: string) =>
    new Map(
      ((await admin.get(`/api/org-units?asOf=${asOf}`)).json().items as Array<{ id: string; parentId: string | null }>).map((n) => [
        n.id,
        n.parentId,
      ]),
    );

  it('ends the unit, moves its children to the receiving unit from the date and records the link', async () => {
    const { kg, ag, vt, old, g } = await tree();
    const res = await admin.post(`/api/org-units/${kg.id}/merge`, { intoUnitId: ag.id, date: '2025-07-01' });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({ id: kg.id, validTo: '2025-06-30', parentId: root.id });
    expect(merged.parents).toEqual([expect.objectContaining({ parentId: root.id, validTo: '2025-06-30' })]);
    expect(merged.links).toEqual([
      expect.objectContaining({ kind: 'merged_into', direction: 'out', otherUnitId: ag.id, effectiveDate: '2025-07-01' }),
    ]);

    const before = await listOn('2025-06-30');
    expect(before.get(vt.id)).toBe(kg.id);
    expect(before.get(g.id)).toBe(vt.id);
    const after = await listOn('2025-07-01');
    expect(after.has(kg.id)).toBe(false);
    expect(after.get(vt.id)).toBe(ag.id);
    expect(after.get(g.id)).toBe(vt.id);
    expect((await listOn('2023-06-01')).get(old.id)).toBe(kg.id); // an ended child keeps its history

    const agDetail = (await admin.get(`/api/org-units/${ag.id}?asOf=2025-07-01`)).json();
    expect(agDetail.children.map((c: { id: string }) => c.id)).toEqual([vt.id]);
    expect(agDetail.links).toEqual([expect.objectContaining({ direction: 'in', otherUnitId: kg.id })]);
    // The receiving federation now sees the grassroots union.
    const agOfficer = await signInWithRole(app, database.db, 'viewer', ag.id);
    const seen = (await agOfficer.get('/api/org-units?asOf=2025-09-01')).json().items.map((n: { id: string }) => n.id);
    expect(seen).toEqual(expect.arrayContaining([ag.id, vt.id, g.id]));
    const audits = await auditRows(database.db, kg.id);
    expect(audits.at(-1)).toMatchObject({ action: 'org_unit.merge', unit_id: kg.id, after: { mergedInto: ag.id, movedChildren: [vt.id] } });
  });

  it('refuses a self-merge, a receiving unit that does not exist yet, and merging into its own descendant', async () => {
    const { kg, vt } = await tree();
    const counts = await treeCounts(database.db);
    const self = await admin.post(`/api/org-units/${kg.id}/merge`, { intoUnitId: kg.id, date: '2025-07-01' });
    expect(self.json().error).toMatchObject({
      code: 'UNIT_MERGE_SAME',
      fields: [{ field: 'intoUnitId', message: 'Không thể sáp nhập đơn vị vào chính nó.' }],
    });
    const young = await createUnit(database.db, { parentId: root.id, kind: 'province_federation', validFrom: '2026-01-01' });
    const counts2 = await treeCounts(database.db);
    const target = await admin.post(`/api/org-units/${kg.id}/merge`, { intoUnitId: young.id, date: '2025-07-01' });
    expect(target.json().error).toMatchObject({
      code: 'UNIT_MERGE_TARGET_NOT_VALID',
      message: 'Đơn vị tiếp nhận không tồn tại vào ngày 01/07/2025.',
    });
    const own = await admin.post(`/api/org-units/${kg.id}/merge`, { intoUnitId: vt.id, date: '2025-07-01' });
    expect(own.json().error.code).toBe('UNIT_OWN_ANCESTOR');
    expect(await treeCounts(database.db)).toEqual(counts2);
    expect(counts2.units).toBe(counts.units + 1);
  });

  it('refuses, with nothing written, a receiving unit that ends before some of the children it would take', async () => {
    // D1 merged into D0 on 15/10/2024 (D1's units under D0 from then); D0 into D1 from 01/05/2024 would
    // need D1, ended on 14/10/2024, to take units from 15/10/2024 on.
    const p = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const d0 = await createUnit(database.db, { parentId: p.id, kind: 'district_federation', validFrom: '2020-01-01' });
    const d1 = await createUnit(database.db, { parentId: p.id, kind: 'district_federation', validFrom: '2020-01-01' });
    await createUnit(database.db, { parentId: d1.id, validFrom: '2020-01-01' });
    expect((await admin.post(`/api/org-units/${d1.id}/merge`, { intoUnitId: d0.id, date: '2024-10-15' })).statusCode).toBe(200);
    const counts = await treeCounts(database.db);
    const res = await admin.post(`/api/org-units/${d0.id}/merge`, { intoUnitId: d1.id, date: '2024-05-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'UNIT_MERGE_TARGET_ENDS',
      fields: [{ field: 'intoUnitId', message: expect.stringContaining('14/10/2024') }],
    });
    expect(await treeCounts(database.db)).toEqual(counts);
  });

  it('needs manageUnits over both units', async () => {
    const { kg, ag } = await tree();
    const officer = await signInWithRole(app, database.db, 'federation_officer', kg.id);
    expect((await officer.post(`/api/org-units/${kg.id}/merge`, { intoUnitId: ag.id, date: '2025-07-01' })).statusCode).toBe(403);
  });
});
