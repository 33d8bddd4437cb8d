// Shared set-up for the users module's database tests (not a test file itself).
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';

export interface UsersTestContext {
  database: DatabaseHandle;
  app: App;
  /** A province federation with one grassroots union under it. */
  unit: Awaited<ReturnType<typeof createUnit>>;
  child: Awaited<ReturnType<typeof createUnit>>;
  admin: Awaited<ReturnType<typeof createUser>>;
  adminClient: Client;
}

/** A fresh database and app per test file, with a signed-in system administrator. */
export function useUsersTestContext(): UsersTestContext {
  const ctx = {} as UsersTestContext;
  beforeAll(async () => {
    ctx.database = await createTestDatabase();
    ctx.app = await createTestApp(ctx.database);
    ctx.unit = await createUnit(ctx.database.db, { kind: 'province_federation' });
    ctx.child = await createUnit(ctx.database.db, { parentId: ctx.unit.id });
    ctx.admin = await createUser(ctx.database.db, { role: 'system_admin', unitId: ctx.unit.id });
    ctx.adminClient = await signInAs(ctx.app, ctx.admin.username);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

/** Audit rows about one entity, oldest first. */
export function auditRowsFor(database: DatabaseHandle, entityId: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id));
}

export async function auditCount(database: DatabaseHandle): Promise<number> {
  return (await database.db.select({ id: auditLog.id }).from(auditLog)).length;
}
