import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { canReachUnit, READ_ROLES, requireSystemAdmin, requireUnitAccess, requireWriteAccess, type Actor } from '../../lib/access.js';

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

/**
 * A manageUnits role holds the unit on the date the change takes effect
 * (default today; brought within the unit's validity, so an ended unit is
 * changed by whoever held it on its last day): access.ts heldOn.
 */
export async function requireManageUnit(db: Executor, actor: Actor, unitId: string, date?: string): Promise<void> {
  await requireWriteAccess(db, actor, unitId, MANAGE_ROLES, date);
}

/** May the actor place a unit under this parent (null = top level)? */
export async function requireManageParent(db: Executor, actor: Actor, parentId: string | null | undefined, date?: string): Promise<void> {
  if (parentId) await requireManageUnit(db, actor, parentId, date);
  else requireSystemAdmin(actor);
}

export function canReadUnit(db: Executor, actor: Actor, unitId: string): Promise<boolean> {
  return canReachUnit(db, actor, unitId, READ_ROLES);
}
