import path from 'node:path';
import { z } from 'zod';

/** Settings from the environment, with defaults that run out of the box (see README). */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… to use PostgreSQL; empty = embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL only: connections the server keeps open at most (docs/load.md "Pool size"). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  DATA_DIR: z.string().default('./data'),
  /** Load the demo data on first start (empty database). */
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** Mark the session cookie Secure (behind HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  WEB_DIST: z.string().default('./dist/web'),
  /** Behind a reverse proxy: trust X-Forwarded-For ('true', or the proxy's addresses/CIDRs, comma-separated). */
  TRUST_PROXY: z.string().default('false'),
  /** Sign-in requests per minute from one address (docs/security.md). */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Member searches (list or export with a search text) per minute for one user. */
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** smtp://user:pass@host:port or smtps://… to send e-mail (reminders); empty = e-mail off, in-app notices only. */
  SMTP_URL: z.string().optional(),
  /** The From address of e-mail ("Công đoàn số <noreply@example.vn>"). */
  MAIL_FROM: z.string().default('Công đoàn số <noreply@congdoan.local>'),
  /** The app's public address (https://congdoan.example.vn), for links in e-mail; empty = no link. */
  APP_URL: z.string().optional(),
});

export interface RateLimits {
  /** Sign-in requests per minute from one address. */
  signInPerMinute: number;
  /** Member searches per minute for one user. */
  searchPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { signInPerMinute: 20, searchPerMinute: 30 };

function parseTrustProxy(value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return value;
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connections at most. */
  databasePoolSize: number;
  /** The PGlite data directory: DATA_DIR/pglite. */
  dataDir: string;
  /** DATA_DIR itself: files kept beside the database (attachments/, imports/), backed up with it. */
  filesDir: string;
  demoData: boolean;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string;
  trustProxy: boolean | string;
  rateLimits: RateLimits;
  /** SMTP server for e-mail; undefined = e-mail off. */
  smtpUrl: string | undefined;
  mailFrom: string;
  appUrl: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình môi trường không hợp lệ / invalid environment: ${detail}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL || undefined,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    dataDir: path.resolve(c.DATA_DIR, 'pglite'),
    filesDir: path.resolve(c.DATA_DIR),
    demoData: c.DEMO_DATA === 'true',
    cookieSecure: c.COOKIE_SECURE === 'true',
    logLevel: c.LOG_LEVEL,
    webDist: path.resolve(c.WEB_DIST),
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    rateLimits: { signInPerMinute: c.SIGN_IN_RATE_LIMIT, searchPerMinute: c.SEARCH_RATE_LIMIT },
    smtpUrl: c.SMTP_URL || undefined,
    mailFrom: c.MAIL_FROM,
    appUrl: c.APP_URL || undefined,
  };
}
