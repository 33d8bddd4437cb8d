import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Locale } from '../common/enums.js';
import { pickLocale, translate } from '../common/i18n/index.js';
import { DEFAULT_RATE_LIMITS, type AppConfig, type RateLimits } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import type { Actor } from './lib/access.js';
import { AppError } from './lib/errors.js';
import { rateLimitError } from './lib/rate-limits.js';
import type { App } from './lib/http.js';
import { fieldName, validationMessage } from './lib/validation-messages.js';
import { CSRF_HEADER, resolveSession, safeEqual, SESSION_COOKIE } from './modules/auth/session.js';
import authRoutes from './modules/auth/routes.js';
import healthRoutes from './modules/health/routes.js';
import orgUnitRoutes from './modules/org-units/routes.js';
import userRoutes from './modules/users/routes.js';
import auditRoutes from './modules/audit/routes.js';
import programRoutes from './modules/programs/routes.js';
import reportRoutes from './modules/reports/routes.js';
import indicatorRoutes from './modules/indicators/routes.js';
import reportDocumentRoutes from './modules/reports/document-routes.js';
import memberRoutes from './modules/members/routes.js';
import memberImportRoutes from './modules/members/import-routes.js';
import notificationRoutes from './modules/notifications/routes.js';
import complianceRoutes from './modules/reports/compliance-routes.js';
import reportAttachmentRoutes from './modules/reports/attachments/routes.js';
import documentRoutes from './modules/documents/routes.js';
import activityRoutes from './modules/activities/routes.js';
import activityAttachmentRoutes from './modules/activities/attachment-routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Route reachable without signing in. */
    public?: boolean;
  }
}

export interface BuildAppOptions {
  database: DatabaseHandle;
  config: Pick<AppConfig, 'cookieSecure' | 'logLevel' | 'webDist'> & Partial<Pick<AppConfig, 'trustProxy' | 'rateLimits' | 'filesDir'>>;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a query or body holds a string with a NUL character (PostgreSQL text cannot store it). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Readable) return false;
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v, depth + 1));
}

