import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { LIMITS } from '../../../common/limits.js';
import type { Executor } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import { loadAssignments, type Actor } from '../../lib/access.js';

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

/** Resolves a cookie token to the signed-in actor, or null if expired, unknown or disabled. */
export async function resolveSession(db: Executor, token: string): Promise<SessionContext | null> {
  const id = hashToken(token);
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabledAt) return null;
  const assignments = await loadAssignments(db, row.user.id);
  return {
    sessionId: id,
    csrfToken: row.session.csrfToken,
    actor: {
      userId: row.user.id,
      username: row.user.username,
      fullName: row.user.fullName,
      locale: row.user.locale as Locale,
      assignments,
    },
  };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}
