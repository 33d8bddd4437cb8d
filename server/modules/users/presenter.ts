import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Locale, Role } from '../../../common/enums.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, roleAssignments, users } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import type { UserView } from './schemas.js';

/** The user columns the API shows (never the password hash). */
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

/** Rows → API shapes, with every user's role assignments read in one query. */
export async function presentUsers(db: Executor, rows: UserRow[]): Promise<UserView[]> {
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
  const byUser = new Map<string, UserView['assignments']>();
  for (const { userId, ...a } of assignments) {
    const list = byUser.get(userId) ?? [];
    list.push({ ...a, role: a.role as Role });
    byUser.set(userId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    fullName: r.fullName,
    email: r.email,
    locale: r.locale as Locale,
    disabled: r.disabledAt !== null,
    createdAt: r.createdAt.toISOString(),
    assignments: byUser.get(r.id) ?? [],
  }));
}

/** One user as the API shows it; 404 when unknown. */
export async function presentUser(db: Executor, userId: string): Promise<UserView> {
  const rows = await db.select(userColumns).from(users).where(eq(users.id, userId));
  const [view] = await presentUsers(db, rows);
  if (!view) throw notFound();
  return view;
}
