// What each role may do, shared by server policies and the web navigation.
import type { Role } from './enums.js';

export const PERMISSIONS = {
  /** Create, edit, move, merge, split, dissolve units (within scope). */
  manageUnits: ['system_admin', 'federation_officer'],
  /** Create and edit draft work programs and plans (within scope). */
  managePrograms: ['system_admin', 'federation_officer'],
  /** Issue (ban hành) a draft program (within scope). */
  issuePrograms: ['system_admin', 'federation_leader', 'federation_officer'],
  /** Manage user accounts and role assignments. */
  manageUsers: ['system_admin'],
  /** Read the audit log (within scope). */
  viewAudit: ['system_admin', 'federation_leader', 'federation_officer', 'inspection_officer'],
  /** See the union tree. */
  viewUnits: ['system_admin', 'federation_leader', 'federation_officer', 'inspection_officer', 'grassroots_officer', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly Role[]).some((r) => roles.includes(r)),
  );
}
