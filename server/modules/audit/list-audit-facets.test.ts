import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { seedAuditFixture } from './audit.fixtures.js';

describe('GET /api/audit/facets', () => {
  let database: DatabaseHandle;
  let app: App;
  let f: Awaited<ReturnType<typeof seedAuditFixture>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    f = await seedAuditFixture(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists distinct entity types and actions for an administrator', async () => {
    const admin = await signInAs(app, f.admin.username);
    const res = await admin.get('/api/audit/facets');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      entityTypes: ['org_unit', 'system', 'user'],
      actions: ['org_unit.create', 'org_unit.move', 'org_unit.update', 'system.load_demo_data', 'user.sign_in'],
      users: [
        { id: f.officerA.id, username: f.officerA.username, fullName: 'Nguyễn Văn Ánh' },
        { id: f.admin.id, username: f.admin.username, fullName: 'Quản trị viên' },
      ],
    });
  });

  it("keeps to the caller's scope", async () => {
    const officer = await signInAs(app, f.officerA.username);
    const res = await officer.get('/api/audit/facets');
    expect(res.json()).toEqual({
      entityTypes: ['org_unit'],
      actions: ['org_unit.move', 'org_unit.update'],
      // Who wrote entries in the officer's units (the administrator moved A1 into A).
      users: [
        { id: f.officerA.id, username: f.officerA.username, fullName: 'Nguyễn Văn Ánh' },
        { id: f.admin.id, username: f.admin.username, fullName: 'Quản trị viên' },
      ],
    });
    const chair = await signInAs(app, f.chairA1.username);
    expect((await chair.get('/api/audit/facets')).statusCode).toBe(403);
  });
});
