import { sql, type SQL } from 'drizzle-orm';
import type { Locale, Role } from '../../common/enums.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { queryRows, type PlannerSettings } from '../db/sql.js';
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
  const [row] = await queryRows<{ assignments: ActiveAssignment[] }>(
    db,
    sql`select ${activeAssignmentsJson(sql`${userId}::uuid`, today)} as assignments`,
  );
  return row?.assignments ?? [];
}

/**
 * A user's role assignments in force on `today`, as a JSON array of
 * ActiveAssignment, in a subquery: the session lookup reads them in its own
 * statement (one round trip a request instead of two).
 */
export function activeAssignmentsJson(userId: SQL, today: string): SQL {
  return sql`coalesce((select json_agg(json_build_object('id', a.id, 'role', a.role, 'unitId', a.unit_id,
      'includesSubtree', a.includes_subtree, 'validFrom', a.valid_from, 'validTo', a.valid_to) order by a.created_at, a.id)
    from role_assignments a
    where a.user_id = ${userId} and a.valid_from <= ${today}::date and (a.valid_to is null or a.valid_to >= ${today}::date)), '[]'::json)`;
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
    {
      id: '00000000-0000-0000-0000-000000000000',
      role: 'system_admin',
      unitId: '00000000-0000-0000-0000-000000000000',
      includesSubtree: true,
      validFrom: '1900-01-01',
      validTo: null,
    },
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
  const paths = scopePaths(actor, roles);
  if (!paths) return sql`(select null::uuid where false)`;
  return sql`(select p.descendant_id ${paths})`;
}

/** FROM … WHERE of scopeUnitIds: the paths `p` from the actor's assignments `a` of the roles; null when they have none. */
function scopePaths(actor: Actor, roles: readonly Role[]): SQL | null {
  const ids = actor.assignments.filter((a) => roles.includes(a.role)).map((a) => a.id);
  if (ids.length === 0) return null;
  return sql`from org_unit_paths p
    join role_assignments a on a.unit_id = p.ancestor_id
    where a.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and ${pathWithinAssignment({ unitId: sql`a.unit_id`, includesSubtree: sql`a.includes_subtree`, validFrom: sql`a.valid_from`, validTo: sql`a.valid_to` })}`;
}

/**
 * The one rule of what an assignment reaches, over the paths `p`: from its unit, the unit itself or (with the
 * subtree) its descendants, on paths that overlap the assignment's dates. Given the assignment's columns (joined)
 * or its values (written into the statement: inUnitScopeMerged).
 */
function pathWithinAssignment(a: { unitId: SQL; includesSubtree: SQL; validFrom: SQL; validTo: SQL }): SQL {
  return sql`p.ancestor_id = ${a.unitId} and (${a.includesSubtree} or p.depth = 0)
      and p.valid_from <= coalesce(${a.validTo}, '9999-12-31'::date) and p.valid_to >= ${a.validFrom}`;
}

/**
 * A condition "column is a unit in the actor's scope" for list queries; a
 * system administrator's scope is every unit.
 */
export function inUnitScope(column: SQL | AnyPgColumn, actor: Actor, roles: readonly Role[] = READ_ROLES): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`${column} in ${scopeUnitIds(actor, roles)}`;
}

/**
 * inUnitScope for a list that filters many rows (the member registry): the
 * scope is computed once into a hash that each row probes (a hashed subplan:
 * under IS TRUE the planner does not turn the IN into a semi join, which it
 * plans as a nested loop because it estimates one unit for any scope — 42,000
 * matches × 130,000 units of a national scope). Same rows as inUnitScope.
 */
export function inUnitScopeHashed(column: SQL | AnyPgColumn, actor: Actor, roles: readonly Role[] = READ_ROLES): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`(${column} in ${scopeUnitIds(actor, roles)}) is true`;
}

/**
 * inUnitScope for a few rows (a search's exact CCCD, the rows of a page, one
 * member's check): each row probes the paths from its unit to the actor's
 * assignments (primary key of org_unit_paths) instead of reading the whole
 * scope — 256,000 path rows for a national officer — to test a handful of units.
 * Same rows as inUnitScope. The column must be qualified (`members.unit_id`):
 * a bare `unit_id` would name the assignment's unit inside the probe.
 */
export function inUnitScopeProbe(column: SQL | AnyPgColumn, actor: Actor, roles: readonly Role[] = READ_ROLES): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  const paths = scopePaths(actor, roles);
  if (!paths) return sql`false`;
  // OFFSET 0: PostgreSQL would otherwise turn the EXISTS into a semi join or a hashed subplan, both of which
  // read the whole scope — the cost this form exists to avoid.
  return sql`exists (select 1 ${paths} and p.descendant_id = ${column} offset 0)`;
}

/**
 * inUnitScope for many rows to be merged with the scope in unit order (a
 * search's 40,000 hits of a common name): a semi join on the paths from the
 * actor's assignment units, with the assignments written into the statement
 * (the actor's own, read with the session) rather than joined, so that for one
 * assignment the paths come from org_unit_paths_scope_idx already in unit order
 * and PostgreSQL can merge them with the rows sorted by unit — a national
 * scope's 256,000 path rows read once, neither hashed (150 ms) nor probed per
 * row. Plan it under MERGED_SCOPE_PLAN (db/sql.ts withPlannerSettings): left
 * to itself the planner hashes the scope, or materializes it for the merge.
 * Not under IS TRUE or OR (no semi join then). Same rows as inUnitScope: the
 * same rule (pathWithinAssignment) on the same assignments.
 */
