import { describe, expect, it } from 'vitest';
import { useUsersTestContext } from './users.fixtures.js';

describe('GET /api/users/:id (get-user)', () => {
  const ctx = useUsersTestContext();

  it('returns the user with assignments, and 404 for an unknown id', async () => {
    const res = await ctx.adminClient.get(`/api/users/${ctx.admin.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ctx.admin.id,
      username: ctx.admin.username,
      disabled: false,
      assignments: [{ role: 'system_admin', unitId: ctx.unit.id, includesSubtree: true, validFrom: '2020-01-01', validTo: null }],
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const missing = await ctx.adminClient.get('/api/users/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Không tìm thấy dữ liệu yêu cầu.');
  });
});
