import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Locale, Role } from '../../common/enums.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { roleAssignments } from '../db/schema/index.js';
import { queryRows } from '../db/sql.js';
import { todayInVietnam } from './dates.js';
import { AppError, forbidden } from './errors.js';

/**
 * Who is calling, with the role assignments in force today. Scope rules are
 * documented in docs/scopes.md; every list query joins unitScope().
 */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  locale: Locale;
  assignments: ActiveAssignment[];
}

export interface ActiveAssignment {
  id: string;
  role: Role;
  unitId: string;
  includesSubtree: boolean;
  validFrom: string;
  validTo: string | null;
}

/** Roles that may read a unit's data (everyone with an assignment may read). */
export const READ_ROLES: readonly Role[] = [
  'system_admin',
  'federation_leader',
  'federation_officer',
  'inspection_officer',
  'grassroots_officer',
  'viewer',
];

export async function loadAssignments(db: Executor, userId: string, today = todayInVietnam()): Promise<ActiveAssignment[]> {
  const rows = await db
    .select()
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        lte(roleAssignments.validFrom, today),
        or(isNull(roleAssignments.validTo), gte(roleAssignments.validTo, today)),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    unitId: r.unitId,
    includesSubtree: r.includesSubtree,
    validFrom: r.validFrom,
    validTo: r.validTo,
  }));
}

/**
 * The system itself acting as administrator, with no user row behind it: the
 * demo loader calls the use-cases with it. Its writes carry no user (audit
 * entries' user_id, programs' created_by/issued_by are null: "Hệ thống" in the
 * audit log, as for migrations). Never give it to a use-case about "me"
 * (change-password, update-me): there is no one to change.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  // The one place an Actor has no user: every write path stores it as NULL (nullable columns, no FK on audit_log.user_id).
  userId: null as unknown as string,
  username: 'system',
  fullName: 'Hệ thống',
  locale: 'vi',
  assignments: [
    { id: '00000000-0000-0000-0000-000000000000', role: 'system_admin', unitId: '00000000-0000-0000-0000-000000000000', includesSubtree: true, validFrom: '1900-01-01', validTo: null },
  ],
}) as Actor;

export function isSystemAdmin(actor: Actor): boolean {
  return actor.assignments.some((a) => a.role === 'system_admin');
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.assignments.some((a) => roles.includes(a.role));
}

/**
 * SQL subquery of the unit ids the actor reaches through assignments of the
 * given roles: the unit itself, and its subtree when the assignment covers it,
 * at any time the unit was in that subtree while the assignment was valid
 * (so a federation keeps seeing the history of units it once had).
 */
export function scopeUnitIds(actor: Actor, roles: readonly Role[] = READ_ROLES): SQL {
  const ids = actor.assignments.filter((a) => roles.includes(a.role)).map((a) => a.id);
  if (ids.length === 0) return sql`(select null::uuid where false)`;
  return sql`(select p.descendant_id from org_unit_paths p
    join role_assignments a on a.unit_id = p.ancestor_id
    where a.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and (a.includes_subtree or p.depth = 0)
      and p.valid_from <= coalesce(a.valid_to, '9999-12-31'::date)
      and p.valid_to >= a.valid_from)`;
}

/**
 * A condition "column is a unit in the actor's scope" for list queries; a
 * system administrator's scope is every unit.
 */
export function inUnitScope(column: SQL | AnyPgColumn, actor: Actor, roles: readonly Role[] = READ_ROLES): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`${column} in ${scopeUnitIds(actor, roles)}`;
}

/** True when the unit is within the actor's scope for one of the roles. */
export async function canReachUnit(db: Executor, actor: Actor, unitId: string, roles: readonly Role[] = READ_ROLES): Promise<boolean> {
  if (isSystemAdmin(actor)) return true;
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select exists (select 1 where ${unitId}::uuid in ${scopeUnitIds(actor, roles)}) as ok`);
  return Boolean(row?.ok);
}

/**
 * Throws 403 unless the unit is in the actor's scope for one of the roles.
 * The same answer is given whether or not the unit exists, so nothing outside
 * the caller's scope is revealed (docs/scopes.md).
 */
export async function requireUnitAccess(db: Executor, actor: Actor, unitId: string, roles: readonly Role[] = READ_ROLES): Promise<void> {
  if (!(await canReachUnit(db, actor, unitId, roles))) throw forbidden();
}

export function requireSystemAdmin(actor: Actor): void {
  if (!isSystemAdmin(actor)) throw forbidden();
}

export { AppError };