export function inUnitScopeMerged(column: SQL | AnyPgColumn, actor: Actor, roles: readonly Role[] = READ_ROLES): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  const held = actor.assignments.filter((a) => roles.includes(a.role));
  if (held.length === 0) return sql`false`;
  const paths = held.map(
    (a) =>
      sql`(${pathWithinAssignment({
        unitId: sql`${a.unitId}::uuid`,
        includesSubtree: sql`${a.includesSubtree}::boolean`,
        validFrom: sql`${a.validFrom}::date`,
        validTo: sql`${a.validTo}::date`,
      })})`,
  );
  return sql`${column} in (select p.descendant_id from org_unit_paths p where ${sql.join(paths, sql` or `)})`;
}

/**
 * The planner settings of a statement with inUnitScopeMerged: a merge join, its inner side read straight from the
 * index — not hashed (hash join), nor made unique by hashing then sorted again (hash aggregate), nor copied
 * (materialize) — and its sorts in memory.
 */
export const MERGED_SCOPE_PLAN: PlannerSettings = {
  enable_hashjoin: 'off',
  enable_hashagg: 'off',
  enable_material: 'off',
  work_mem: '16MB',
};

/** Has the actor an assignment with one of the roles (at any unit, at any date)? Without one, no scope check can pass. */
function holdsAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.assignments.some((a) => roles.includes(a.role));
}

/** True when the unit is within the actor's scope for one of the roles. */
export async function canReachUnit(db: Executor, actor: Actor, unitId: string, roles: readonly Role[] = READ_ROLES): Promise<boolean> {
  if (isSystemAdmin(actor)) return true;
  if (!holdsAnyRole(actor, roles)) return false; // the answer without a round trip
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 where ${unitId}::uuid in ${scopeUnitIds(actor, roles)}) as ok`,
  );
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

/**
 * THE write rule (docs/scopes.md "Writing"): the actor may write to unit U
 * with effect on date D when one of their assignments with one of the roles
 * holds U on D — its unit is U itself, or (when it covers the subtree) U's
 * ancestor in the tree as of D. Reads follow the historical scope
 * (scopeUnitIds); writes do not: a federation that no longer holds a unit
 * reads its history but can no longer change it. D is brought within U's own
 * validity (a unit that has ended is written as of its last day, one not yet
 * founded as of its first), so the federation that held a unit at its end
 * keeps it, and nobody else gains it. A system administrator may write anywhere.
 */
export function heldOn(unit: SQL | AnyPgColumn, actor: Actor, roles: readonly Role[], date: string | SQL): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  const ids = actor.assignments.filter((a) => roles.includes(a.role)).map((a) => a.id);
  if (ids.length === 0) return sql`false`;
  const on = typeof date === 'string' ? sql`${date}::date` : date;
  return sql`exists (select 1 from org_units wu
    join org_unit_paths wp on wp.descendant_id = wu.id
    join role_assignments wa on wa.unit_id = wp.ancestor_id
    where wu.id = ${unit}
      and wa.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and (wa.includes_subtree or wp.depth = 0)
      and wp.valid_from <= greatest(wu.valid_from, least(${on}, coalesce(wu.valid_to, '9999-12-31'::date)))
      and wp.valid_to >= greatest(wu.valid_from, least(${on}, coalesce(wu.valid_to, '9999-12-31'::date))))`;
}

/** May the actor write to the unit with effect on the date (default: today)? See heldOn. */
export async function canWriteUnit(
  db: Executor,
  actor: Actor,
  unitId: string,
  roles: readonly Role[],
  date: string = todayInVietnam(),
): Promise<boolean> {
  if (isSystemAdmin(actor)) return true;
  if (!holdsAnyRole(actor, roles)) return false; // the answer without a round trip
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select ${heldOn(sql`${unitId}::uuid`, actor, roles, date)} as ok`);
  return Boolean(row?.ok);
}

/**
 * Throws 403 unless the actor may write to the unit with effect on the date
 * (heldOn). Unknown units answer the same 403, as for reads.
 */
export async function requireWriteAccess(
  db: Executor,
  actor: Actor,
  unitId: string,
  roles: readonly Role[],
  date: string = todayInVietnam(),
): Promise<void> {
  if (!(await canWriteUnit(db, actor, unitId, roles, date))) throw forbidden();
}

/**
 * Writes that belong to no one unit (the shared catalogue, an upload that is
 * checked row by row) need an assignment with one of the roles at a unit that
 * exists on the date: an officer of a federation that has ended keeps reading
 * but writes nothing.
 */
export async function requireHoldsAnyUnit(
  db: Executor,
  actor: Actor,
  roles: readonly Role[],
  date: string = todayInVietnam(),
): Promise<void> {
  if (isSystemAdmin(actor)) return;
  const units = [...new Set(actor.assignments.filter((a) => roles.includes(a.role)).map((a) => a.unitId))];
  if (units.length === 0) throw forbidden();
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from org_units u where u.id in (${sql.join(
      units.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and u.valid_from <= ${date}::date and coalesce(u.valid_to, '9999-12-31'::date) >= ${date}::date) as ok`,
  );
  if (!row?.ok) throw forbidden();
}

/** The day a write about a period takes effect: today, or the period's last day when that is past. */
export function writeDateFor(lastDay: string, today: string = todayInVietnam()): string {
  return lastDay < today ? lastDay : today;
}

export function requireSystemAdmin(actor: Actor): void {
  if (!isSystemAdmin(actor)) throw forbidden();
}

export { AppError };
