import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/app.js';
import { createUser } from '../../../test/factories.js';
import { ROLES } from '../../../common/enums.js';
import { auditCount, useUsersTestContext } from './users.fixtures.js';

describe('users policy: only system administrators manage users', () => {
  const ctx = useUsersTestContext();

  it('answers 403 to every other role on every users endpoint, writing nothing', async () => {
    const target = await createUser(ctx.database.db, { role: 'viewer', unitId: ctx.unit.id });
    const assignmentId = (await ctx.adminClient.get(`/api/users/${target.id}`)).json().assignments[0].id;
    const assignment = { role: 'viewer', unitId: ctx.unit.id, includesSubtree: true, validFrom: '2025-01-01' };
    const before = await auditCount(ctx.database);
    for (const role of ROLES.filter((r) => r !== 'system_admin')) {
      const user = await createUser(ctx.database.db, { role, unitId: ctx.unit.id, includesSubtree: true });
      const c = await signInAs(ctx.app, user.username);
      const calls = [
        c.get('/api/users'),
        c.get(`/api/users/${target.id}`),
        c.post('/api/users', { username: `x_${role}`, fullName: 'X', password: 'Secret@123' }),
        c.post('/api/users', {}),
        c.patch(`/api/users/${target.id}`, { fullName: 'X' }),
        c.post(`/api/users/${target.id}/reset-password`, { newPassword: 'Secret@123' }),
        c.post(`/api/users/${target.id}/disable`),
        c.post(`/api/users/${target.id}/enable`),
        c.post(`/api/users/${target.id}/assignments`, assignment),
        c.patch(`/api/users/${target.id}/assignments/${assignmentId}`, { validTo: '2025-12-31' }),
        c.delete(`/api/users/${target.id}/assignments/${assignmentId}`),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode, `${role} ${res.raw.req.method} ${res.raw.req.url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
    // Only the sign-ins were recorded.
    const signIns = ROLES.length - 1;
    expect(await auditCount(ctx.database)).toBe(before + signIns);
    expect((await ctx.adminClient.get(`/api/users/${target.id}`)).json()).toMatchObject({ fullName: target.fullName, disabled: false });
  });

  it('answers 401 when signed out', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(401);
  });
});
