import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../../common/enums.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, roleAssignments, users } from '../../db/schema/index.js';

/** The user columns the reads select (never the password hash). */
export const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  locale: users.locale,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export type UserRow = {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  locale: string;
  disabledAt: Date | null;
  createdAt: Date;
};

/** A role assignment (phân quyền) with its unit's code and short name. */
export type AssignmentRow = {
  id: string;
  role: Role;
  unitId: string;
  unitCode: string;
  unitName: string;
  includesSubtree: boolean;
  validFrom: string;
  validTo: string | null;
};

export type UserWithAssignments = UserRow & { assignments: AssignmentRow[] };

/** The users' role assignments, newest first, read in one query for all of them. */
export async function withAssignments(db: Executor, rows: UserRow[]): Promise<UserWithAssignments[]> {
  if (rows.length === 0) return [];
  const assignments = await db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      unitCode: orgUnits.code,
      unitName: orgUnits.shortName,
      includesSubtree: roleAssignments.includesSubtree,
      validFrom: roleAssignments.validFrom,
      validTo: roleAssignments.validTo,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId))
    .where(
      inArray(
        roleAssignments.userId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(roleAssignments.validFrom), asc(roleAssignments.createdAt), asc(roleAssignments.id));
  const byUser = new Map<string, AssignmentRow[]>();
  for (const { userId, ...a } of assignments) {
    const list = byUser.get(userId) ?? [];
    list.push({ ...a, role: a.role as Role });
    byUser.set(userId, list);
  }
  return rows.map((r) => ({ ...r, assignments: byUser.get(r.id) ?? [] }));
}
