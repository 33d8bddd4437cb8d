// Who may do what with programs, in which scope (DOMAIN.md "Roles").
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { isSystemAdmin, READ_ROLES, requireUnitAccess, type Actor } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';

/** Reading: anyone with a role over the issuing unit. */
export const requireProgramRead = (db: Executor, actor: Actor, unitId: string) => requireUnitAccess(db, actor, unitId, READ_ROLES);

/** Creating and editing drafts: federation officers (and admins) over the issuing unit. */
export const requireProgramManage = (db: Executor, actor: Actor, unitId: string) =>
  requireUnitAccess(db, actor, unitId, PERMISSIONS.managePrograms);

/** Issuing: federation leaders and officers (and admins) over the issuing unit. */
export const requireProgramIssue = (db: Executor, actor: Actor, unitId: string) =>
  requireUnitAccess(db, actor, unitId, PERMISSIONS.issuePrograms);

/**
 * An unknown program id: 404 for a system administrator, 403 for everyone else,
 * the same answer as for a program outside the caller's scope.
 */
export function programNotFound(actor: Actor): AppError {
  return isSystemAdmin(actor) ? new AppError('NOT_FOUND') : new AppError('FORBIDDEN');
}
