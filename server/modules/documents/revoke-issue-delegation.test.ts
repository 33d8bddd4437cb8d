import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';

describe('revoke an issue delegation', () => {
  let database: DatabaseHandle;
  let app: App;
  let district: { id: string };
  let officerId: string;
  let officer: Client;
  let leader: Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    district = await createUnit(database.db, { kind: 'district_federation' });
    const o = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    officerId = o.id;
    officer = await signInAs(app, o.username);
    leader = await signInAs(
      app,
      (await createUser(database.db, { role: 'federation_leader', unitId: district.id, fullName: 'Lãnh Đạo' })).username,
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('revokes with the version it was read at, keeps the row as history, audited; once only', async () => {
    const d = (await leader.post(`/api/org-units/${district.id}/issue-delegations`, { userId: officerId, validFrom: '2024-01-01' })).json();
    expect(d.state).toBe('active');
    // The officer may not revoke it; a stale version is 409.
    expect((await officer.post(`/api/issue-delegations/${d.id}/revoke`, { expectedVersion: d.rowVersion })).statusCode).toBe(403);
    const stale = await leader.post(`/api/issue-delegations/${d.id}/revoke`, { expectedVersion: d.rowVersion + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');

    const res = await leader.post(`/api/issue-delegations/${d.id}/revoke`, { expectedVersion: d.rowVersion });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: d.id, state: 'revoked', revokedByName: 'Lãnh Đạo', rowVersion: d.rowVersion + 1 });
    expect(res.json().revokedAt).toBeTruthy();
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['issue_delegation.grant', 'issue_delegation.revoke']);

    const again = await leader.post(`/api/issue-delegations/${d.id}/revoke`, { expectedVersion: d.rowVersion + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ISSUE_DELEGATION_REVOKED');
    // Still listed, as revoked; a new one may be granted over the same dates.
    const list = (await leader.get(`/api/org-units/${district.id}/issue-delegations`)).json();
    expect(list.items.map((i: { state: string }) => i.state)).toEqual(['revoked']);
    expect(
      (await leader.post(`/api/org-units/${district.id}/issue-delegations`, { userId: officerId, validFrom: '2024-01-01' })).statusCode,
    ).toBe(201);
  });

  it('answers an unknown delegation like one outside the scope', async () => {
    const res = await leader.post('/api/issue-delegations/00000000-0000-4000-8000-000000000000/revoke', { expectedVersion: 1 });
    expect(res.statusCode).toBe(403);
  });
});
