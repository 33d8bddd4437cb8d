// Who may do what with programs, in which scope (DOMAIN.md "Roles").
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { PROGRAM_ACTIONS, type ProgramAction } from '../../../common/programs.js';
import { todayInVietnam } from '../../lib/dates.js';
import {
  canReachUnit,
  canWriteUnit,
  hasAnyRole,
  heldOn,
  inUnitScope,
  isSystemAdmin,
  READ_ROLES,
  requireUnitAccess,
  requireWriteAccess,
  writeDateFor,
  type Actor,
} from '../../lib/access.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { delegatedOn, holdsDelegation } from '../documents/issue-delegation-policy.js';

/** Reading: anyone with a role over the issuing unit. */
export const requireProgramRead = (db: Executor, actor: Actor, unitId: string) => requireUnitAccess(db, actor, unitId, READ_ROLES);

type Column = SQL | AnyPgColumn;

/**
 * SQL list of the units the caller's assignments (any role) are held at — "their
 * own unit(s)", not the whole subtree: what is issued above is what is due.
 */
function assignmentUnits(actor: Actor): SQL | null {
  const ids = [...new Set(actor.assignments.filter((a) => READ_ROLES.includes(a.role)).map((a) => a.unitId))];
  if (ids.length === 0) return null;
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/**
 * Condition "the unit was ABOVE one of the caller's own units (cấp trên) at
 * some time between two dates" (org_unit_paths, depth > 0).
 */
export function isAncestorOfOwnUnit(actor: Actor, unitColumn: Column, from: SQL, to: SQL): SQL {
  const own = assignmentUnits(actor);
  if (!own) return sql`false`;
  return sql`exists (select 1 from org_unit_paths anc
    where anc.ancestor_id = ${unitColumn} and anc.depth > 0 and anc.descendant_id in (${own})
      and anc.valid_from <= ${to} and anc.valid_to >= ${from})`;
}

/**
 * Programs the caller may read (docs/scopes.md "Reading what is due"): those
 * of units in scope, and — read-only — the issued (or superseded) programs of
 * the units above the caller's own unit during the program's year, so a
 * grassroots chair sees what the federation above asks of them. Drafts of the
 * units above stay invisible.
 */
export function visiblePrograms(actor: Actor, p: { unitId: Column; year: Column; status: Column }): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`(${inUnitScope(p.unitId, actor, READ_ROLES)} or (${p.status} <> 'draft' and ${isAncestorOfOwnUnit(
    actor,
    p.unitId,
    sql`make_date(${p.year}, 1, 1)`,
    sql`make_date(${p.year}, 12, 31)`,
  )}))`;
}

