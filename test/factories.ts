// Test factories: units, users and sessions on a real database.
import crypto from 'node:crypto';
import type { GrassrootsSector, OrgUnitKind, Role } from '../common/enums.js';
import { sql } from 'drizzle-orm';
import type { Executor } from '../server/db/client.js';
import { queryRows } from '../server/db/sql.js';
import type { VersionedTable } from '../server/lib/row-version.js';
import { orgUnitParents, orgUnits, roleAssignments, users } from '../server/db/schema/index.js';
import { hashPassword } from '../server/lib/passwords.js';
import { refreshOrgUnitPaths } from '../server/modules/org-units/refresh-org-unit-paths.js';
import { grantIssueDelegation } from '../server/modules/documents/grant-issue-delegation.js';
import { SYSTEM_ACTOR } from '../server/lib/access.js';

export const TEST_PASSWORD = 'Test@12345';
let passwordHash: Promise<string> | null = null;

const uid = () => crypto.randomBytes(4).toString('hex');

export interface UnitInput {
  code?: string;
  fullName?: string;
  shortName?: string;
  kind?: OrgUnitKind;
  sector?: GrassrootsSector | null;
  validFrom?: string;
  validTo?: string | null;
  /** Parent from validFrom (or from the given date). */
  parentId?: string;
  parentFrom?: string;
  parentTo?: string | null;
}

export async function createUnit(db: Executor, input: UnitInput = {}) {
  const code = input.code ?? `U-${uid()}`;
  const kind = input.kind ?? (input.parentId ? 'grassroots_union' : 'province_federation');
  const validFrom = input.validFrom ?? '2020-01-01';
  const [unit] = await db
    .insert(orgUnits)
    .values({
      code,
      fullName: input.fullName ?? `Đơn vị ${code}`,
      shortName: input.shortName ?? code,
      kind,
      sector: input.sector === undefined ? (kind === 'grassroots_union' ? 'other' : null) : input.sector,
      validFrom,
      validTo: input.validTo ?? null,
    })
    .returning();
  if (input.parentId) {
    await db.insert(orgUnitParents).values({
      unitId: unit!.id,
      parentId: input.parentId,
      validFrom: input.parentFrom ?? validFrom,
      validTo: input.parentTo ?? input.validTo ?? null,
    });
  }
  await refreshOrgUnitPaths(db);
  return unit!;
}

export interface UserInput {
  username?: string;
  fullName?: string;
  role?: Role;
  unitId?: string;
  includesSubtree?: boolean;
  disabled?: boolean;
  locale?: 'vi' | 'en';
}

/** A user with one role assignment (if role and unitId are given), password TEST_PASSWORD. */
export async function createUser(db: Executor, input: UserInput = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      username: (input.username ?? `user_${uid()}`).toLowerCase(),
      fullName: input.fullName ?? 'Người dùng thử',
      passwordHash: await passwordHash,
      locale: input.locale ?? 'vi',
      disabledAt: input.disabled ? new Date() : null,
    })
    .returning();
  if (input.role && input.unitId) {
    await db.insert(roleAssignments).values({
      userId: user!.id,
      role: input.role,
      unitId: input.unitId,
      includesSubtree: input.includesSubtree ?? true,
      validFrom: '2020-01-01',
    });
  }
  return user!;
}

/** The row's optimistic version (server/lib/row-version.ts), for edits that must send expectedVersion. */
export async function rowVersionOf(db: Executor, table: VersionedTable, id: string): Promise<number> {
  const rows = await queryRows<{ v: number }>(db, sql`select row_version as v from ${sql.identifier(table)} where id = ${id}::uuid`);
  return rows[0]?.v ?? 1;
}

/**
 * Ủy quyền ban hành (docs/issue-delegations.md): lets an officer of the unit
 * issue its documents from validFrom, through the use-case (granted by the
 * system, as an administrator may). Without one, an officer's issue is 403.
 */
export async function delegateIssuing(db: Executor, unitId: string, userId: string, validFrom = '2020-01-01') {
  return grantIssueDelegation(db, SYSTEM_ACTOR, unitId, { userId, validFrom, validTo: null });
}
