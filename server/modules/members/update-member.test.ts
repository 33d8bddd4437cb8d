import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql.js';
import { admitBody, createMemberWorld, type MemberWorld } from './members.fixtures.js';

describe('PATCH /api/members/:id (sửa thông tin đoàn viên)', () => {
  let w: MemberWorld;
  beforeAll(async () => {
    w = await createMemberWorld();
  });
  afterAll(async () => w?.close());

  it('changes only the fields it sends: a new phone keeps the union office and party membership', async () => {
    const admitted = await w.officerA.post(
      '/api/members',
      admitBody(w.units.a1, { unionPosition: 'chair', partyMember: true, job: 'Giáo viên' }),
    );
    expect(admitted.statusCode, admitted.body).toBe(201);
    const m = admitted.json();
    const res = await w.officerA.patch(`/api/members/${m.id}`, { phone: '0987654321', expectedVersion: m.rowVersion });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '0987654321', unionPosition: 'chair', partyMember: true, job: 'Giáo viên' });
    expect(res.json().rowVersion).toBe(m.rowVersion + 1);
    const [audit] = await queryRows<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      w.database.db,
      sql`select before, after from audit_log where entity_id = ${m.id} and action = 'member.update'`,
    );
    expect(audit?.before).toMatchObject({ phone: '0912345678', unionPosition: 'chair', partyMember: true });
    expect(audit?.after).toMatchObject({ phone: '0987654321', unionPosition: 'chair', partyMember: true });
    expect(audit?.after).not.toHaveProperty('nameFolded');
    expect(audit?.after).not.toHaveProperty('rowVersion');
  });

  it('refuses an edit by whoever does not hold the member unit, and an unknown id, alike', async () => {
    const m = (await w.officerA.post('/api/members', admitBody(w.units.a1))).json();
    const edit = { phone: '0987654321', expectedVersion: m.rowVersion };
    expect((await w.officerB.patch(`/api/members/${m.id}`, edit)).statusCode).toBe(403);
    expect((await w.chairA1.patch(`/api/members/00000000-0000-4000-8000-000000000000`, edit)).statusCode).toBe(403);
    expect((await w.admin.patch(`/api/members/00000000-0000-4000-8000-000000000000`, edit)).statusCode).toBe(404);
    const after = (await w.officerA.get(`/api/members/${m.id}`)).json();
    expect(after).toMatchObject({ phone: '0912345678', rowVersion: m.rowVersion });
  });
});