/** Throws 403 unless the program is visible to the caller (see visiblePrograms). */
export async function requireProgramVisible(
  db: Executor,
  actor: Actor,
  program: { unitId: string; year: number; status: string },
): Promise<void> {
  if (await canReachUnit(db, actor, program.unitId, READ_ROLES)) return;
  if (program.status === 'draft') throw forbidden();
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${isAncestorOfOwnUnit(actor, sql`${program.unitId}::uuid`, sql`${`${program.year}-01-01`}::date`, sql`${`${program.year}-12-31`}::date`)} as ok`,
  );
  if (!row?.ok) throw forbidden();
}

/**
 * The day a write to a program of a year takes effect: today, or the year's
 * last day for a past year (its history stays with whoever held the unit then).
 */
export const programWriteDate = (year: number) => writeDateFor(`${year}-12-31`);

/**
 * Creating, editing, amending and deriving drafts: a writePrograms role that
 * holds the issuing unit on the program's write date (access.ts heldOn).
 */
export const requireProgramManage = (db: Executor, actor: Actor, unitId: string, year: number) =>
  requireWriteAccess(db, actor, unitId, PERMISSIONS.writePrograms, programWriteDate(year));

/**
 * Issuing (ban hành; DOMAIN.md "Roles"): a leader (issuePrograms) who holds the
 * issuing unit on the program's write date, or an officer who holds it and has
 * a delegation from the unit's leader in force that day (issue_delegations,
 * docs/issue-delegations.md). Outside the caller's scope: the plain 403; an
 * officer of the unit without a delegation: 403 PROGRAM_ISSUE_NOT_DELEGATED,
 * which says who may issue.
 */
export async function requireProgramIssue(db: Executor, actor: Actor, unitId: string, year: number): Promise<void> {
  const date = programWriteDate(year);
  if (await canWriteUnit(db, actor, unitId, PERMISSIONS.issuePrograms, date)) return;
  if (!(await canWriteUnit(db, actor, unitId, PERMISSIONS.issueByDelegation, date))) throw forbidden();
  if (await holdsDelegation(db, actor.userId, unitId, date)) return;
  const [unit] = await queryRows<{ name: string }>(db, sql`select short_name as name from org_units where id = ${unitId}::uuid`);
  throw new AppError('PROGRAM_ISSUE_NOT_DELEGATED', { unit: unit?.name ?? '' });
}

/**
 * An unknown program id: 404 for a system administrator, 403 for everyone else,
 * the same answer as for a program outside the caller's scope.
 */
export function programNotFound(actor: Actor): AppError {
  return isSystemAdmin(actor) ? new AppError('NOT_FOUND') : new AppError('FORBIDDEN');
}

/**
 * The write policies above as SQL conditions over a program row (`p`: its
 * unit, year and status columns), so a list computes every row's allowed
 * actions in its own query (common/programs.ts PROGRAM_ACTIONS): the same
 * roles (PERMISSIONS) and the same write date (programWriteDate) as
 * requireProgramManage / requireProgramIssue, and for deriving, a unit below
 * the issuing one that the caller may write programs of.
 */
export function programActionConditions(actor: Actor, p: { unitId: Column; year: Column; status: Column }): Record<ProgramAction, SQL> {
  const writeDate = sql`least(${todayInVietnam()}::date, make_date(${p.year}, 12, 31))`;
  const manage = heldOn(p.unitId, actor, PERMISSIONS.writePrograms, writeDate);
  // By right (a leader), or an officer of the unit with a delegation in force on the write date.
  const issue = sql`(${heldOn(p.unitId, actor, PERMISSIONS.issuePrograms, writeDate)} or (${heldOn(
    p.unitId,
    actor,
    PERMISSIONS.issueByDelegation,
    writeDate,
  )} and ${delegatedOn(p.unitId, actor.userId, writeDate)}))`;
  const canDeriveAny = hasAnyRole(actor, PERMISSIONS.writePrograms);
  return {
    edit: sql`(${p.status} = 'draft' and ${manage})`,
    issue: sql`(${p.status} = 'draft' and ${issue})`,
    amend: sql`(${p.status} = 'issued' and ${manage})`,
    derive: canDeriveAny
      ? sql`(${p.status} = 'issued' and exists (select 1 from org_unit_paths dp where dp.ancestor_id = ${p.unitId} and dp.depth > 0
          and dp.valid_from <= make_date(${p.year}, 12, 31) and dp.valid_to >= make_date(${p.year}, 1, 1)
          and ${heldOn(sql`dp.descendant_id`, actor, PERMISSIONS.writePrograms, writeDate)}))`
      : sql`false`,
  };
}

/** The allowed actions of some programs, in one query (programActionConditions). */
export async function allowedProgramActions(db: Executor, actor: Actor, ids: readonly string[]): Promise<Map<string, ProgramAction[]>> {
  if (ids.length === 0) return new Map();
  const c = programActionConditions(actor, { unitId: sql`p.unit_id`, year: sql`p.year`, status: sql`p.status` });
  const rows = await queryRows<Record<ProgramAction, boolean> & { id: string }>(
    db,
    sql`select p.id, ${c.edit} as edit, ${c.issue} as issue, ${c.amend} as amend, ${c.derive} as derive
    from programs p where p.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, PROGRAM_ACTIONS.filter((a) => r[a])]));
}
