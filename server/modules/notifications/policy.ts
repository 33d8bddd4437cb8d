// Who sees the Office's tools (reminder log, compliance board): the Office
// and leaders of federations, and administrators; within their scope. A CĐCS
// chair sees only their own notices and due list, never other units.
import type { Role } from '../../../common/enums.js';
import { PERMISSIONS } from '../../../common/permissions.js';
import { hasAnyRole, type Actor } from '../../lib/access.js';
import { forbidden } from '../../lib/errors.js';

/** The roles of the Office's views: those who approve reports (federation officers and leaders). */
export const OFFICE_ROLES: readonly Role[] = PERMISSIONS.approveReports;

export function requireOffice(actor: Actor): void {
  if (!hasAnyRole(actor, OFFICE_ROLES)) throw forbidden();
}
