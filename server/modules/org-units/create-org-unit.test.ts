import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { auditRows, signInAdmin, signInWithRole, treeCounts } from './org-units.fixtures.js';
import { withCodeRace } from './tree-queries.js';

describe('POST /api/org-units', () => {
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

  const body = (over: Record<string, unknown> = {}) => ({
    code: `C-${Math.random().toString(36).slice(2, 8)}`,
    fullName: 'Liên đoàn Lao động huyện Thử Nghiệm',
    shortName: 'LĐLĐ huyện Thử Nghiệm',
    kind: 'district_federation',
    validFrom: '2021-01-01',
    ...over,
  });

  it('creates a unit under a parent, audited, and answers its detail', async () => {
    const province = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const res = await admin.post('/api/org-units', body({ parentId: province.id, address: '  ' }));
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ kind: 'district_federation', parentId: province.id, address: null, validTo: null, sector: null });
    expect(unit.parents).toEqual([expect.objectContaining({ parentId: province.id, validFrom: '2021-01-01', validTo: null })]);
    const audits = await auditRows(database.db, unit.id);
    expect(audits.map((a) => [a.action, a.unit_id])).toEqual([['org_unit.create', unit.id]]);
    expect(audits[0]!.after).toMatchObject({ code: unit.code, parents: [{ parentId: province.id }] });
    const top = await admin.post('/api/org-units', body({ kind: 'province_federation' }));
    expect(top.statusCode).toBe(201);
    expect(top.json().parentId).toBeNull();
  });

  it('answers Vietnamese field messages for invalid input', async () => {
    const missing = await admin.post('/api/org-units', { ...body(), fullName: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ field: 'fullName', message: 'Trường này là bắt buộc.' }]);

    const dates = await admin.post('/api/org-units', body({ validTo: '2020-12-31' }));
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error).toMatchObject({
      code: 'UNIT_DATES_INVALID',
      fields: [{ field: 'validTo', message: 'Ngày kết thúc hiệu lực phải sau hoặc bằng ngày bắt đầu.' }],
    });

    const sector = await admin.post('/api/org-units', body({ sector: 'state_agency' }));
    expect(sector.json().error.fields).toEqual([{ field: 'sector', message: 'Chỉ công đoàn cơ sở mới có khu vực.' }]);

    const existing = await createUnit(database.db, { parentId: root.id });
    const taken = await admin.post('/api/org-units', body({ code: existing.code }));
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toEqual([{ field: 'code', message: 'Mã đơn vị đã tồn tại.' }]);

    const young = await createUnit(database.db, { parentId: root.id, kind: 'province_federation', validFrom: '2025-07-01' });
    const parent = await admin.post('/api/org-units', body({ parentId: young.id }));
    expect(parent.json().error.fields).toEqual([{ field: 'parentId', message: 'Đơn vị cấp trên không tồn tại vào ngày 01/01/2021.' }]);

    const english = await admin.post('/api/org-units', body({ parentId: young.id }), { 'accept-language': 'en' });
    expect(english.json().error.code).toBe('UNIT_PARENT_NOT_VALID');
  });

  it('leaves nothing behind when refused', async () => {
    const existing = await createUnit(database.db, { parentId: root.id });
    const before = await treeCounts(database.db);
    const res = await admin.post('/api/org-units', body({ code: existing.code, parentId: root.id }));
    expect(res.statusCode).toBe(400);
    expect(await treeCounts(database.db)).toEqual(before);
  });

  it('lets a federation officer create under their own subtree only', async () => {
    const province = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const other = await createUnit(database.db, { parentId: root.id, kind: 'province_federation' });
    const officer = await signInWithRole(app, database.db, 'federation_officer', province.id);
    expect((await officer.post('/api/org-units', body({ parentId: province.id }))).statusCode).toBe(201);
    expect((await officer.post('/api/org-units', body({ parentId: other.id }))).statusCode).toBe(403);
    expect((await officer.post('/api/org-units', body())).statusCode).toBe(403); // top level: administrators only
    const leader = await signInWithRole(app, database.db, 'federation_leader', province.id);
    expect((await leader.post('/api/org-units', body({ parentId: province.id }))).statusCode).toBe(403);
  });

  it('keeps a grassroots union’s founding record: decision number and members at founding (at least 5), audited', async () => {
    const district = await createUnit(database.db, { parentId: root.id, kind: 'district_federation' });
    const grassroots = (over: Record<string, unknown>) =>
      body({ kind: 'grassroots_union', sector: 'non_state_enterprise', parentId: district.id, validFrom: '2024-05-10', ...over });
    const res = await admin.post('/api/org-units', grassroots({ foundingDecision: '  125/QĐ-LĐLĐ ', initialMemberCount: 12 }));
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ foundingDecision: '125/QĐ-LĐLĐ', initialMemberCount: 12, validFrom: '2024-05-10' });
    const [audit] = await auditRows(database.db, unit.id);
    expect(audit!.after).toMatchObject({ foundingDecision: '125/QĐ-LĐLĐ', initialMemberCount: 12 });
    expect((await admin.get(`/api/org-units/${unit.id}`)).json()).toMatchObject({
      foundingDecision: '125/QĐ-LĐLĐ',
      initialMemberCount: 12,
    });
    const listed = (await admin.get('/api/org-units?asOf=2024-06-01')).json().items.find((i: { id: string }) => i.id === unit.id);
    expect(listed).toMatchObject({ foundingDecision: '125/QĐ-LĐLĐ', initialMemberCount: 12 });

    const bare = await admin.post('/api/org-units', grassroots({ foundingDecision: '', initialMemberCount: null }));
    expect(bare.json()).toMatchObject({ foundingDecision: null, initialMemberCount: null });
    expect((await admin.post('/api/org-units', grassroots({ initialMemberCount: 5 }))).statusCode).toBe(201);

    const before = await treeCounts(database.db);
    const few = await admin.post('/api/org-units', grassroots({ initialMemberCount: 4 }));
    expect(few.statusCode).toBe(400);
    expect(few.json().error).toMatchObject({
      code: 'UNIT_FOUNDING_TOO_FEW_MEMBERS',
      fields: [{ field: 'initialMemberCount', message: 'Công đoàn cơ sở cần ít nhất 5 đoàn viên khi thành lập.' }],
    });
    const none = await admin.post('/api/org-units', grassroots({ initialMemberCount: 0 }));
    expect(none.json().error.code).toBe('UNIT_FOUNDING_TOO_FEW_MEMBERS');
    const long = await admin.post('/api/org-units', grassroots({ foundingDecision: 'x'.repeat(65) }));
    expect(long.json().error.fields).toEqual([expect.objectContaining({ field: 'foundingDecision' })]);
    const fraction = await admin.post('/api/org-units', grassroots({ initialMemberCount: 7.5 }));
    expect(fraction.json().error.fields).toEqual([expect.objectContaining({ field: 'initialMemberCount' })]);

    // Other kinds have no founding record, like the sector.
    const decision = await admin.post('/api/org-units', body({ parentId: root.id, foundingDecision: '01/QĐ' }));
    expect(decision.statusCode).toBe(400);
    expect(decision.json().error.fields).toEqual([
      { field: 'foundingDecision', message: 'Chỉ công đoàn cơ sở mới có hồ sơ thành lập (số quyết định, số đoàn viên khi thành lập).' },
    ]);
    const count = await admin.post('/api/org-units', body({ parentId: root.id, initialMemberCount: 30 }));
    expect(count.json().error.fields).toEqual([expect.objectContaining({ field: 'initialMemberCount' })]);
    expect(await treeCounts(database.db)).toEqual(before);
    // …though an explicit "none" is accepted.
    expect(
      (await admin.post('/api/org-units', body({ parentId: root.id, foundingDecision: '', initialMemberCount: null }))).statusCode,
    ).toBe(201);
  });

  it('maps a unique-violation race on the code to UNIT_CODE_TAKEN', async () => {
    const existing = await createUnit(database.db);
    await expect(
      withCodeRace('code', () =>
        database.db
          .insert(orgUnits)
          .values({ code: existing.code, fullName: 'x', shortName: 'x', kind: 'section', validFrom: '2020-01-01' }),
      ),
    ).rejects.toMatchObject({ code: 'UNIT_CODE_TAKEN', fields: [{ field: 'code' }] });
  });
});