/** Builds the Fastify app without listening, so tests can inject requests. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { database, config } = options;
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...config.rateLimits };
  // DATA_DIR (attachments live in DATA_DIR/attachments); an app built without one (API tests) gets its own temporary folder.
  const filesDir = config.filesDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-files-'));
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 25 * 1024 * 1024,
    // Behind a reverse proxy, req.ip (sign-in limits, audit) is the client's from X-Forwarded-For.
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('cookieSecure', config.cookieSecure);
  // Without a DATA_DIR (API tests), files go to a folder under the system's temporary directory.
  app.decorate('filesDir', filesDir);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('locale', 'vi');

  await app.register(fastifyCookie);
  // Security headers on every response (docs/security.md). Ant Design injects its
  // styles at run time, hence 'unsafe-inline' for styles (never for scripts).
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only when served over HTTPS (COOKIE_SECURE=true).
    strictTransportSecurity: config.cookieSecure ? { maxAge: 15552000, includeSubDomains: false } : false,
  });
  // Limits per address (sign-in) and per user (member search); routes opt in with config.rateLimit.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: rateLimitError('RATE_LIMITED'),
  });
  app.decorate('rateLimits', rateLimits);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Công đoàn số API',
        description: 'API của Công đoàn số: đơn vị, người dùng, chương trình công tác, chỉ tiêu, báo cáo.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
  });
  // Strings with NUL characters are refused up front (400), before any handler or query.
  app.addHook('preValidation', async (req) => {
    if (holdsNul(req.query) || holdsNul(req.params) || holdsNul(req.body)) throw new AppError('VALIDATION_FAILED');
  });

  app.setErrorHandler((err, req, reply) => {
    const locale = req.locale ?? 'vi';
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((issue) => ({
        field: fieldName(issue.instancePath),
        message: validationMessage(issue as never, locale),
      }));
      return reply.code(400).send({
        error: { code: 'VALIDATION_FAILED', message: translate(locale, 'errors.VALIDATION_FAILED'), fields },
      });
    }
    if (err instanceof AppError) {
      const fields = err.fields.map((f) => ({ field: f.field, message: translate(locale, f.messageKey, f.params) }));
      return reply.code(err.status).send({
        error: {
          code: err.code,
          message: translate(locale, `errors.${err.code}`, err.params),
          ...(fields.length ? { fields } : {}),
        },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ issues: err.cause.issues, url: err.url }, 'response does not match its schema');
    } else {
      const status = (err as { statusCode?: number }).statusCode;
      if (status && status >= 400 && status < 500) {
        // Fastify's own client errors (bad JSON, wrong content type, body too large…).
        return reply.code(status).send({
          error: { code: 'VALIDATION_FAILED', message: translate(locale, 'errors.VALIDATION_FAILED') },
        });
      }
      req.log.error(err);
    }
    return reply.code(500).send({ error: { code: 'INTERNAL', message: translate(locale, 'errors.INTERNAL') } });
  });

  await app.register(
    async (api) => {
      // Authenticate every routed /api request (whatever the form of its request
      // line, e.g. absolute "GET http://host/api/…"): a session unless the route is public.
      api.addHook('onRequest', async (req) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) {
          const ctx = await resolveSession(database.db, token);
          if (ctx) {
            req.actor = ctx.actor;
            req.sessionId = ctx.sessionId;
            req.csrfToken = ctx.csrfToken;
            req.locale = ctx.actor.locale;
          }
        }
        if (!req.routeOptions.config?.public && !req.actor) throw new AppError('UNAUTHENTICATED');
        // CSRF: a write made with a session cookie must echo the session's token.
        if (req.actor && !SAFE_METHODS.has(req.method)) {
          const sent = req.headers[CSRF_HEADER];
          if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) throw new AppError('CSRF_INVALID');
        }
      });
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(orgUnitRoutes);
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(programRoutes);
      await api.register(indicatorRoutes);
      await api.register(memberRoutes);
      await api.register(memberImportRoutes);
      await api.register(reportAttachmentRoutes, { filesDir });
      await api.register(reportRoutes);
      await api.register(complianceRoutes);
      await api.register(notificationRoutes);
      await api.register(reportDocumentRoutes);
      await api.register(documentRoutes);
      await api.register(activityAttachmentRoutes, { filesDir });
      await api.register(activityRoutes);
    },
    { prefix: '/api' },
  );

  app.setNotFoundHandler((req, reply) => {
    const indexHtml = path.join(config.webDist, 'index.html');
    // The SPA fallback: any page address gets index.html, but a missing hashed asset (an old
    // release's chunk) is a real 404, never HTML the browser would try to run as a script.
    const isPage = !req.url.startsWith('/api/') && !req.url.startsWith('/assets/');
    if (options.serveWeb && req.method === 'GET' && isPage && fs.existsSync(indexHtml)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: translate(req.locale ?? 'vi', 'errors.NOT_FOUND') } });
  });

  if (options.serveWeb && fs.existsSync(config.webDist)) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: ['index.html'],
      // Vite writes .br and .gz next to each asset (vite.config.ts): send the one the browser accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', webCacheControl(path.relative(config.webDist, filePath)));
      },
    });
  }

  return app as unknown as App;
}

/**
 * Hashed build files (dist/web/assets/name-HASH.js) never change under their name: a year,
 * immutable. Everything else, index.html above all, is revalidated on each load, so a new
 * release reaches the phone on its next visit.
 */
export function webCacheControl(relativePath: string): string {
  return /^assets[\\/]/.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    cookieSecure: boolean;
    rateLimits: RateLimits;
    /** DATA_DIR: files kept beside the database (imports/, attachments/). */
    filesDir: string;
  }
}
