import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits, roleAssignments, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { requireAssignableUnit } from './policy.js';

/** Rules every role assignment keeps (field names prefixed for nested input). */
export async function checkAssignment(
  db: Executor,
  actor: Actor,
  input: { unitId: string; validFrom: string; validTo?: string | null | undefined },
  prefix = '',
): Promise<void> {
  if (input.validTo && input.validTo < input.validFrom) throw fieldError('ASSIGNMENT_DATES_INVALID', `${prefix}validTo`);
  const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.unitId));
  if (!unit) throw fieldError('ASSIGNMENT_UNIT_NOT_FOUND', `${prefix}unitId`);
  await requireAssignableUnit(db, actor, input.unitId);
}

/** The user row (with hash, for internal use only), locked for the change; 404 when unknown. */
export async function userForUpdate(tx: Executor, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw notFound();
  return user;
}

/** What audit rows keep of a user (no password hash). */
export function auditUser(u: { username: string; fullName: string; email: string | null; locale: string; disabledAt: Date | null }) {
  return { username: u.username, fullName: u.fullName, email: u.email, locale: u.locale, disabled: u.disabledAt !== null };
}

export type AssignmentRow = typeof roleAssignments.$inferSelect;

/** What audit rows keep of a role assignment. */
export function auditAssignment(a: AssignmentRow) {
  return {
    userId: a.userId,
    role: a.role,
    unitId: a.unitId,
    includesSubtree: a.includesSubtree,
    validFrom: a.validFrom,
    validTo: a.validTo,
  };
}

/** True for a unique-constraint violation (PostgreSQL and PGlite, wrapped or not). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** The user's assignment, locked for the change; 404 when it is not theirs or unknown. */
export async function assignmentForUpdate(tx: Executor, userId: string, assignmentId: string) {
  const [row] = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)))
    .for('update');
  if (!row) throw notFound();
  return row;
}
