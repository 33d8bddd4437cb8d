import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createUser } from '../../../test/factories.js';
import { signInAs } from '../../../test/app.js';
import { auditCount, auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('POST /api/users/:id/disable (disable-user)', () => {
  const ctx = useUsersTestContext();

  it('blocks sign-in and ends the sessions of the user', async () => {
    const user = await createUser(ctx.database.db, { role: 'viewer', unitId: ctx.unit.id });
    const session = await signInAs(ctx.app, user.username);
    const res = await ctx.adminClient.post(`/api/users/${user.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json().error.code).toBe('USER_DISABLED');
    const rows = await auditRowsFor(ctx.database, user.id);
    expect(rows.filter((r) => r.action === 'user.disable')).toHaveLength(1);
    // Disabling again changes nothing and writes nothing.
    const before = await auditCount(ctx.database);
    expect((await ctx.adminClient.post(`/api/users/${user.id}/disable`)).statusCode).toBe(200);
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it('refuses to let an administrator disable themself', async () => {
    const before = await auditCount(ctx.database);
    const res = await ctx.adminClient.post(`/api/users/${ctx.admin.id}/disable`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'CANNOT_DISABLE_SELF', message: 'Bạn không thể tự vô hiệu hóa tài khoản của mình.' });
    expect((await ctx.adminClient.get('/api/auth/me')).statusCode).toBe(200);
    expect(await auditCount(ctx.database)).toBe(before);
  });
});
