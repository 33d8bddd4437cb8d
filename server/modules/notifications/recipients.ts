// Who receives a report's notices (docs/reporting.md "Reminders"): people with
// an assignment in force today, accounts not disabled.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';

export interface Recipient {
  userId: string;
  email: string | null;
  /** The unit the recipient is told about (for digests). */
  unitId: string;
}

/**
 * The Office (Văn phòng) of each unit: the federation_officer assignments of
 * the nearest federation holding the unit on the fact month (the district, not
 * every level above it), clamped into the unit's own validity like heldOn().
 */
export async function officeRecipients(ex: Executor, unitIds: string[], factMonth: string, today: string): Promise<Recipient[]> {
  if (unitIds.length === 0) return [];
  return queryRows<Recipient>(
    ex,
    sql`with holders as (
      select wu.id as unit_id, a.user_id, wp.depth
      from org_units wu
      join org_unit_paths wp on wp.descendant_id = wu.id and wp.depth >= 1
      join role_assignments a on a.unit_id = wp.ancestor_id and a.role = 'federation_officer' and a.includes_subtree
      where wu.id in (${sql.join(
        unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and wp.valid_from <= greatest(wu.valid_from, least(${factMonth}::date, coalesce(wu.valid_to, '9999-12-31'::date)))
        and wp.valid_to >= greatest(wu.valid_from, least(${factMonth}::date, coalesce(wu.valid_to, '9999-12-31'::date)))
        and a.valid_from <= ${today}::date and coalesce(a.valid_to, '9999-12-31'::date) >= ${today}::date
    ),
    -- The nearest level per unit by a window, not a subquery per row (that was quadratic:
    -- 18 s for the overdue digest of 500 CĐCS under 20 officers).
    ranked as (select h.*, min(h.depth) over (partition by h.unit_id) as nearest from holders h)
    select distinct h.unit_id as "unitId", u.id as "userId", u.email
    from ranked h join users u on u.id = h.user_id
    where u.disabled_at is null and h.depth = h.nearest`,
  );
}

/** The unit's chair/officers: grassroots_officer assignments of the unit itself. */
export async function chairRecipients(ex: Executor, unitIds: string[], today: string): Promise<Recipient[]> {
  if (unitIds.length === 0) return [];
  return queryRows<Recipient>(
    ex,
    sql`select distinct a.unit_id as "unitId", u.id as "userId", u.email
    from role_assignments a join users u on u.id = a.user_id
    where a.role = 'grassroots_officer'
      and a.unit_id in (${sql.join(
        unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and a.valid_from <= ${today}::date and coalesce(a.valid_to, '9999-12-31'::date) >= ${today}::date
      and u.disabled_at is null`,
  );
}
