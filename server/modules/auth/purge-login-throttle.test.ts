import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { createUser, TEST_PASSWORD } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { loginThrottle } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { AppError } from '../../lib/errors.js';
import { purgeLoginThrottle } from './purge-login-throttle.js';
import { signIn } from './sign-in.js';

describe('purging expired sign-in throttle rows', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const keys = async () =>
    (await queryRows<{ username: string }>(database.db, sql`select username from login_throttle order by username`)).map((r) => r.username);

  it('deletes rows whose lock has ended and whose failures are past the hour, and keeps live ones', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    await database.db.insert(loginThrottle).values([
      // Failures of another day, no lock: gone.
      { username: 'p.old 10.0.0.1', failures: 3, lastFailureAt: at(24 * 60), lockedUntil: null },
      // A lock that ended long ago: gone.
      { username: 'p.ended 10.0.0.2', failures: 5, lastFailureAt: at(120), lockedUntil: at(115) },
      // A lock still in force: kept (even if its failures are old).
      { username: 'p.locked 10.0.0.3', failures: 5, lastFailureAt: at(90), lockedUntil: new Date(now.getTime() + 60_000) },
      // Failures within the hour still count: kept.
      { username: 'p.recent', failures: 7, lastFailureAt: at(30), lockedUntil: null },
    ]);
    expect(await purgeLoginThrottle(database.db, now)).toBe(2);
    expect(await keys()).toEqual(['p.locked 10.0.0.3', 'p.recent']);
    // Nothing more to purge at the same time; everything once the lock and the hour are over.
    expect(await purgeLoginThrottle(database.db, now)).toBe(0);
    expect(await purgeLoginThrottle(database.db, new Date(now.getTime() + 61 * 60_000))).toBe(2);
    expect(await keys()).toEqual([]);
  });

  it('a purge leaves sign-in working: the count starts again after the hour', async () => {
    const user = await createUser(database.db);
    const t0 = new Date();
    for (let i = 0; i < 3; i++) {
      await expect(
        signIn(database.db, { username: user.username, password: 'wrong-password' }, { address: '10.1.1.1', now: t0 }),
      ).rejects.toBeInstanceOf(AppError);
    }
    expect(await purgeLoginThrottle(database.db, t0)).toBe(0);
    expect(await purgeLoginThrottle(database.db, new Date(t0.getTime() + 61 * 60_000))).toBe(2);
    await signIn(database.db, { username: user.username, password: TEST_PASSWORD }, { address: '10.1.1.1' });
  });
});
