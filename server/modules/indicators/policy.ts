// Who may do what with the indicator engine (DOMAIN.md "Roles").
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { CATALOGUE_ACTIONS, TARGET_ACTIONS, type CatalogueAction, type TargetAction } from '../../../common/indicators.js';
import type { ProgramStatus } from '../../../common/programs.js';
import { todayInVietnam } from '../../lib/dates.js';
import {
  canReachUnit,
  hasAnyRole,
  heldOn,
  inUnitScope,
  isSystemAdmin,
  READ_ROLES,
  requireHoldsAnyUnit,
  requireUnitAccess,
  requireWriteAccess,
  writeDateFor,
  type Actor,
} from '../../lib/access.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { isAncestorOfOwnUnit } from '../programs/policy.js';
import { lastDay } from './target-scope.js';

/**
 * Data elements and indicators are one shared catalogue (the same definitions
 * serve every federation, so figures add up the tree): anyone with a role may
 * read it; managePrograms roles (system_admin, federation_officer) may add to it.
 */
export function requireCatalogueRead(actor: Actor): void {
  if (!hasAnyRole(actor, READ_ROLES)) throw forbidden();
}

/** Adding to the catalogue: a managePrograms role at a unit that exists today (access.ts requireHoldsAnyUnit). */
export async function requireCatalogueManage(db: Executor, actor: Actor): Promise<void> {
  if (!hasAnyRole(actor, PERMISSIONS.managePrograms)) throw forbidden();
  await requireHoldsAnyUnit(db, actor, PERMISSIONS.managePrograms);
}

