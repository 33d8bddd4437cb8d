import { sql, type SQL } from 'drizzle-orm';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import {
  canWriteUnit,
  hasAnyRole,
  heldOn,
  inUnitScope,
  inUnitScopeHashed,
  inUnitScopeMerged,
  inUnitScopeProbe,
  isSystemAdmin,
  requireWriteAccess,
  type Actor,
} from '../../lib/access.js';
import { forbidden } from '../../lib/errors.js';

/**
 * Who may do what in the member registry (docs/members.md):
 * - read: a viewMembers role whose scope reaches the member's unit (the
 *   current one, or the last one for a former member); personal data (CCCD,
 *   phone, birth date) is masked in lists, and in full on a member's page only
 *   for a manageMembers role over that unit;
 * - write (admit, edit, transfer, leave, re-admit, issue a card, import): a
 *   manageMembers role that holds the member's unit on the date the write
 *   takes effect (docs/scopes.md "Writing"): a federation that no longer
 *   holds a unit reads its registry's history but no longer changes it;
 * - accept or refuse a transfer: the same over the receiving unit, on the
 *   transfer's date.
 * Out-of-scope and unknown ids both answer 403 (or 404 for a member id).
 */
export const VIEW_MEMBER_ROLES = PERMISSIONS.viewMembers;
export const MANAGE_MEMBER_ROLES = PERMISSIONS.manageMembers;

export function requireMemberReader(actor: Actor): void {
  if (!hasAnyRole(actor, VIEW_MEMBER_ROLES)) throw forbidden();
}

export function requireMemberManager(actor: Actor): void {
  if (!hasAnyRole(actor, MANAGE_MEMBER_ROLES)) throw forbidden();
}

/** The members' unit column is within what the actor may read. */
export function memberReadScope(unitColumn: SQL, actor: Actor): SQL {
  return inUnitScope(unitColumn, actor, VIEW_MEMBER_ROLES);
}

/** memberReadScope for the list, its count and its export, which filter many members (access.ts inUnitScopeHashed). */
export function memberListScope(unitColumn: SQL, actor: Actor): SQL {
  return inUnitScopeHashed(unitColumn, actor, VIEW_MEMBER_ROLES);
}

/** memberReadScope probed per row (access.ts inUnitScopeProbe): for a few members, e.g. a search's hits. */
export function memberReadScopeProbe(unitColumn: SQL, actor: Actor): SQL {
  return inUnitScopeProbe(unitColumn, actor, VIEW_MEMBER_ROLES);
}

/** memberReadScope as a semi join merged in unit order with many rows (access.ts inUnitScopeMerged): a search's many hits. */
export function memberMergedScope(unitColumn: SQL, actor: Actor): SQL {
  return inUnitScopeMerged(unitColumn, actor, VIEW_MEMBER_ROLES);
}

/**
 * The members' unit column is within what the actor manages (sees personal
 * data unmasked), probed per row: it is asked of a few members at a time (a
 * CCCD found, the rows of an admission or an import batch).
 */
export function memberManageScope(unitColumn: SQL, actor: Actor): SQL {
  return inUnitScopeProbe(unitColumn, actor, MANAGE_MEMBER_ROLES);
}

/**
 * Writes: a manageMembers role that holds the unit on the date the write
 * takes effect (admission, transfer, leaving, card date; an edit: today).
 * One rule for every write, access.ts heldOn.
 */
export function canManageMembersOf(db: Executor, actor: Actor, unitId: string, date?: string): Promise<boolean> {
  return canWriteUnit(db, actor, unitId, MANAGE_MEMBER_ROLES, date);
}

export function requireManageMembersOf(db: Executor, actor: Actor, unitId: string, date?: string): Promise<void> {
  return requireWriteAccess(db, actor, unitId, MANAGE_MEMBER_ROLES, date);
}

/** The key of a (unit, date) pair in membersUnitsHeld's answer. */
export const heldKey = (unitId: string, date: string) => `${unitId}|${date}`;

/**
 * The (unit, date) pairs among the given ones on which the actor may write
 * members (the canManageMembersOf rule, access.ts heldOn), in ONE query over
 * all pairs: batch writes (the Excel import, admitMembers) check every event
 * at its own date without a query per event. Keys are heldKey(unit, date).
 */
export async function membersUnitsHeld(
  db: Executor,
  actor: Actor,
  pairs: ReadonlyArray<{ unitId: string; date: string }>,
): Promise<Set<string>> {
  const keys = new Map(pairs.map((p) => [heldKey(p.unitId, p.date), { unit_id: p.unitId, on_date: p.date }]));
  if (keys.size === 0) return new Set();
  if (isSystemAdmin(actor)) return new Set(keys.keys());
  const rows = await queryRows<{ unit_id: string; on_date: string }>(
    db,
    sql`select x.unit_id::text as unit_id, x.on_date::text as on_date
        from json_to_recordset(${JSON.stringify([...keys.values()])}::json) as x(unit_id uuid, on_date date)
        where ${heldOn(sql`x.unit_id`, actor, MANAGE_MEMBER_ROLES, sql`x.on_date`)}`,
  );
  return new Set(rows.map((r) => heldKey(r.unit_id, String(r.on_date).slice(0, 10))));
}
