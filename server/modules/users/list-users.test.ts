import { describe, expect, it } from 'vitest';
import { createUnit, createUser } from '../../../test/factories.js';
import { roleAssignments } from '../../db/schema/index.js';
import { resolveSession } from '../auth/session.js';
import { listUsers } from './list-users.js';
import { useUsersTestContext } from './users.fixtures.js';
import { ListUsersQuery } from './schemas.js';

describe('GET /api/users (list-users)', () => {
  const ctx = useUsersTestContext();

  it('searches without diacritics, filters by role, unit and status, sorts and pages', async () => {
    const db = ctx.database.db;
    const other = await createUnit(db, { kind: 'province_federation' });
    const hung = await createUser(db, { username: 'hung.nv', fullName: 'Nguyễn Văn Hùng', role: 'federation_leader', unitId: other.id });
    const ha = await createUser(db, { username: 'ha.dt', fullName: 'Đặng Thu Hà', role: 'viewer', unitId: other.id });
    await createUser(db, { username: 'mai.tt', fullName: 'Trần Thị Mai', role: 'viewer', unitId: other.id, disabled: true });
    // An ended viewer role does not make "old" a viewer today.
    const old = await createUser(db, { username: 'old.viewer', fullName: 'Cũ' });
    await db
      .insert(roleAssignments)
      .values({ userId: old.id, role: 'viewer', unitId: other.id, validFrom: '2020-01-01', validTo: '2021-01-01' });

    const names = async (query: string) => {
      const res = await ctx.adminClient.get(`/api/users${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json().items as Array<{ username: string }>).map((u) => u.username);
    };
    expect(await names('?q=nguyen%20van')).toEqual(['hung.nv']);
    expect(await names('?q=DANG%20THU')).toEqual(['ha.dt']);
    expect(await names('?q=%C4%90%E1%BA%B7ng')).toEqual(['ha.dt']); // "Đặng"
    expect(await names('?q=100%25')).toEqual([]); // % is a literal, not a wildcard
    expect(await names(`?role=viewer&unitId=${other.id}`)).toEqual(['ha.dt', 'mai.tt']);
    expect(await names(`?role=viewer&unitId=${other.id}&status=active`)).toEqual(['ha.dt']);
    expect(await names(`?unitId=${other.id}&status=disabled`)).toEqual(['mai.tt']);
    expect(await names(`?unitId=${other.id}&sort=fullName&order=desc`)).toEqual(['mai.tt', 'hung.nv', 'ha.dt']);

    const page = await ctx.adminClient.get(`/api/users?unitId=${other.id}&pageSize=2&page=2`);
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.json().items).toHaveLength(1);
    const past = await ctx.adminClient.get(`/api/users?unitId=${other.id}&pageSize=2&page=5`);
    expect(past.json()).toMatchObject({ items: [], total: 3, page: 5 });

    const first = (await ctx.adminClient.get(`/api/users?q=hung`)).json().items[0];
    expect(first).toMatchObject({
      id: hung.id,
      email: null,
      disabled: false,
      assignments: [{ role: 'federation_leader', unitCode: other.code }],
    });
    expect(ha.id).toBeTruthy();
  });

  it('reads a page and its assignments in two queries, whatever the page size', async () => {
    const db = ctx.database.db;
    for (let i = 0; i < 6; i++) await createUser(db, { username: `nplus1_${i}`, role: 'viewer', unitId: ctx.unit.id });
    const token = ctx.adminClient.cookie.split('=')[1]!;
    const session = await resolveSession(db, token);
    const before = ctx.database.queryCount();
    const result = await listUsers(db, session!.actor, ListUsersQuery.parse({ q: 'nplus1', pageSize: '5' }));
    expect(ctx.database.queryCount() - before).toBe(2);
    expect(result.total).toBe(6);
    expect(result.items).toHaveLength(5);
    expect(result.items.every((u) => u.assignments.length === 1)).toBe(true);
  });

  it('rejects unknown sort keys with a Vietnamese message', async () => {
    const res = await ctx.adminClient.get('/api/users?sort=password');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'sort', message: 'Giá trị không nằm trong danh sách cho phép.' }]);
  });
});
