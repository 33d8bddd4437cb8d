import { eq, sql } from 'drizzle-orm';
import { LIMITS } from '../../../common/limits.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { loginThrottle, users } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { dummyPasswordHash, verifyPassword } from '../../lib/passwords.js';
import { createSession } from './session.js';

export interface SignInResult {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Signs a user in. After LIMITS.loginMaxFailures failures for one user name
 * (existing or not) further attempts are refused for LIMITS.loginLockMinutes.
 */
export async function signIn(db: Executor, input: { username: string; password: string }, now = new Date()): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.username, username));
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    const minutes = Math.max(1, Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60_000));
    throw new AppError('LOGIN_LOCKED', { max: LIMITS.loginMaxFailures, minutes });
  }
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await recordFailure(db, username, now);
    throw new AppError('LOGIN_INVALID');
  }
  if (user.disabledAt) throw new AppError('USER_DISABLED');
  return inTransaction(db, async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, username));
    const session = await createSession(tx, user.id);
    await recordAudit(tx, { userId: user.id }, {
      action: 'user.sign_in',
      entityType: 'user',
      entityId: user.id,
    });
    return { userId: user.id, ...session };
  });
}

async function recordFailure(db: Executor, username: string, now: Date): Promise<void> {
  const lockUntil = new Date(now.getTime() + LIMITS.loginLockMinutes * 60_000);
  await db
    .insert(loginThrottle)
    .values({ username, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.username,
      set: {
        failures: sql`case when ${loginThrottle.failures} + 1 >= ${LIMITS.loginMaxFailures} then 0 else ${loginThrottle.failures} + 1 end`,
        lockedUntil: sql`case when ${loginThrottle.failures} + 1 >= ${LIMITS.loginMaxFailures} then ${lockUntil.toISOString()}::timestamptz else ${loginThrottle.lockedUntil} end`,
        lastFailureAt: now,
      },
    });
}
