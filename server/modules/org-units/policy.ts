import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql.js';
import { canReachUnit, isSystemAdmin, READ_ROLES, requireSystemAdmin, requireUnitAccess, type Actor } from '../../lib/access.js';
import { forbidden } from '../../lib/errors.js';
import { findUnit, referenceDate } from './tree-queries.js';

/**
 * Who may do what with org units (docs/scopes.md):
 * - read a unit: any role whose scope reaches it;
 * - change a unit (edit, move, merge, split, dissolve): a manageUnits role
 *   (system_admin, federation_officer) whose subtree holds the unit today
 *   (or on its last day if it has ended): a federation keeps reading the units
 *   it once had, but only the federation they now belong to changes them;
 * - place a unit under a parent: manageUnits over that parent; a top-level
 *   unit (no parent) only by a system administrator.
 * Out-of-scope and unknown ids both answer 403 for non-admins.
 */
export const MANAGE_ROLES = PERMISSIONS.manageUnits;

export function requireReadUnit(db: Executor, actor: Actor, unitId: string): Promise<void> {
  return requireUnitAccess(db, actor, unitId, READ_ROLES);
}

export async function requireManageUnit(db: Executor, actor: Actor, unitId: string): Promise<void> {
  await requireUnitAccess(db, actor, unitId, MANAGE_ROLES);
  if (isSystemAdmin(actor)) return;
  const unit = await findUnit(db, unitId);
  if (!unit || !(await managesOn(db, actor, unitId, referenceDate(unit)))) throw forbidden();
}

/** Does a manageUnits assignment of the actor hold the unit in its subtree on the day? */
async function managesOn(db: Executor, actor: Actor, unitId: string, date: string): Promise<boolean> {
  const ids = actor.assignments.filter((a) => (MANAGE_ROLES as readonly string[]).includes(a.role)).map((a) => a.id);
  if (ids.length === 0) return false;
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from org_unit_paths p join role_assignments a on a.unit_id = p.ancestor_id
      where a.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and (a.includes_subtree or p.depth = 0)
        and p.descendant_id = ${unitId}::uuid
        and p.valid_from <= ${date}::date and p.valid_to >= ${date}::date) as ok`,
  );
  return Boolean(row?.ok);
}

/** May the actor place a unit under this parent (null = top level)? */
export async function requireManageParent(db: Executor, actor: Actor, parentId: string | null | undefined): Promise<void> {
  if (parentId) await requireManageUnit(db, actor, parentId);
  else requireSystemAdmin(actor);
}

export function canReadUnit(db: Executor, actor: Actor, unitId: string): Promise<boolean> {
  return canReachUnit(db, actor, unitId, READ_ROLES);
}
