// Who may do what with the indicator engine (DOMAIN.md "Roles").
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { hasAnyRole, inUnitScope, isSystemAdmin, READ_ROLES, requireUnitAccess, type Actor } from '../../lib/access.js';
import { AppError, forbidden } from '../../lib/errors.js';

/**
 * Data elements and indicators are one shared catalogue (the same definitions
 * serve every federation, so figures add up the tree): anyone with a role may
 * read it; managePrograms roles (system_admin, federation_officer) may add to it.
 */
export function requireCatalogueRead(actor: Actor): void {
  if (!hasAnyRole(actor, READ_ROLES)) throw forbidden();
}

export function requireCatalogueManage(actor: Actor): void {
  if (!hasAnyRole(actor, PERMISSIONS.managePrograms)) throw forbidden();
}

/** Targets belong to their scope unit: managePrograms roles over it may set them. */
export const requireTargetManage = (db: Executor, actor: Actor, scopeUnitId: string) =>
  requireUnitAccess(db, actor, scopeUnitId, PERMISSIONS.managePrograms);

/** Anyone with a role over the scope unit may read a target and its progress. */
export const requireTargetRead = (db: Executor, actor: Actor, scopeUnitId: string) =>
  requireUnitAccess(db, actor, scopeUnitId, READ_ROLES);

/** Condition on `tg` (targets) for lists: the target's scope unit is within the caller's scope. */
export const visibleTargets = (actor: Actor, scopeColumn: SQL | AnyPgColumn = sql`tg.scope_unit_id`) =>
  inUnitScope(scopeColumn, actor, READ_ROLES);

/** Unknown target: 404 for a system administrator, 403 (as out of scope) for everyone else. */
export function targetNotFound(actor: Actor): AppError {
  return isSystemAdmin(actor) ? new AppError('NOT_FOUND') : forbidden();
}
