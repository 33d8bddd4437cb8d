import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../test/app.js';
import { createTestDatabase } from '../test/db.js';
import { createUnit, createUser } from '../test/factories.js';
import type { DatabaseHandle } from './db/client.js';
import type { App } from './lib/http.js';

/** Sends a raw HTTP/1.1 request (e.g. with an absolute-form request line) and returns the status code. */
function rawRequest(port: number, requestLine: string, headers: string[] = []): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write([requestLine, `Host: 127.0.0.1:${port}`, 'Connection: close', ...headers, '', ''].join('\r\n'));
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
    socket.on('error', reject);
  });
}

describe('request handling and security headers', () => {
  let database: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, { searchPerMinute: 3 });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('sends security headers on every response: CSP without inline scripts, no framing, nosniff', async () => {
    for (const url of ['/api/health', '/api/members', '/some/page']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('authenticates a request line in absolute form instead of reaching the handler without an actor', async () => {
    const unit = await createUnit(database.db);
    await createUser(database.db, { role: 'viewer', unitId: unit.id });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    for (const path of ['/api/members', '/api/org-units', '/api/auth/me', '/api/audit']) {
      const res = await rawRequest(port, `GET http://127.0.0.1:${port}${path} HTTP/1.1`);
      expect(res.status, `${path}: ${res.text}`).toBe(401);
    }
  });

  it('answers 400, not 500, to NUL characters in query or body strings', async () => {
    const unit = await createUnit(database.db);
    const user = await createUser(database.db, { role: 'federation_officer', unitId: unit.id });
    const client = await signInAs(app, user.username);
    const query = await client.get('/api/members?q=abc%00def');
    expect(query.statusCode, query.body).toBe(400);
    expect(query.json().error.code).toBe('VALIDATION_FAILED');
    const units = await client.get('/api/org-units?q=%00');
    expect(units.statusCode, units.body).toBe(400);
    const body = await client.patch('/api/auth/me', { locale: 'vi\u0000' });
    expect(body.statusCode).toBe(400);
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'a\u0000b', password: 'x' } });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().error.message).toBe('Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được đánh dấu.');
  });

  it('limits member searches per user with a Vietnamese 429; browsing without a search is not counted', async () => {
    const unit = await createUnit(database.db);
    const user = await createUser(database.db, { role: 'viewer', unitId: unit.id });
    const other = await createUser(database.db, { role: 'viewer', unitId: unit.id });
    const client = await signInAs(app, user.username);
    for (let i = 0; i < 5; i++) expect((await client.get(`/api/members?page=1`)).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await client.get(`/api/members?q=09120000000${i}`)).statusCode).toBe(200);
    const limited = await client.get('/api/members?q=091200000009');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'SEARCH_RATE_LIMITED' });
    expect(limited.json().error.message).toMatch(/^Bạn tìm kiếm quá nhiều lần trong thời gian ngắn\. Vui lòng thử lại sau \d+ giây\.$/);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another user has their own budget.
    expect((await (await signInAs(app, other.username)).get('/api/members?q=abc')).statusCode).toBe(200);
  });
});
