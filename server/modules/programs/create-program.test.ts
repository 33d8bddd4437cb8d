import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog, programs } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import type { App } from '../../lib/http.js';
import { sampleProgramBody } from './programs.fixtures.js';

describe('create a draft program', () => {
  let database: DatabaseHandle;
  let app: App;
  let district: { id: string };
  let sibling: { id: string };
  let grassroots: { id: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    const province = await createUnit(database.db, { kind: 'province_federation' });
    district = await createUnit(database.db, { kind: 'district_federation', parentId: province.id });
    sibling = await createUnit(database.db, { kind: 'district_federation', parentId: province.id });
    grassroots = await createUnit(database.db, { parentId: district.id });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const countPrograms = async () =>
    Number((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from programs`))[0]!.n);

  it('lets a federation officer create a draft, audited in the same transaction', async () => {
    const officer = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    const client = await signInAs(app, officer.username);
    const res = await client.post('/api/programs', sampleProgramBody(district.id, { number: 3 }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.status).toBe('draft');
    expect(body.documentNumber).toBe('Số: 03/CTr-LĐLĐ');
    expect(body.placeAndDate).toBe('Vĩnh Thuận, ngày 19 tháng 01 năm 2024');
    expect(body.content.targets).toHaveLength(10);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit.map((a) => a.action)).toEqual(['program.create']);
    expect(audit[0]!.userId).toBe(officer.id);
    expect(audit[0]!.unitId).toBe(district.id);
  });

  it('refuses a number already used by the unit that year, whatever the kind (one sequence per issuer)', async () => {
    const officer = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    const client = await signInAs(app, officer.username);
    expect((await client.post('/api/programs', sampleProgramBody(district.id, { number: 5 }))).statusCode).toBe(201);
    const before = await countPrograms();
    const dup = await client.post('/api/programs', sampleProgramBody(district.id, { number: 5 }));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.code).toBe('DOCUMENT_NUMBER_TAKEN');
    expect(dup.json().error.fields[0]).toEqual({
      field: 'number',
      message:
        'Số 5 đã được đơn vị dùng cho một văn bản khác trong năm 2024 (mọi loại văn bản của đơn vị dùng chung một dãy số). Số còn trống tiếp theo: 6.',
    });
    // A plan shares the sequence of programs: number 5 is taken for it too, 6 is free.
    const plan = await client.post('/api/programs', sampleProgramBody(district.id, { number: 5, kind: 'plan', symbol: 'KH-LĐLĐ' }));
    expect(plan.json().error.code).toBe('DOCUMENT_NUMBER_TAKEN');
    expect(
      (await client.post('/api/programs', sampleProgramBody(district.id, { number: 6, kind: 'plan', symbol: 'KH-LĐLĐ' }))).statusCode,
    ).toBe(201);
    expect(await countPrograms()).toBe(before + 1);
  });

  it('refuses content that does not follow the schema, changing nothing', async () => {
    const officer = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    const client = await signInAs(app, officer.username);
    const before = await countPrograms();
    const body = sampleProgramBody(district.id, { number: 7 });
    const bad = { ...body, content: { ...body.content, targets: [{ code: '1', text: '' }] } };
    const res = await client.post('/api/programs', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await countPrograms()).toBe(before);
  });

  it("forbids a grassroots chair the federation's program and an officer of a sibling federation", async () => {
    const chair = await createUser(database.db, { role: 'grassroots_officer', unitId: grassroots.id, includesSubtree: false });
    const chairClient = await signInAs(app, chair.username);
    const before = await countPrograms();
    const federations = await chairClient.post('/api/programs', sampleProgramBody(district.id, { number: 8 }));
    expect(federations.statusCode).toBe(403);
    expect(federations.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    const outsider = await createUser(database.db, { role: 'federation_officer', unitId: sibling.id });
    const outsiderClient = await signInAs(app, outsider.username);
    expect((await outsiderClient.post('/api/programs', sampleProgramBody(district.id, { number: 9 }))).statusCode).toBe(403);
    expect(await countPrograms()).toBe(before);
    const rows = await database.db.select({ id: programs.id }).from(programs).where(eq(programs.unitId, grassroots.id));
    expect(rows).toHaveLength(0);
    // Their own CĐCS's program is theirs to write (cụ thể hóa).
    const own = await chairClient.post('/api/programs', sampleProgramBody(grassroots.id, { number: 1 }));
    expect(own.statusCode).toBe(201);
  });
});
