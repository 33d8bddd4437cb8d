import { and, eq, sql } from 'drizzle-orm';
import { LIMITS } from '../../../common/limits.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { loginThrottle, users } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { dummyPasswordHash, hashPassword, passwordNeedsRehash, verifyPassword } from '../../lib/passwords.js';
import { createSession } from './session.js';

export interface SignInResult {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SignInOptions {
  /** The client's address (req.ip); attempts are counted per account and address. */
  address?: string;
  now?: Date;
  /** Waits the progressive delay; tests pass a recorder instead of a real sleep. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Keys of the login_throttle rows (the column is named `username`):
 * - "<user name> <address>": attempts on one account from one address; after
 *   LIMITS.loginMaxFailures failures that address is locked out of that
 *   account for LIMITS.loginLockMinutes (other addresses are not, so a
 *   stranger cannot lock the administrator out);
 * - "<user name>": failures on the account from every address; beyond
 *   LIMITS.loginDelayAfterFailures each attempt waits a growing delay
 *   (signInDelayMs), which slows a distributed guesser without locking anyone.
 * User names never contain a space (users/schemas.ts), so the keys cannot collide.
 */
export const addressKey = (username: string, address: string) => `${username} ${address}`;

/** Progressive delay before verifying a password, from the account's recent failures. */
export function signInDelayMs(accountFailures: number): number {
  const over = accountFailures - LIMITS.loginDelayAfterFailures;
  if (over <= 0) return 0;
  return Math.min(LIMITS.loginDelayMaxMs, 250 * 2 ** (over - 1));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Signs a user in. The attempt is counted before the password is verified, in
 * one atomic statement, so parallel guesses cannot all pass the check: at most
 * LIMITS.loginMaxFailures attempts per account and address are ever verified
 * before the lock. Failed sign-ins and lockouts are audited.
 */
export async function signIn(
  db: Executor,
  input: { username: string; password: string },
  options: SignInOptions = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const address = options.address ?? 'unknown';
  const username = input.username.trim().toLowerCase();
  const key = addressKey(username, address);
  const lockUntil = new Date(now.getTime() + LIMITS.loginLockMinutes * 60_000);

  // Count this attempt first (atomically, on both engines: one INSERT … ON CONFLICT
  // takes the row lock). The attempt beyond the allowed number sets the lock.
  const [attempt] = await queryRows<{ failures: number; locked_until: Date | string | null }>(
    db,
    sql`insert into login_throttle as t (username, failures, last_failure_at) values (${key}, 1, ${now.toISOString()}::timestamptz)
      on conflict (username) do update set
        failures = case
          when t.locked_until > ${now.toISOString()}::timestamptz then t.failures
          when t.locked_until is not null then 1
          else t.failures + 1 end,
        locked_until = case
          when t.locked_until > ${now.toISOString()}::timestamptz then t.locked_until
          when t.locked_until is null and t.failures + 1 > ${LIMITS.loginMaxFailures} then ${lockUntil.toISOString()}::timestamptz
          else null end,
        last_failure_at = ${now.toISOString()}::timestamptz
      returning failures, locked_until`,
  );
  const lockedUntil = attempt?.locked_until ? new Date(attempt.locked_until) : null;
  if (lockedUntil && lockedUntil > now) {
    // This very attempt set the lock (parallel guesses beyond the allowed number).
    if (lockedUntil.getTime() === lockUntil.getTime()) {
      await recordAudit(db, null, {
        action: 'user.locked_out',
        entityType: 'user',
        entityId: null,
        after: { username, address, attempt: attempt?.failures ?? 0, lockedUntil: lockUntil.toISOString() },
      });
    }
    throw new AppError('LOGIN_LOCKED', {
      max: LIMITS.loginMaxFailures,
      minutes: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000)),
    });
  }

  const [account] = await db
    .select({ failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(
      and(
        eq(loginThrottle.username, username),
        sql`${loginThrottle.lastFailureAt} > ${now.toISOString()}::timestamptz - interval '1 hour'`,
      ),
    );
  const delay = signInDelayMs(account?.failures ?? 0);
  if (delay > 0) await (options.sleep ?? realSleep)(delay);

  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await recordFailure(db, { username, key, address, userId: user?.id ?? null, attempt: attempt?.failures ?? 1, now, lockUntil });
    throw new AppError('LOGIN_INVALID');
  }
  if (user.disabledAt) throw new AppError('USER_DISABLED');
  // A hash made with older argon2 parameters is replaced by one with today's,
  // now that the plain password is at hand (decision 0010).
  const newHash = passwordNeedsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  return inTransaction(db, async (tx) => {
    if (newHash)
      await tx
        .update(users)
        .set({ passwordHash: newHash })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
    // Success clears this address's count (unless a parallel attempt has locked it
    // meanwhile) and the account's delay.
    await tx.delete(loginThrottle).where(and(eq(loginThrottle.username, key), sql`${loginThrottle.lockedUntil} is null`));
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, username));
    const session = await createSession(tx, user.id);
    await recordAudit(
      tx,
      { userId: user.id },
      {
        action: 'user.sign_in',
        entityType: 'user',
        entityId: user.id,
      },
    );
    return { userId: user.id, ...session };
  });
}

async function recordFailure(
  db: Executor,
  f: { username: string; key: string; address: string; userId: string | null; attempt: number; now: Date; lockUntil: Date },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    // The account-wide count behind the progressive delay.
    await tx
      .insert(loginThrottle)
      .values({ username: f.username, failures: 1, lastFailureAt: f.now })
      .onConflictDoUpdate({
        target: loginThrottle.username,
        // Failures older than an hour are forgotten.
        set: {
          failures: sql`case when ${loginThrottle.lastFailureAt} > ${f.now.toISOString()}::timestamptz - interval '1 hour' then ${loginThrottle.failures} + 1 else 1 end`,
          lastFailureAt: f.now,
        },
      });
    // The last allowed failure locks this address out of the account.
    const locked = await lockAfterLastFailure(tx, f.key, f.lockUntil);
    const entry = { username: f.username, address: f.address, attempt: f.attempt };
    await recordAudit(tx, null, { action: 'user.sign_in_failed', entityType: 'user', entityId: f.userId, after: entry });
    if (locked) {
      await recordAudit(tx, null, {
        action: 'user.locked_out',
        entityType: 'user',
        entityId: f.userId,
        after: { ...entry, lockedUntil: f.lockUntil.toISOString() },
      });
    }
  });
}

async function lockAfterLastFailure(tx: Executor, key: string, lockUntil: Date): Promise<boolean> {
  const rows = await tx
    .update(loginThrottle)
    .set({ lockedUntil: lockUntil })
    .where(
      and(
        eq(loginThrottle.username, key),
        sql`${loginThrottle.lockedUntil} is null`,
        sql`${loginThrottle.failures} >= ${LIMITS.loginMaxFailures}`,
      ),
    )
    .returning({ key: loginThrottle.username });
  return rows.length > 0;
}
