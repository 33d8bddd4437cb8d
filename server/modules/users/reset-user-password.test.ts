import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/app.js';
import { createUser } from '../../../test/factories.js';
import { auditCount, auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('POST /api/users/:id/reset-password (reset-user-password)', () => {
  const ctx = useUsersTestContext();

  it('sets a new password that works, ends old sessions, and audits without the hash', async () => {
    const user = await createUser(ctx.database.db, { role: 'viewer', unitId: ctx.unit.id });
    const old = await signInAs(ctx.app, user.username);
    expect((await old.get('/api/auth/me')).statusCode).toBe(200);
    const res = await ctx.adminClient.post(`/api/users/${user.id}/reset-password`, { newPassword: 'Moi@2024vt!' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    await expect(signInAs(ctx.app, user.username)).rejects.toThrow(/401/);
    const fresh = await signInAs(ctx.app, user.username, 'Moi@2024vt!');
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);
    const rows = await auditRowsFor(ctx.database, user.id);
    const reset = rows.find((r) => r.action === 'user.reset_password')!;
    expect(reset.userId).toBe(ctx.admin.id);
    expect(JSON.stringify(reset)).not.toMatch(/argon2|Moi@2024vt!/);
  });

  it('refuses a short password in Vietnamese and an unknown user, writing nothing', async () => {
    const user = await createUser(ctx.database.db);
    const before = await auditCount(ctx.database);
    const short = await ctx.adminClient.post(`/api/users/${user.id}/reset-password`, { newPassword: 'abc' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual([{ field: 'newPassword', message: 'Cần ít nhất 10 ký tự.' }]);
    const common = await ctx.adminClient.post(`/api/users/${user.id}/reset-password`, { newPassword: 'qwertyuiop' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields).toEqual([
      { field: 'newPassword', message: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán. Vui lòng chọn mật khẩu khác.' },
    ]);
    const missing = await ctx.adminClient.post('/api/users/00000000-0000-4000-8000-000000000000/reset-password', {
      newPassword: 'Moi@2024vt!',
    });
    expect(missing.statusCode).toBe(404);
    expect(await auditCount(ctx.database)).toBe(before);
  });
});
