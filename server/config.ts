import path from 'node:path';
import { z } from 'zod';

/** Settings from the environment, with defaults that run out of the box (see README). */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… to use PostgreSQL; empty = embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  /** Load the demo data on first start (empty database). */
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** Mark the session cookie Secure (behind HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  WEB_DIST: z.string().default('./dist/web'),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string;
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
    dataDir: path.resolve(c.DATA_DIR, 'pglite'),
    demoData: c.DEMO_DATA === 'true',
    cookieSecure: c.COOKIE_SECURE === 'true',
    logLevel: c.LOG_LEVEL,
    webDist: path.resolve(c.WEB_DIST),
  };
}
