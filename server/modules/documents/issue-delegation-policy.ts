// Who may issue a unit's documents, and who may delegate it (DOMAIN.md "Roles":
// the leader signs and issues documents, or an officer the leader delegates;
// docs/issue-delegations.md). Dates follow the write rule (docs/scopes.md
// "Writing"): a date is brought within the unit's own validity, as heldOn does,
// so the history of an ended unit stays with who held it then.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../../common/enums.js';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { forbidden } from '../../lib/errors.js';

const asDate = (date: string | SQL): SQL => (typeof date === 'string' ? sql`${date}::date` : date);

/** The date brought within the validity of the unit aliased `u` (its first day at the earliest, its last at the latest). */
const within = (u: string, date: SQL): SQL =>
  sql`greatest(${sql.raw(u)}.valid_from, least(${date}, coalesce(${sql.raw(u)}.valid_to, '9999-12-31'::date)))`;

/**
 * Condition "the user holds a delegation to issue the unit's documents in
 * force on the date, not revoked". For list queries (allowed actions); the
 * issue itself reads and locks the row (requireDelegation).
 */
export function delegatedOn(unit: SQL | AnyPgColumn, userId: string | null, date: string | SQL): SQL {
  if (!userId) return sql`false`;
  const on = within('du', asDate(date));
  return sql`exists (select 1 from issue_delegations dl join org_units du on du.id = dl.unit_id
    where dl.unit_id = ${unit} and dl.user_id = ${userId}::uuid and dl.revoked_at is null
      and dl.valid_from <= ${on} and coalesce(dl.valid_to, '9999-12-31'::date) >= ${on})`;
}

/**
 * True when the user holds a delegation in force on the date. The row is read
 * FOR SHARE, so a revoke running at the same time waits for the issue (or the
 * issue sees the revoke): a document is never issued under a revoked delegation.
 */
export async function holdsDelegation(db: Executor, userId: string | null, unitId: string, date: string): Promise<boolean> {
  if (!userId) return false;
  const on = within('du', sql`${date}::date`);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select dl.id from issue_delegations dl join org_units du on du.id = dl.unit_id
      where dl.unit_id = ${unitId}::uuid and dl.user_id = ${userId}::uuid and dl.revoked_at is null
        and dl.valid_from <= ${on} and coalesce(dl.valid_to, '9999-12-31'::date) >= ${on}
      limit 1 for share of dl`,
  );
  return rows.length > 0;
}

/** The roles that grant and revoke delegations at their own unit (an administrator anywhere). */
const LEADER_ROLES: readonly Role[] = (PERMISSIONS.delegateIssuing as readonly Role[]).filter((r) => r !== 'system_admin');

/**
 * Condition "the actor leads the unit itself on the date": a leader's
 * assignment AT the unit (not at a unit above it: a leader delegates their own
 * unit's signature), valid on the date. An administrator always.
 */
export function leadsUnitOn(unit: SQL | AnyPgColumn, actor: Actor, date: string | SQL): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  const ids = actor.assignments.filter((a) => LEADER_ROLES.includes(a.role)).map((a) => a.id);
  if (ids.length === 0) return sql`false`;
  const on = within('lu', asDate(date));
  return sql`exists (select 1 from role_assignments la join org_units lu on lu.id = la.unit_id
    where la.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and la.unit_id = ${unit}
      and la.valid_from <= ${on} and coalesce(la.valid_to, '9999-12-31'::date) >= ${on})`;
}

export async function canManageDelegations(db: Executor, actor: Actor, unitId: string, date: string): Promise<boolean> {
  if (isSystemAdmin(actor)) return true;
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select ${leadsUnitOn(sql`${unitId}::uuid`, actor, date)} as ok`);
  return Boolean(row?.ok);
}

/** Granting and revoking: a leader of the unit itself on the date the change takes effect (403 otherwise, unknown units alike). */
export async function requireDelegationManage(db: Executor, actor: Actor, unitId: string, date: string): Promise<void> {
  if (!(await canManageDelegations(db, actor, unitId, date))) throw forbidden();
}

/** Roles that may be given a delegation. */
const DELEGABLE = PERMISSIONS.issueByDelegation as readonly Role[];

/**
 * SQL of the unit's officers on a date: users with a delegable role assigned
 * AT the unit (its own office, not a unit above), valid that day, not disabled.
 */
export function unitOfficersOn(unitId: string, date: string): SQL {
  const on = within('ou', sql`${date}::date`);
  return sql`select distinct oa.user_id from role_assignments oa join org_units ou on ou.id = oa.unit_id
    join users ousr on ousr.id = oa.user_id
    where oa.unit_id = ${unitId}::uuid and oa.role in (${sql.join(
      DELEGABLE.map((r) => sql`${r}`),
      sql`, `,
    )})
      and ousr.disabled_at is null
      and oa.valid_from <= ${on} and coalesce(oa.valid_to, '9999-12-31'::date) >= ${on}`;
}

export async function isUnitOfficerOn(db: Executor, userId: string, unitId: string, date: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select ${userId}::uuid in (${unitOfficersOn(unitId, date)}) as ok`);
  return Boolean(row?.ok);
}
