import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { sampleProgramBody } from './programs.fixtures.js';

describe('list programs in scope', () => {
  let database: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the programs of the units in scope, filtered by year and unit, paged', async () => {
    const province = await createUnit(database.db, { kind: 'province_federation' });
    const a = await createUnit(database.db, { kind: 'district_federation', parentId: province.id, shortName: 'LĐLĐ A' });
    const b = await createUnit(database.db, { kind: 'district_federation', parentId: province.id, shortName: 'LĐLĐ B' });
    const officerA = await signInAs(app, (await createUser(database.db, { role: 'federation_officer', unitId: a.id })).username);
    const officerB = await signInAs(app, (await createUser(database.db, { role: 'federation_officer', unitId: b.id })).username);
    const provinceViewer = await signInAs(app, (await createUser(database.db, { role: 'viewer', unitId: province.id })).username);
    for (const [n, year] of [
      [1, 2024],
      [2, 2024],
      [1, 2025],
    ] as const) {
      const res = await officerA.post('/api/programs', sampleProgramBody(a.id, { number: n, year }));
      expect(res.statusCode).toBe(201);
    }
    expect((await officerB.post('/api/programs', sampleProgramBody(b.id, { number: 1 }))).statusCode).toBe(201);

    const mine = (await officerA.get('/api/programs')).json();
    expect(mine.total).toBe(3);
    expect(mine.items.map((p: { year: number; number: number }) => `${p.year}/${p.number}`)).toEqual(['2025/1', '2024/2', '2024/1']);
    expect(mine.items[0]).toMatchObject({ unitName: 'LĐLĐ A', documentNumber: 'Số: 01/CTr-LĐLĐ', status: 'draft' });
    expect((await officerA.get('/api/programs?year=2024')).json().total).toBe(2);
    expect((await officerA.get(`/api/programs?unitId=${b.id}`)).json().total).toBe(0);

    const all = (await provinceViewer.get('/api/programs?pageSize=2')).json();
    expect(all.total).toBe(4);
    expect(all.items).toHaveLength(2);
    expect((await provinceViewer.get(`/api/programs?unitId=${b.id}`)).json().total).toBe(1);
    const bad = await provinceViewer.get('/api/programs?year=abc');
    expect(bad.statusCode).toBe(400);
  });
});
