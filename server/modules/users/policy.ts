import type { Role } from '../../../common/enums.js';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { hasAnyRole, isSystemAdmin, requireUnitAccess, type Actor } from '../../lib/access.js';
import { forbidden } from '../../lib/errors.js';

/**
 * Who may manage user accounts and role assignments (quản lý người dùng).
 *
 * Declarative: each action names the roles that may do it. Today every action
 * is reserved to system administrators, because a user is not tied to a unit
 * and scoping "users of a subtree" is not decided yet. To let a federation
 * officer manage the users of their subtree later, add the role to an action
 * here and scope it with `scope: 'subtree'` (assignments are then checked with
 * requireUnitAccess on the assignment's unit, and lists join inUnitScope).
 */
export const USER_POLICY = {
  list: { roles: PERMISSIONS.manageUsers, adminOnly: true },
  read: { roles: PERMISSIONS.manageUsers, adminOnly: true },
  create: { roles: PERMISSIONS.manageUsers, adminOnly: true },
  update: { roles: PERMISSIONS.manageUsers, adminOnly: true },
  resetPassword: { roles: PERMISSIONS.manageUsers, adminOnly: true },
  disable: { roles: PERMISSIONS.manageUsers, adminOnly: true },
  enable: { roles: PERMISSIONS.manageUsers, adminOnly: true },
  assign: { roles: PERMISSIONS.manageUsers, adminOnly: true },
} as const satisfies Record<string, { roles: readonly Role[]; adminOnly: boolean }>;

export type UserAction = keyof typeof USER_POLICY;

/** Throws 403 unless the actor may do the action on user accounts. */
export function requireUserAction(actor: Actor, action: UserAction): void {
  const rule = USER_POLICY[action];
  if (rule.adminOnly ? !isSystemAdmin(actor) : !hasAnyRole(actor, rule.roles)) throw forbidden();
}

/** Throws 403 unless the actor may give or change roles at the unit. */
export async function requireAssignableUnit(db: Executor, actor: Actor, unitId: string): Promise<void> {
  requireUserAction(actor, 'assign');
  await requireUnitAccess(db, actor, unitId, USER_POLICY.assign.roles);
}
