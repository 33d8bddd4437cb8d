import { AppError } from '../../lib/errors.js';
import { rateLimitError } from '../../lib/rate-limits.js';
import { OkResponse, responses, type App } from '../../lib/http.js';
import { changePassword } from './change-password.js';
import { presentMe } from './presenter.js';
import { ChangePasswordBody, MeResponse, SignInBody, UpdateMeBody } from './schemas.js';
import { deleteSession, resolveSession, SESSION_COOKIE } from './session.js';
import { PURGE_INTERVAL_MS, purgeLoginThrottle } from './purge-login-throttle.js';
import { signIn } from './sign-in.js';
import { updateMe } from './update-me.js';

export default async function authRoutes(app: App) {
  const db = app.database.db;
  const tags = ['auth'];

  // Expired sign-in throttle rows are purged every 10 minutes while the server runs (and at start-up, main.ts).
  const purge = setInterval(() => {
    purgeLoginThrottle(db).catch((err: unknown) => app.log.error(err));
  }, PURGE_INTERVAL_MS);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));

  app.post(
    '/auth/sign-in',
    {
      config: {
        public: true,
        // Per address, on top of the per-account lockout (docs/security.md).
        rateLimit: {
          max: app.rateLimits.signInPerMinute,
          timeWindow: 60_000,
          errorResponseBuilder: rateLimitError('SIGN_IN_RATE_LIMITED'),
        },
      },
      schema: { tags, summary: 'Đăng nhập', body: SignInBody, response: responses({ 200: MeResponse }) },
    },
    async (req, reply) => {
      const result = await signIn(db, req.body, { address: req.ip });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: app.cookieSecure,
        expires: result.expiresAt,
      });
      const ctx = await resolveSession(db, result.token);
      if (!ctx) throw new AppError('UNAUTHENTICATED');
      return presentMe(db, ctx.actor, ctx.csrfToken);
    },
  );

  app.post(
    '/auth/sign-out',
    { config: { public: true }, schema: { tags, summary: 'Đăng xuất', response: responses({ 200: OkResponse }) } },
    async (req, reply) => {
      if (req.sessionId) await deleteSession(db, req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get('/auth/me', { schema: { tags, summary: 'Người dùng hiện tại', response: responses({ 200: MeResponse }) } }, async (req) =>
    presentMe(db, req.actor!, req.csrfToken!),
  );

  app.patch(
    '/auth/me',
    { schema: { tags, summary: 'Cập nhật ngôn ngữ giao diện', body: UpdateMeBody, response: responses({ 200: MeResponse }) } },
    async (req) => {
      await updateMe(db, req.actor!, req.body);
      return presentMe(db, { ...req.actor!, locale: req.body.locale }, req.csrfToken!);
    },
  );

  app.post(
    '/auth/change-password',
    {
      schema: { tags, summary: 'Đổi mật khẩu', body: ChangePasswordBody, response: responses({ 200: OkResponse }) },
    },
    async (req) => {
      await changePassword(db, req.actor!, req.sessionId!, req.body);
      return { ok: true as const };
    },
  );
}
