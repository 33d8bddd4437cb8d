import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { sampleProgramBody } from './programs.fixtures.js';

// Who issues (DOMAIN.md "Roles"): the leader, or an officer the leader
// delegates (docs/issue-delegations.md). The sample programs are of 2024, so a
// delegation counts when it is in force on 31/12/2024 (the write date of a past year).
describe('issue a program', () => {
  let database: DatabaseHandle;
  let app: App;
  let district: { id: string; shortName: string };
  let grassroots: { id: string };
  let officer: Client;
  let officerId: string;
  let leader: Client;
  let number = 1;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    district = await createUnit(database.db, { kind: 'district_federation', shortName: 'LĐLĐ huyện Thử' });
    grassroots = await createUnit(database.db, { parentId: district.id });
    const user = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    officerId = user.id;
    officer = await signInAs(app, user.username);
    const leaderUser = await createUser(database.db, { role: 'federation_leader', unitId: district.id });
    leader = await signInAs(app, leaderUser.username);
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
  const actions = async (client: Client, id: string) =>
    ((await client.get(`/api/programs/${id}`)).json() as { allowedActions: string[] }).allowedActions;
  const grant = async (body: { validFrom: string; validTo?: string | null }) => {
    const res = await leader.post(`/api/org-units/${district.id}/issue-delegations`, { userId: officerId, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; rowVersion: number };
  };
  const revoke = async (d: { id: string; rowVersion: number }) => {
    const res = await leader.post(`/api/issue-delegations/${d.id}/revoke`, { expectedVersion: d.rowVersion });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('lets a federation leader issue a draft, once', async () => {
    const draft = await createDraft();
    expect(await actions(leader, draft.id)).toContain('issue');
    const res = await leader.post(`/api/programs/${draft.id}/issue`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('issued');
    expect(res.json().issuedOn).toBe('2024-01-19');
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['program.create', 'program.issue']);
    const again = await leader.post(`/api/programs/${draft.id}/issue`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROGRAM_NOT_DRAFT');
  });

  it('refuses an officer without a delegation with a Vietnamese 403 that says who may issue, and hides the action', async () => {
    const draft = await createDraft();
    expect(await actions(officer, draft.id)).toEqual(['edit']);
    const res = await officer.post(`/api/programs/${draft.id}/issue`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('PROGRAM_ISSUE_NOT_DELEGATED');
    expect(res.json().error.message).toContain('Chỉ lãnh đạo LĐLĐ huyện Thử hoặc cán bộ được lãnh đạo ủy quyền');
    expect((await officer.get(`/api/programs/${draft.id}`)).json().status).toBe('draft');
  });

  it('lets the officer issue while the delegation is in force, and refuses again once it is revoked; the leader always can', async () => {
    const delegation = await grant({ validFrom: '2024-01-01' });
    const first = await createDraft({ issuedOn: null });
    expect(await actions(officer, first.id)).toEqual(['edit', 'issue']);
    const res = await officer.post(`/api/programs/${first.id}/issue`);
    expect(res.statusCode, res.body).toBe(200);
    // An undated draft is dated the day it is issued.
    expect(res.json().issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await revoke(delegation);
    const second = await createDraft();
    expect(await actions(officer, second.id)).toEqual(['edit']);
    expect((await officer.post(`/api/programs/${second.id}/issue`)).json().error.code).toBe('PROGRAM_ISSUE_NOT_DELEGATED');
    expect((await leader.post(`/api/programs/${second.id}/issue`)).statusCode).toBe(200);
  });

  it('counts a delegation only on the dates it covers (the write date of the program)', async () => {
    const draft = await createDraft();
    // Ended before 2024 ends, and one that starts after: neither covers 31/12/2024.
    const ended = await grant({ validFrom: '2023-01-01', validTo: '2024-06-30' });
    const upcoming = await grant({ validFrom: '2025-01-01' });
    expect(await actions(officer, draft.id)).toEqual(['edit']);
    expect((await officer.post(`/api/programs/${draft.id}/issue`)).statusCode).toBe(403);
    await revoke(ended);
    await revoke(upcoming);
    await grant({ validFrom: '2024-07-01', validTo: '2024-12-31' });
    expect((await officer.post(`/api/programs/${draft.id}/issue`)).statusCode).toBe(200);
  });

  it('forbids a grassroots chair and a viewer the district’s program (the plain 403)', async () => {
    const draft = await createDraft();
    const chair = await createUser(database.db, { role: 'grassroots_officer', unitId: grassroots.id, includesSubtree: false });
    const viewer = await createUser(database.db, { role: 'viewer', unitId: district.id });
    for (const user of [chair, viewer]) {
      const client = await signInAs(app, user.username);
      const res = await client.post(`/api/programs/${draft.id}/issue`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await officer.get(`/api/programs/${draft.id}`)).json().status).toBe('draft');
  });
});
