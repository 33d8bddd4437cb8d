// Who may read and write activity records (docs/activities.md "Write scope"):
// - read: a viewActivities role whose historical scope reaches the record's unit;
// - write (create, edit, delete): whoever holds the record's unit on its date
//   (access.ts heldOn), with the permission of its kind — keepActivities,
//   keepInspections for plans and inspections, classifyUnits for a
//   classification or an award, held on the unit's PARENT on that date (the
//   federation above; never the CĐCS itself).
// Out-of-scope and unknown ids both answer 403 (404 for an administrator).
import { sql, type SQL } from 'drizzle-orm';
import { FEDERATION_KINDS, INSPECTION_KINDS, type ActivityKind } from '../../../common/activities.js';
import type { Role } from '../../../common/enums.js';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { hasAnyRole, heldOn, inUnitScope, isSystemAdmin, type Actor } from '../../lib/access.js';
import { forbidden } from '../../lib/errors.js';

export const VIEW_ACTIVITY_ROLES = PERMISSIONS.viewActivities;

/** Every role that writes some kind of record. */
const ANY_WRITE_ROLES: readonly Role[] = [
  ...new Set<Role>([...PERMISSIONS.keepActivities, ...PERMISSIONS.keepInspections, ...PERMISSIONS.classifyUnits]),
];

const isInspectionKind = (kind: string) => (INSPECTION_KINDS as readonly string[]).includes(kind);
const isFederationKind = (kind: string) => (FEDERATION_KINDS as readonly string[]).includes(kind);

/** The permission that writes records of the kind. */
export function writeRolesFor(kind: ActivityKind): readonly Role[] {
  if (isInspectionKind(kind)) return PERMISSIONS.keepInspections;
  if (isFederationKind(kind)) return PERMISSIONS.classifyUnits;
  return PERMISSIONS.keepActivities;
}

export function requireActivityReader(actor: Actor): void {
  if (!hasAnyRole(actor, VIEW_ACTIVITY_ROLES)) throw forbidden();
}

export function requireActivityWriter(actor: Actor): void {
  if (!hasAnyRole(actor, ANY_WRITE_ROLES)) throw forbidden();
}

/** The records' unit column is within what the actor may read. */
export function activityReadScope(unitColumn: SQL, actor: Actor): SQL {
  return inUnitScope(unitColumn, actor, VIEW_ACTIVITY_ROLES);
}

/** The unit's parent on the date (brought within the unit's own validity, as heldOn does), or NULL. */
export function parentOnSql(unit: SQL, on: SQL): SQL {
  return sql`(select op.parent_id from org_unit_parents op join org_units pu on pu.id = op.unit_id
    where op.unit_id = ${unit}
      and op.valid_from <= greatest(pu.valid_from, least(${on}, coalesce(pu.valid_to, '9999-12-31'::date)))
      and coalesce(op.valid_to, '9999-12-31'::date) >= greatest(pu.valid_from, least(${on}, coalesce(pu.valid_to, '9999-12-31'::date)))
    limit 1)`;
}

/** SQL condition: the actor may write a record of the kind, of the unit, dated on. */
export function recordWriteCondition(actor: Actor, kind: ActivityKind, unit: SQL, on: SQL): SQL {
  if (isFederationKind(kind)) return heldOn(parentOnSql(unit, on), actor, PERMISSIONS.classifyUnits, on);
  return heldOn(unit, actor, writeRolesFor(kind), on);
}

/** SQL condition over alias `r` (activity_records): the actor may edit and delete the record. */
export function recordWritableSql(actor: Actor): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  const unit = sql`r.unit_id`;
  const on = sql`r.occurred_on`;
  const list = (kinds: readonly string[]) =>
    sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    );
  return sql`(case
    when r.kind in (${list(INSPECTION_KINDS)}) then ${recordWriteCondition(actor, 'inspection', unit, on)}
    when r.kind in (${list(FEDERATION_KINDS)}) then ${recordWriteCondition(actor, 'classification', unit, on)}
    else ${recordWriteCondition(actor, 'training', unit, on)} end)`;
}

/** May the actor write a record of the kind, of the unit, dated `date`? */
export async function canWriteRecord(db: Executor, actor: Actor, kind: ActivityKind, unitId: string, date: string): Promise<boolean> {
  if (isSystemAdmin(actor)) return true;
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${recordWriteCondition(actor, kind, sql`${unitId}::uuid`, sql`${date}::date`)} as ok`,
  );
  return Boolean(row?.ok);
}

/** 403 unless the actor may write a record of the kind, of the unit, dated `date` (unknown units answer the same). */
export async function requireWriteRecord(db: Executor, actor: Actor, kind: ActivityKind, unitId: string, date: string): Promise<void> {
  if (!(await canWriteRecord(db, actor, kind, unitId, date))) throw forbidden();
}

/**
 * SQL condition: a report of the unit covering the month of `on` was
 * submitted or approved — an edit or deletion then needs a reason.
 */
export function reportedSql(unit: SQL, on: SQL): SQL {
  return sql`exists (select 1 from reports rp join report_periods pp on pp.id = rp.period_id
    where rp.unit_id = ${unit} and rp.status in ('submitted', 'approved')
      and pp.data_from <= (date_trunc('month', ${on}::timestamp) + interval '1 month' - interval '1 day')::date
      and pp.data_to >= date_trunc('month', ${on}::timestamp)::date)`;
}

export async function isReported(db: Executor, unitId: string, date: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select ${reportedSql(sql`${unitId}::uuid`, sql`${date}::date`)} as ok`);
  return Boolean(row?.ok);
}
