import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { LIMITS } from '../../../common/limits.js';
import type { Executor } from '../../db/client.js';
import { sessions } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { todayInVietnam } from '../../lib/dates.js';
import { activeAssignmentsJson, type ActiveAssignment, type Actor } from '../../lib/access.js';

export const SESSION_COOKIE = 'cd_session';
export const CSRF_HEADER = 'x-csrf-token';

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Creates a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(db: Executor, userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + LIMITS.sessionDays * 86400_000);
  await db.insert(sessions).values({ id: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export interface SessionContext {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

/** Resolves a cookie token to the signed-in actor, or null if expired, unknown or disabled: one statement. */
export async function resolveSession(db: Executor, token: string): Promise<SessionContext | null> {
  const id = hashToken(token);
  const [row] = await queryRows<{
    csrfToken: string;
    userId: string;
    username: string;
    fullName: string;
    locale: Locale;
    assignments: ActiveAssignment[];
  }>(
    db,
    sql`select s.csrf_token as "csrfToken", u.id as "userId", u.username, u.full_name as "fullName", u.locale,
        ${activeAssignmentsJson(sql`u.id`, todayInVietnam())} as assignments
      from sessions s join users u on u.id = s.user_id
      where s.id = ${id} and s.expires_at > now() and u.disabled_at is null`,
  );
  if (!row) return null;
  const { csrfToken, ...actor } = row;
  return { sessionId: id, csrfToken, actor };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}
