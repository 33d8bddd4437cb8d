import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog, issueDelegations } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';

// Ủy quyền ban hành (docs/issue-delegations.md): only a leader of the unit
// itself grants, to an officer of the unit, for dates the leader held the unit.
describe('grant an issue delegation', () => {
  let database: DatabaseHandle;
  let app: App;
  let province: { id: string };
  let district: { id: string };
  let officerId: string;
  let officer: Client;
  let leader: Client;
  let viewerId: string;
  const url = () => `/api/org-units/${district.id}/issue-delegations`;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    province = await createUnit(database.db, { kind: 'province_federation', validFrom: '2010-01-01' });
    // The district exists from 2010; its people hold their roles from 2020 (the factories' date).
    district = await createUnit(database.db, { kind: 'district_federation', parentId: province.id, validFrom: '2010-01-01' });
    const o = await createUser(database.db, { role: 'federation_officer', unitId: district.id, fullName: 'Trần Thị Văn Phòng' });
    officerId = o.id;
    officer = await signInAs(app, o.username);
    leader = await signInAs(app, (await createUser(database.db, { role: 'federation_leader', unitId: district.id })).username);
    viewerId = (await createUser(database.db, { role: 'viewer', unitId: district.id })).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("grants to the unit's officer, audited, and lists it with the officers who may be given one", async () => {
    const res = await leader.post(url(), { userId: officerId, validFrom: '2024-01-01', validTo: '2024-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      unitId: district.id,
      userId: officerId,
      userFullName: 'Trần Thị Văn Phòng',
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
    });
    expect(d.state).toBe('ended'); // 2024 is past
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audit).toMatchObject({ action: 'issue_delegation.grant', entityType: 'issue_delegation', unitId: district.id });
    expect(audit!.after).toMatchObject({ userId: officerId, validFrom: '2024-01-01', validTo: '2024-12-31' });

    const list = (await leader.get(url())).json();
    expect(list.canManage).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect(list.candidates.map((c: { userId: string }) => c.userId)).toEqual([officerId]);
    // The officer reads it, may not manage, and is offered no one.
    const theirs = (await officer.get(url())).json();
    expect(theirs).toMatchObject({ canManage: false, candidates: [] });
    expect(theirs.items).toHaveLength(1);
  });

  it('refuses an overlapping delegation, bad dates and someone who is not an officer of the unit', async () => {
    const overlap = await leader.post(url(), { userId: officerId, validFrom: '2024-06-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('ISSUE_DELEGATION_OVERLAPS');
    expect(overlap.json().error.message).toContain('Trần Thị Văn Phòng');
    const dates = await leader.post(url(), { userId: officerId, validFrom: '2026-01-01', validTo: '2025-12-31' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.fields[0].field).toBe('validTo');
    const viewer = await leader.post(url(), { userId: viewerId, validFrom: '2025-01-01' });
    expect(viewer.statusCode).toBe(400);
    expect(viewer.json().error.code).toBe('ISSUE_DELEGATION_NOT_OFFICER');
    expect(viewer.json().error.fields[0].field).toBe('userId');
    expect(await database.db.select().from(issueDelegations)).toHaveLength(1);
  });

  it('is for a leader of the unit itself, on dates they led it (write scope by date)', async () => {
    // The officer cannot delegate to themselves; the province's leader (over the subtree) is not the district's leader.
    expect((await officer.post(url(), { userId: officerId, validFrom: '2025-01-01' })).statusCode).toBe(403);
    const provinceLeader = await signInAs(
      app,
      (await createUser(database.db, { role: 'federation_leader', unitId: province.id })).username,
    );
    expect((await provinceLeader.post(url(), { userId: officerId, validFrom: '2025-01-01' })).statusCode).toBe(403);
    expect((await provinceLeader.get(url())).json().canManage).toBe(false);
    // Back-dated to 2015, before the leader's own assignment (2020): not theirs to grant.
    expect((await leader.post(url(), { userId: officerId, validFrom: '2015-01-01', validTo: '2015-12-31' })).statusCode).toBe(403);
    // A leader of another unit, or of no unit: the plain 403, whether the unit exists or not.
    const other = await createUnit(database.db, { kind: 'district_federation' });
    const stranger = await signInAs(app, (await createUser(database.db, { role: 'federation_leader', unitId: other.id })).username);
    expect((await stranger.post(url(), { userId: officerId, validFrom: '2025-01-01' })).json().error.code).toBe('FORBIDDEN');
    expect((await stranger.get(url())).statusCode).toBe(403);
    expect(await database.db.select().from(issueDelegations)).toHaveLength(1);
    // Open-ended from 2025: granted.
    expect((await leader.post(url(), { userId: officerId, validFrom: '2025-01-01' })).statusCode).toBe(201);
  });
});
