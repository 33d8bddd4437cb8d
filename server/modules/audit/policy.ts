import { sql, type SQL } from 'drizzle-orm';
import { PERMISSIONS } from '../../../common/permissions.js';
import { auditLog } from '../../db/schema/index.js';
import { hasAnyRole, inUnitScope, isSystemAdmin, type Actor } from '../../lib/access.js';
import { forbidden } from '../../lib/errors.js';

/** Who may read the audit log: the roles of PERMISSIONS.viewAudit. */
export function requireAuditReader(actor: Actor): void {
  if (!hasAnyRole(actor, PERMISSIONS.viewAudit)) throw forbidden();
}

/**
 * The entry's personal data (a member's CCCD, phone, birth date) is shown in
 * full, as on the member's page, only to those who manage members of the
 * entry's unit; everyone else sees it masked (the stored entry is unchanged).
 */
export function personalDataVisible(actor: Actor): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`coalesce(${auditLog.unitId} is not null and ${inUnitScope(auditLog.unitId, actor, PERMISSIONS.manageMembers)}, false)`;
}

/**
 * Entries the actor may see: everything for a system administrator; for the
 * other viewAudit roles, entries of units in their scope. Entries without a
 * unit (sign-ins, system jobs) are for administrators only.
 */
export function auditScope(actor: Actor): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`${auditLog.unitId} is not null and ${inUnitScope(auditLog.unitId, actor, PERMISSIONS.viewAudit)}`;
}
