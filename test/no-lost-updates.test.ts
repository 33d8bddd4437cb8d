// No lost updates (server/lib/row-version.ts): two officers open the same
// program, unit, member or target; the first save wins, the second — made on
// the version it read — gets 409 STALE_WRITE naming who changed it and when,
// and writes nothing. An edit without the version it was read at is refused.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../server/db/client.js';
import { members, orgUnits, programs } from '../server/db/schema/index.js';
import type { App } from '../server/lib/http.js';
import { sampleProgramBody } from '../server/modules/programs/programs.fixtures.js';
import { createTestApp, signInAs, type Client } from './app.js';
import { createTestDatabase } from './db.js';
import { createUnit, createUser } from './factories.js';

const YEAR = new Date().getFullYear();

describe('a stale save gets 409 naming who changed it and when, and writes nothing', () => {
  let database: DatabaseHandle;
  let app: App;
  let first: Client;
  let second: Client;
  let district: { id: string };
  let grassroots: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    district = await createUnit(database.db, { kind: 'district_federation' });
    grassroots = await createUnit(database.db, { kind: 'grassroots_union', parentId: district.id, sector: 'non_state_enterprise' });
    const a = await createUser(database.db, { role: 'federation_officer', unitId: district.id, fullName: 'Nguyễn Văn An' });
    const b = await createUser(database.db, { role: 'federation_officer', unitId: district.id, fullName: 'Trần Thị Bình' });
    first = await signInAs(app, a.username);
    second = await signInAs(app, b.username);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** The 409 names the first officer and a Vietnamese date-time. */
  function expectStale(res: { statusCode: number; body: string }) {
    expect(res.statusCode, res.body).toBe(409);
    const error = (JSON.parse(res.body) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('STALE_WRITE');
    expect(error.message).toContain('Nguyễn Văn An');
    expect(error.message).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  }

  it('programs', async () => {
    const created = await first.post('/api/programs', sampleProgramBody(district.id, { year: YEAR, number: 1, issuedOn: null }));
    expect(created.statusCode, created.body).toBe(201);
    const read = (await second.get(`/api/programs/${created.json().id}`)).json() as { id: string; rowVersion: number };
    expect(read.rowVersion).toBe(1);
    const saved = await first.patch(`/api/programs/${read.id}`, { title: 'Bản của An', expectedVersion: read.rowVersion });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rowVersion).toBe(2);
    expectStale(await second.patch(`/api/programs/${read.id}`, { title: 'Bản của Bình', expectedVersion: read.rowVersion }));
    const [row] = await database.db.select().from(programs).where(eq(programs.id, read.id));
    expect(row!.title).toBe('Bản của An');
    expect(row!.rowVersion).toBe(2);
    // Without the version it was read at, an edit is refused outright.
    expect((await second.patch(`/api/programs/${read.id}`, { title: 'Không có phiên bản' })).statusCode).toBe(400);
  });

  it('org units', async () => {
    const read = (await second.get(`/api/org-units/${grassroots.id}`)).json() as { rowVersion: number };
    expect((await first.patch(`/api/org-units/${grassroots.id}`, { address: 'Ấp 1', expectedVersion: read.rowVersion })).statusCode).toBe(
      200,
    );
    expectStale(await second.patch(`/api/org-units/${grassroots.id}`, { address: 'Ấp 2', expectedVersion: read.rowVersion }));
    const [row] = await database.db.select().from(orgUnits).where(eq(orgUnits.id, grassroots.id));
    expect(row!.address).toBe('Ấp 1');
  });

  it('members (a transfer or card in between also counts as a change)', async () => {
    const admitted = await first.post('/api/members', {
      fullName: 'Lê Văn Cường',
      gender: 'male',
      birthDate: '1990-01-01',
      unitId: grassroots.id,
      admittedOn: `${YEAR}-01-02`,
    });
    expect(admitted.statusCode, admitted.body).toBe(201);
    const id = admitted.json().id as string;
    const read = (await second.get(`/api/members/${id}`)).json() as { rowVersion: number };
    const saved = await first.patch(`/api/members/${id}`, { job: 'Thợ hàn', expectedVersion: read.rowVersion });
    expect(saved.statusCode, saved.body).toBe(200);
    expectStale(await second.patch(`/api/members/${id}`, { job: 'Thợ điện', expectedVersion: read.rowVersion }));
    const [row] = await database.db.select().from(members).where(eq(members.id, id));
    expect(row!.job).toBe('Thợ hàn');
    // A card issued after the second officer read the member is a change too.
    const now = (await second.get(`/api/members/${id}`)).json() as { rowVersion: number };
    expect((await first.post(`/api/members/${id}/card`, { cardNumber: 'CARD-0001', date: `${YEAR}-01-03` })).statusCode).toBe(200);
    expectStale(await second.patch(`/api/members/${id}`, { job: 'Thợ điện', expectedVersion: now.rowVersion }));
  });

  it('targets (their allocations)', async () => {
    const element = await first.post('/api/data-elements', {
      code: 'DV_MOI',
      nameVi: 'Đoàn viên mới',
      nameEn: 'New members',
      valueType: 'number',
      aggregation: 'sum',
    });
    expect(element.statusCode, element.body).toBe(201);
    const indicator = await first.post('/api/indicators', {
      code: 'DV_MOI',
      nameVi: 'Đoàn viên mới',
      nameEn: 'New members',
      measure: 'sum',
      unitOfMeasure: 'people',
      numeratorElementId: element.json().id,
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    const target = await first.post('/api/targets', {
      indicatorId: indicator.json().id,
      text: 'Kết nạp 10 đoàn viên',
      comparator: 'gte',
      value: 10,
      periodFrom: `${YEAR}-01`,
      periodTo: `${YEAR}-12`,
      scopeUnitId: district.id,
    });
    expect(target.statusCode, target.body).toBe(201);
    const id = target.json().id as string;
    const read = (await second.get(`/api/targets/${id}/allocations`)).json() as { rowVersion: number };
    const saved = await first.put(`/api/targets/${id}/allocations`, {
      mode: 'manual',
      allocations: [{ unitId: grassroots.id, value: 6 }],
      expectedVersion: read.rowVersion,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expectStale(
      await second.put(`/api/targets/${id}/allocations`, {
        mode: 'manual',
        allocations: [{ unitId: grassroots.id, value: 4 }],
        expectedVersion: read.rowVersion,
      }),
    );
    const now = (await second.get(`/api/targets/${id}/allocations`)).json() as { allocations: Array<{ value: number }> };
    expect(now.allocations.map((a) => a.value)).toEqual([6]);
  });
});
