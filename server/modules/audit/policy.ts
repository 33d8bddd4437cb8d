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
 * Entries the actor may see: everything for a system administrator; for the
 * other viewAudit roles, entries of units in their scope. Entries without a
 * unit (sign-ins, system jobs) are for administrators only.
 */
export function auditScope(actor: Actor): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`${auditLog.unitId} is not null and ${inUnitScope(auditLog.unitId, actor, PERMISSIONS.viewAudit)}`;
}
