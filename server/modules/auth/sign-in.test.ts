import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { createTestApp, signInAs } from '../../../test/app.js';
import { createUnit, createUser, TEST_PASSWORD } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { App } from '../../lib/http.js';
import argon2 from 'argon2';
import { passwordNeedsRehash, verifyPassword } from '../../lib/passwords.js';
import { signIn, signInDelayMs } from './sign-in.js';

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

  it('replaces a hash made with older argon2 parameters at the next sign-in, and the password still works', async () => {
    const user = await createUser(database.db);
    const old = await argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    await database.db.execute(sql`update users set password_hash = ${old} where id = ${user.id}`);
    expect(passwordNeedsRehash(old)).toBe(true);
    await signIn(database.db, { username: user.username, password: TEST_PASSWORD });
    const [row] = await queryRows<{ password_hash: string }>(database.db, sql`select password_hash from users where id = ${user.id}`);
    expect(row!.password_hash).not.toBe(old);
    expect(passwordNeedsRehash(row!.password_hash)).toBe(false);
    expect(await verifyPassword(row!.password_hash, TEST_PASSWORD)).toBe(true);
  });

  it('sets an HTTP-only SameSite cookie', async () => {
    const user = await createUser(database.db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
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
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: user.username, password: 'wrong-password' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_LOCKED');
    expect(locked.json().error.message).toMatch(/tạm thời bị khóa/);
  });

  it('counts parallel guesses before verifying them: 15 at once verify only 5, the right one among them cannot slip through', async () => {
    const user = await createUser(database.db);
    const attempt = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '203.0.113.7',
        payload: { username: user.username, password },
      });
    const results = await Promise.all([...Array.from({ length: 14 }, (_, i) => attempt(`wrong-password-${i}`)), attempt(TEST_PASSWORD)]);
    const statuses = results.map((r) => r.statusCode);
    // Exactly LIMITS.loginMaxFailures attempts reach the password check; the others are refused unverified.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('locks out only the guessing address, audits failures and the lockout', async () => {
    const user = await createUser(database.db);
    const from = (remoteAddress: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { username: user.username, password } });
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.1', 'wrong-password')).statusCode).toBe(401);
    expect((await from('198.51.100.1', TEST_PASSWORD)).statusCode).toBe(429);
    // The owner, from their own address, still signs in.
    expect((await from('198.51.100.2', TEST_PASSWORD)).statusCode).toBe(200);
    const audits = await queryRows<{ action: string; entity_id: string | null; after: { address: string } }>(
      database.db,
      sql`select action, entity_id, after from audit_log where entity_id = ${user.id} and action in ('user.sign_in_failed', 'user.locked_out') order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual([...Array(5).fill('user.sign_in_failed'), 'user.locked_out']);
    expect(audits[0]!.after.address).toBe('198.51.100.1');
  });

  it('slows down guesses on one account from many addresses (progressive delay)', async () => {
    const user = await createUser(database.db);
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    for (let i = 0; i < 8; i++) {
      await expect(
        signIn(database.db, { username: user.username, password: 'wrong-password' }, { address: `192.0.2.${i}`, sleep }),
      ).rejects.toThrow('LOGIN_INVALID');
    }
    expect(delays).toEqual([250, 500]); // the 6th and 7th failures on the account wait
    await signIn(database.db, { username: user.username, password: TEST_PASSWORD }, { address: '192.0.2.200', sleep });
    expect(delays).toEqual([250, 500, 1000]); // the right password waits too, then clears the count
    await signIn(database.db, { username: user.username, password: TEST_PASSWORD }, { address: '192.0.2.200', sleep });
    expect(delays).toHaveLength(3);
    expect(signInDelayMs(100)).toBe(8000);
  });

  it('limits sign-in requests per address with a Vietnamese 429', async () => {
    const limited = await createTestApp(database, { signInPerMinute: 3 });
    try {
      const send = () =>
        limited.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          remoteAddress: '192.0.2.99',
          payload: { username: 'nobody', password: 'x' },
        });
      for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(401);
      const res = await send();
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('SIGN_IN_RATE_LIMITED');
      expect(res.json().error.message).toMatch(/^Có quá nhiều lần đăng nhập từ địa chỉ này\. Vui lòng thử lại sau \d+ giây\.$/);
      const other = await limited.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '192.0.2.98',
        payload: { username: 'nobody', password: 'x' },
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('refuses a disabled user', async () => {
    const user = await createUser(database.db, { disabled: true });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
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
    expect(short.json().error.fields[0]).toEqual({ field: 'newPassword', message: 'Cần ít nhất 10 ký tự.' });
    const common = await client.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'Password123' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields[0]).toEqual({
      field: 'newPassword',
      message: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán. Vui lòng chọn mật khẩu khác.',
    });
    const ok = await client.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPass@123' });
    expect(ok.statusCode).toBe(200);
    await expect(signInAs(app, user.username, 'NewPass@123')).resolves.toBeTruthy();
  });

  it('answers validation errors in English when asked', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'accept-language': 'en' },
      payload: { username: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'password', message: 'This field is required.' }]);
  });
});
