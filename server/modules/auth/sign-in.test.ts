import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { createTestApp, signInAs } from '../../../test/app.js';
import { createUnit, createUser, TEST_PASSWORD } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';

describe('sign-in, sessions and CSRF', () => {
  let database: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('signs in, reads /me, and signs out', async () => {
    const unit = await createUnit(database.db);
    const user = await createUser(database.db, { role: 'viewer', unitId: unit.id });
    const client = await signInAs(app, user.username);
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(user.username);
    expect(me.json().permissions).toContain('viewUnits');
    const out = await client.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sets an HTTP-only SameSite cookie', async () => {
    const user = await createUser(database.db);
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: TEST_PASSWORD } });
    const cookie = res.cookies[0]!;
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toBe('strict');
  });

  it('refuses a write without the CSRF token', async () => {
    const user = await createUser(database.db);
    const client = await signInAs(app, user.username);
    const res = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: client.cookie }, payload: { locale: 'en' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const ok = await client.patch('/api/auth/me', { locale: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en');
  });

  it('locks an account after 5 failures with a Vietnamese message', async () => {
    const user = await createUser(database.db);
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: 'wrong-password' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_LOCKED');
    expect(locked.json().error.message).toMatch(/tạm thời bị khóa/);
  });

  it('refuses a disabled user', async () => {
    const user = await createUser(database.db, { disabled: true });
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('USER_DISABLED');
  });

  it('changes the password and rejects a wrong current one', async () => {
    const user = await createUser(database.db);
    const client = await signInAs(app, user.username);
    const wrong = await client.post('/api/auth/change-password', { currentPassword: 'nope-nope', newPassword: 'NewPass@123' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('currentPassword');
    const short = await client.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0]).toEqual({ field: 'newPassword', message: 'Cần ít nhất 8 ký tự.' });
    const ok = await client.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPass@123' });
    expect(ok.statusCode).toBe(200);
    await expect(signInAs(app, user.username, 'NewPass@123')).resolves.toBeTruthy();
  });

  it('answers validation errors in English when asked', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'accept-language': 'en' }, payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'password', message: 'This field is required.' }]);
  });
});
