// An app on a test database, and signed-in clients for it.
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/app.js';
import type { RateLimits } from '../server/config.js';
import type { DatabaseHandle } from '../server/db/client.js';
import type { App } from '../server/lib/http.js';
import { TEST_PASSWORD } from './factories.js';

/** Rate limits are high in tests (many sign-ins from one address) unless a test sets them. */
export async function createTestApp(
  database: DatabaseHandle,
  rateLimits: Partial<RateLimits> = {},
  options: { filesDir?: string } = {},
): Promise<App> {
  const app = await buildApp({
    database,
    config: {
      cookieSecure: false,
      logLevel: 'silent',
      webDist: '/nonexistent',
      rateLimits: { signInPerMinute: 100_000, searchPerMinute: 100_000, ...rateLimits },
      ...(options.filesDir ? { filesDir: options.filesDir } : {}),
    },
  });
  await app.ready();
  return app;
}

export interface Client {
  csrfToken: string;
  cookie: string;
  get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  delete: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client that sends the cookie and CSRF token. */
export async function signInAs(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const send =
    (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE') =>
    (url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
  return {
    csrfToken,
    cookie,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    post: send('POST'),
    patch: send('PATCH'),
    put: send('PUT'),
    delete: send('DELETE'),
  };
}
