import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { sampleProgramBody } from './programs.fixtures.js';

describe('issue a program', () => {
  let database: DatabaseHandle;
  let app: App;
  let district: { id: string };
  let grassroots: { id: string };
  let officer: Client;
  let number = 1;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    district = await createUnit(database.db, { kind: 'district_federation' });
    grassroots = await createUnit(database.db, { parentId: district.id });
    const user = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    officer = await signInAs(app, user.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const createDraft = async (overrides = {}) => {
    const res = await officer.post('/api/programs', sampleProgramBody(district.id, { number: number++, ...overrides }));
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  };

  it('lets a federation leader issue a draft, once', async () => {
    const draft = await createDraft();
    const leader = await createUser(database.db, { role: 'federation_leader', unitId: district.id });
    const client = await signInAs(app, leader.username);
    const res = await client.post(`/api/programs/${draft.id}/issue`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('issued');
    expect(res.json().issuedOn).toBe('2024-01-19');
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['program.create', 'program.issue']);
    const again = await client.post(`/api/programs/${draft.id}/issue`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROGRAM_NOT_DRAFT');
  });

  it('dates an undated draft on the day it is issued', async () => {
    const draft = await createDraft({ issuedOn: null });
    const res = await officer.post(`/api/programs/${draft.id}/issue`);
    expect(res.statusCode).toBe(200);
    expect(res.json().issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('forbids a grassroots chair and a viewer', async () => {
    const draft = await createDraft();
    const chair = await createUser(database.db, { role: 'grassroots_officer', unitId: grassroots.id, includesSubtree: false });
    const viewer = await createUser(database.db, { role: 'viewer', unitId: district.id });
    for (const user of [chair, viewer]) {
      const client = await signInAs(app, user.username);
      expect((await client.post(`/api/programs/${draft.id}/issue`)).statusCode).toBe(403);
    }
    expect((await officer.get(`/api/programs/${draft.id}`)).json().status).toBe('draft');
  });
});
