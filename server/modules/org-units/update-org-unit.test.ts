import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, rowVersionOf } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { auditRows, signInAdmin, signInWithRole, treeCounts } from './org-units.fixtures.js';

describe('PATCH /api/org-units/:id', () => {
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

  const periods = (detail: { parents: Array<{ validFrom: string; validTo: string | null }> }) =>
    detail.parents.map((p) => [p.validFrom, p.validTo]);

  it('edits names, code and address, audited with before and after', async () => {
    const g = await createUnit(database.db, { parentId: root.id, sector: 'cooperative' });
    const res = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      shortName: '  CĐCS HTX Vĩnh Bình ',
      code: `${g.code}-X`,
      address: 'Xã Vĩnh Bình',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      shortName: 'CĐCS HTX Vĩnh Bình',
      code: `${g.code}-X`,
      address: 'Xã Vĩnh Bình',
      sector: 'cooperative',
      parentId: root.id,
    });
    const [audit] = await auditRows(database.db, g.id);
    expect(audit).toMatchObject({ action: 'org_unit.update', unit_id: g.id, before: { code: g.code }, after: { code: `${g.code}-X` } });
  });

  it('answers Vietnamese field messages and changes nothing when refused', async () => {
    const g = await createUnit(database.db, { parentId: root.id });
    const other = await createUnit(database.db, { parentId: root.id });
    const before = await treeCounts(database.db);
    const taken = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      code: other.code,
    });
    expect(taken.json().error.fields).toEqual([{ field: 'code', message: 'Mã đơn vị đã tồn tại.' }]);
    const dates = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      validTo: '2019-01-01',
    });
    expect(dates.json().error.fields).toEqual([{ field: 'validTo', message: 'Ngày kết thúc hiệu lực phải sau hoặc bằng ngày bắt đầu.' }]);
    const sector = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      kind: 'section',
      sector: 'other',
    });
    expect(sector.json().error.fields).toEqual([{ field: 'sector', message: 'Chỉ công đoàn cơ sở mới có khu vực.' }]);
    const name = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      fullName: ' ',
    });
    expect(name.json().error.fields).toEqual([{ field: 'fullName', message: 'Trường này là bắt buộc.' }]);
    expect(await treeCounts(database.db)).toEqual(before);
  });

  it('drops the sector when the kind is no longer grassroots', async () => {
    const g = await createUnit(database.db, { parentId: root.id, sector: 'cooperative' });
    const res = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      kind: 'section',
    });
    expect(res.json()).toMatchObject({ kind: 'section', sector: null });
  });

  it('edits a grassroots union’s founding record, at least 5 members at founding, and drops it when the kind changes', async () => {
    const g = await createUnit(database.db, { parentId: root.id });
    const set = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      foundingDecision: '07/QĐ-LĐLĐ',
      initialMemberCount: 9,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ foundingDecision: '07/QĐ-LĐLĐ', initialMemberCount: 9 });
    const [audit] = await auditRows(database.db, g.id);
    expect(audit).toMatchObject({
      before: { foundingDecision: null, initialMemberCount: null },
      after: { foundingDecision: '07/QĐ-LĐLĐ', initialMemberCount: 9 },
    });

    // Fields left out are kept; an empty decision clears it.
    const renamed = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      shortName: 'CĐCS Trường TH Vĩnh Thuận 1',
    });
    expect(renamed.json()).toMatchObject({ foundingDecision: '07/QĐ-LĐLĐ', initialMemberCount: 9 });

    const before = await treeCounts(database.db);
    const few = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      initialMemberCount: 3,
    });
    expect(few.json().error).toMatchObject({
      code: 'UNIT_FOUNDING_TOO_FEW_MEMBERS',
      fields: [{ field: 'initialMemberCount', message: 'Công đoàn cơ sở cần ít nhất 5 đoàn viên khi thành lập.' }],
    });
    const otherKind = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      kind: 'section',
      initialMemberCount: 9,
    });
    expect(otherKind.json().error.fields).toEqual([
      { field: 'initialMemberCount', message: 'Chỉ công đoàn cơ sở mới có hồ sơ thành lập (số quyết định, số đoàn viên khi thành lập).' },
    ]);
    expect(await treeCounts(database.db)).toEqual(before);

    const cleared = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      foundingDecision: '',
      initialMemberCount: null,
    });
    expect(cleared.json()).toMatchObject({ foundingDecision: null, initialMemberCount: null });
    await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      foundingDecision: '08/QĐ-LĐLĐ',
      initialMemberCount: 6,
    });
    const section = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      kind: 'section',
    });
    expect(section.json()).toMatchObject({ kind: 'section', foundingDecision: null, initialMemberCount: null });
  });

  it('clips and extends the parent periods with the validity', async () => {
    const p = await createUnit(database.db, { parentId: root.id, kind: 'province_federation', validFrom: '2010-01-01' });
    const g = await createUnit(database.db, { parentId: p.id, validFrom: '2020-01-01' });
    const later = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      validFrom: '2021-01-01',
      validTo: '2024-12-31',
    });
    expect(later.statusCode).toBe(200);
    expect(periods(later.json())).toEqual([['2021-01-01', '2024-12-31']]);
    const earlier = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      validFrom: '2015-01-01',
      validTo: null,
    });
    expect(periods(earlier.json())).toEqual([['2015-01-01', null]]);
    const tooEarly = await admin.patch(`/api/org-units/${g.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', g.id),
      validFrom: '2005-01-01',
    });
    expect(tooEarly.json().error.fields).toEqual([{ field: 'validFrom', message: 'Đơn vị cấp trên không tồn tại vào ngày 01/01/2005.' }]);
  });

  it('refuses dates that would cut a parent change or leave children outside', async () => {
    const p1 = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const p2 = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const d = await createUnit(database.db, { parentId: p1.id, kind: 'district_federation' });
    await admin.post(`/api/org-units/${d.id}/move`, { parentId: p2.id, fromDate: '2024-03-01' });
    const cut = await admin.patch(`/api/org-units/${d.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', d.id),
      validTo: '2023-12-31',
    });
    expect(cut.json().error).toMatchObject({
      code: 'UNIT_PARENT_HISTORY_OUTSIDE',
      fields: [{ field: 'validTo', message: expect.stringContaining('01/03/2024') }],
    });
    await createUnit(database.db, { parentId: d.id, validFrom: '2020-01-01' });
    const children = await admin.patch(`/api/org-units/${d.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', d.id),
      validTo: '2024-12-31',
    });
    expect(children.json().error).toMatchObject({ code: 'UNIT_HAS_ACTIVE_CHILDREN', fields: [{ field: 'validTo' }] });
    const start = await admin.patch(`/api/org-units/${d.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'org_units', d.id),
      validFrom: '2021-01-01',
    });
    expect(start.json().error).toMatchObject({ code: 'UNIT_CHILDREN_BEFORE_START', fields: [{ field: 'validFrom' }] });
  });

  it('lets only the federation that holds the unit today change it, though the former one still reads it', async () => {
    const p1 = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const p2 = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const d = await createUnit(database.db, { parentId: p1.id, kind: 'district_federation' });
    await admin.post(`/api/org-units/${d.id}/move`, { parentId: p2.id, fromDate: '2024-03-01' });
    const former = await signInWithRole(app, database.db, 'federation_officer', p1.id);
    const current = await signInWithRole(app, database.db, 'federation_officer', p2.id);
    expect((await former.get(`/api/org-units/${d.id}`)).statusCode).toBe(200);
    expect(
      (
        await former.patch(`/api/org-units/${d.id}`, {
          expectedVersion: await rowVersionOf(database.db, 'org_units', d.id),
          shortName: 'X',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await current.patch(`/api/org-units/${d.id}`, {
          expectedVersion: await rowVersionOf(database.db, 'org_units', d.id),
          shortName: 'Y',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('is refused outside the manageUnits scope', async () => {
    const g = await createUnit(database.db, { parentId: root.id });
    const sibling = await createUnit(database.db, { parentId: root.id });
    const chair = await signInWithRole(app, database.db, 'grassroots_officer', g.id, false);
    expect(
      (await chair.patch(`/api/org-units/${g.id}`, { expectedVersion: await rowVersionOf(database.db, 'org_units', g.id), shortName: 'X' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await chair.patch(`/api/org-units/${sibling.id}`, {
          expectedVersion: await rowVersionOf(database.db, 'org_units', sibling.id),
          shortName: 'X',
        })
      ).statusCode,
    ).toBe(403);
    expect((await chair.get(`/api/org-units/${sibling.id}`)).statusCode).toBe(403);
  });
});
