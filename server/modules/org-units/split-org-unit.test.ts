import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { auditRows, signInAdmin, signInWithRole, treeCounts } from './org-units.fixtures.js';

describe('POST /api/org-units/:id/split', () => {
  let database: DatabaseHandle;
  let app: App;
  let admin: Client;
  let root: { id: string };
  let n = 0;
  const newUnit = (over: Record<string, unknown> = {}) => {
    n++;
    return { code: `SPLIT-${Date.now() % 100000}-${n}`, fullName: `Công đoàn cơ sở Mới ${n}`, shortName: `CĐCS Mới ${n}`, ...over };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    ({ root, client: admin } = await signInAdmin(app, database.db));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('creates new units under the original parent with split_from links, keeping the original', async () => {
    const parent = await createUnit(database.db, { parentId: root.id, kind: 'district_federation' });
    const original = await createUnit(database.db, { parentId: parent.id, kind: 'grassroots_union' });
    const res = await admin.post(`/api/org-units/${original.id}/split`, {
      date: '2025-01-01',
      endOriginal: false,
      newUnits: [newUnit({ sector: 'cooperative' }), newUnit({ kind: 'section' })],
    });
    expect(res.statusCode).toBe(201);
    const { original: o, created } = res.json();
    expect(o.validTo).toBeNull();
    expect(o.links).toHaveLength(2);
    expect(o.links.every((l: { kind: string; direction: string }) => l.kind === 'split_from' && l.direction === 'in')).toBe(true);
    expect(created).toHaveLength(2);
    expect(created[0]).toMatchObject({ validFrom: '2025-01-01', parentId: parent.id, kind: 'grassroots_union', sector: 'cooperative' });
    expect(created[1]).toMatchObject({ kind: 'section', sector: null });
    expect(created[0].links).toEqual([
      expect.objectContaining({ kind: 'split_from', direction: 'out', otherUnitId: original.id, effectiveDate: '2025-01-01' }),
    ]);
    const day = (await admin.get('/api/org-units?asOf=2024-12-31')).json().items.map((i: { id: string }) => i.id);
    expect(day).not.toContain(created[0].id);
    expect((await auditRows(database.db, original.id)).at(-1)).toMatchObject({ action: 'org_unit.split', unit_id: original.id });
  });

  it('ends the original the day before when asked', async () => {
    const parent = await createUnit(database.db, { parentId: root.id, kind: 'district_federation' });
    const original = await createUnit(database.db, { parentId: parent.id, kind: 'grassroots_union' });
    const res = await admin.post(`/api/org-units/${original.id}/split`, { date: '2025-01-01', endOriginal: true, newUnits: [newUnit()] });
    expect(res.statusCode).toBe(201);
    expect(res.json().original).toMatchObject({ validTo: '2024-12-31', parentId: parent.id });
    expect(res.json().original.parents[0].validTo).toBe('2024-12-31');
    expect(res.json().created[0].parentId).toBe(parent.id);
  });

  it('refuses to end an original that still has children, changing nothing', async () => {
    const parent = await createUnit(database.db, { parentId: root.id, kind: 'district_federation' });
    const original = await createUnit(database.db, { parentId: parent.id, kind: 'grassroots_union' });
    await createUnit(database.db, { parentId: original.id, kind: 'section' });
    const before = await treeCounts(database.db);
    const res = await admin.post(`/api/org-units/${original.id}/split`, { date: '2025-01-01', endOriginal: true, newUnits: [newUnit()] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'UNIT_HAS_ACTIVE_CHILDREN',
      message: 'Đơn vị còn 1 đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước.',
    });
    expect(await treeCounts(database.db)).toEqual(before);
  });

  it('checks every new unit: duplicate codes, sector, at least one', async () => {
    const original = await createUnit(database.db, { parentId: root.id, kind: 'district_federation' });
    const a = newUnit();
    const dup = await admin.post(`/api/org-units/${original.id}/split`, {
      date: '2025-01-01',
      endOriginal: false,
      newUnits: [a, { ...newUnit(), code: a.code }],
    });
    expect(dup.json().error.fields).toEqual([{ field: 'newUnits.1.code', message: 'Mã đơn vị đã tồn tại.' }]);
    const sector = await admin.post(`/api/org-units/${original.id}/split`, {
      date: '2025-01-01',
      endOriginal: false,
      newUnits: [newUnit({ sector: 'other' })],
    });
    expect(sector.json().error.fields).toEqual([{ field: 'newUnits.0.sector', message: 'Chỉ công đoàn cơ sở mới có khu vực.' }]);
    const none = await admin.post(`/api/org-units/${original.id}/split`, { date: '2025-01-01', endOriginal: false, newUnits: [] });
    expect(none.json().error.fields).toEqual([{ field: 'newUnits', message: 'Cần ít nhất 1 mục.' }]);
  });

  it('needs manageUnits over the parent the new units go under', async () => {
    const parent = await createUnit(database.db, { parentId: root.id, kind: 'district_federation' });
    const original = await createUnit(database.db, { parentId: parent.id, kind: 'grassroots_union' });
    const officer = await signInWithRole(app, database.db, 'federation_officer', original.id);
    const res = await officer.post(`/api/org-units/${original.id}/split`, {
      date: '2025-01-01',
      endOriginal: false,
      newUnits: [newUnit()],
    });
    expect(res.statusCode).toBe(403);
  });
});