/** May the caller change the catalogue (requireCatalogueManage, as a yes/no)? */
export async function canManageCatalogue(db: Executor, actor: Actor): Promise<boolean> {
  if (!hasAnyRole(actor, PERMISSIONS.managePrograms)) return false;
  try {
    await requireHoldsAnyUnit(db, actor, PERMISSIONS.managePrograms);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the caller may do with each catalogue row (data elements, indicators):
 * the catalogue is shared, so one answer (canManageCatalogue) for every row in
 * use; an archived row is history and offers nothing. `offered`: the writes
 * the kind of row has (indicators are edited, not archived).
 */
export async function allowedCatalogueActions(
  db: Executor,
  actor: Actor,
  offered: readonly CatalogueAction[] = CATALOGUE_ACTIONS,
): Promise<(row: { archivedAt: Date | null }) => CatalogueAction[]> {
  const manage = await canManageCatalogue(db, actor);
  return (row) => (manage && !row.archivedAt ? [...offered] : []);
}

/** The day a write to a target takes effect: today, or the last day of its period when that is past. */
export const targetWriteDate = (periodTo: string) => writeDateFor(lastDay(periodTo));

/**
 * Targets belong to their scope unit: a managePrograms role that holds it on
 * the target's write date may set and allocate them (access.ts heldOn).
 */
export const requireTargetManage = (db: Executor, actor: Actor, scopeUnitId: string, periodTo: string) =>
  requireWriteAccess(db, actor, scopeUnitId, PERMISSIONS.managePrograms, targetWriteDate(periodTo));

/**
 * What the caller may do with each target (common/indicators.ts TARGET_ACTIONS)
 * and the status of its program, in ONE query: the write policies above as SQL
 * — requireTargetManage (a managePrograms role holding the scope unit on the
 * target's write date, least(today, last day of its period)), and, as
 * loadTargetForChange, a retired target or one of a superseded version is not
 * changed. The program's status tells the web when a reason is asked (issued).
 */
export async function targetRowFacts(
  db: Executor,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, { allowedActions: TargetAction[]; programStatus: ProgramStatus | null }>> {
  if (ids.length === 0) return new Map();
  const writeDate = sql`least(${todayInVietnam()}::date, (t.period_to + interval '1 month' - interval '1 day')::date)`;
  const manage = heldOn(sql`t.scope_unit_id`, actor, PERMISSIONS.managePrograms, writeDate);
  const rows = await queryRows<{ id: string; manage: boolean; program_status: ProgramStatus | null }>(
    db,
    sql`select t.id, (t.archived_at is null and coalesce(p.status, '') <> 'superseded' and ${manage}) as manage,
          p.status as program_status
        from targets t left join programs p on p.id = t.program_id
        where t.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  return new Map(rows.map((r) => [r.id, { allowedActions: r.manage ? [...TARGET_ACTIONS] : [], programStatus: r.program_status ?? null }]));
}

/** Anyone with a role over the scope unit may read a target and its progress. */
export const requireTargetRead = (db: Executor, actor: Actor, scopeUnitId: string) => requireUnitAccess(db, actor, scopeUnitId, READ_ROLES);

type Column = SQL | AnyPgColumn;

/** The target columns visibleTargets reads; default: the `tg` alias of the engine's SQL. */
export interface TargetColumns {
  scopeUnitId: Column;
  periodFrom: Column;
  periodTo: Column;
  programId: Column;
}

const TG: TargetColumns = {
  scopeUnitId: sql`tg.scope_unit_id`,
  periodFrom: sql`tg.period_from`,
  periodTo: sql`tg.period_to`,
  programId: sql`tg.program_id`,
};

/**
 * Condition for lists: targets the caller may read — those whose scope unit
 * is within the caller's scope, and, read-only, those set for a unit ABOVE the
 * caller's own unit during the target's period (what is due from them,
 * docs/scopes.md), unless they belong to a program that is still a draft.
 */
export function visibleTargets(actor: Actor, columns: Partial<TargetColumns> = {}): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  const c = { ...TG, ...columns };
  const periodEnd = sql`(${c.periodTo} + interval '1 month' - interval '1 day')::date`;
  return sql`(${inUnitScope(c.scopeUnitId, actor, READ_ROLES)} or (${isAncestorOfOwnUnit(actor, c.scopeUnitId, sql`${c.periodFrom}`, periodEnd)}
    and not exists (select 1 from programs dp where dp.id = ${c.programId} and dp.status = 'draft')))`;
}

/** Condition on a unit column: the unit is within the caller's scope (for per-unit rows of a target seen from below). */
export const unitInScope = (actor: Actor, unitColumn: Column) => inUnitScope(unitColumn, actor, READ_ROLES);

/** Condition on a target id column: the target's scope unit is within the caller's own scope. */
export const targetInScope = (actor: Actor, targetIdColumn: Column) =>
  isSystemAdmin(actor)
    ? sql`true`
    : sql`exists (select 1 from targets st where st.id = ${targetIdColumn} and ${inUnitScope(sql`st.scope_unit_id`, actor, READ_ROLES)})`;

/**
 * Reading the targets set for a scope unit: the unit is in the caller's scope,
 * or it is (or was) above the caller's own unit — the targets themselves are
 * then filtered by visibleTargets.
 */
export async function requireTargetScopeVisible(db: Executor, actor: Actor, scopeUnitId: string): Promise<void> {
  if (await canReachUnit(db, actor, scopeUnitId, READ_ROLES)) return;
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${isAncestorOfOwnUnit(actor, sql`${scopeUnitId}::uuid`, sql`'0001-01-01'::date`, sql`'9999-12-31'::date`)} as ok`,
  );
  if (!row?.ok) throw forbidden();
}

/** Throws 403 unless the target is visible to the caller (visibleTargets). */
export async function requireTargetVisible(db: Executor, actor: Actor, targetId: string): Promise<void> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from targets tg where tg.id = ${targetId}::uuid and ${visibleTargets(actor)}) as ok`,
  );
  if (!row?.ok) throw isSystemAdmin(actor) ? new AppError('NOT_FOUND') : forbidden();
}

/** Unknown target: 404 for a system administrator, 403 (as out of scope) for everyone else. */
export function targetNotFound(actor: Actor): AppError {
  return isSystemAdmin(actor) ? new AppError('NOT_FOUND') : forbidden();
}

/**
 * Condition for dashboards (home, progress, the leader's matrix, a unit's own
 * view): leave out targets of a DRAFT program issued by a unit other than the
 * caller's own (the units of their assignments) — a CĐCS's draft is not the
 * district's business until it is issued, and the other way round.
 */
export function notOthersDrafts(actor: Actor, programIdColumn: Column = sql`tg.program_id`): SQL {
  const own = [...new Set(actor.assignments.map((a) => a.unitId))];
  const ownList = own.length
    ? sql`dp.unit_id not in (${sql.join(
        own.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`true`;
  return sql`not exists (select 1 from programs dp where dp.id = ${programIdColumn} and dp.status = 'draft' and ${ownList})`;
}
