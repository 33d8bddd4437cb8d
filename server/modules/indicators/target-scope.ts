// Which units a target may be split among (phân bổ chỉ tiêu): shared by
// create-target and allocate-target so both apply the same rule.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { monthFromIndex, monthIndex } from './periods.js';

/** First day of a 'YYYY-MM' month. */
export const firstDay = (month: string) => `${month}-01`;

/** Last day of a 'YYYY-MM' month. */
export const lastDay = (month: string) => {
  const next = monthFromIndex(monthIndex(month) + 1);
  const d = new Date(`${next}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
};

/**
 * Index of the first unit that was never below the scope unit during the
 * period (months 'YYYY-MM'), or -1 when every unit was there at some time.
 */
export async function firstOutsideScope(
  db: Executor,
  scopeUnitId: string,
  period: { from: string; to: string },
  unitIds: string[],
): Promise<number> {
  if (unitIds.length === 0) return -1;
  // Units below the scope unit at some time within the period.
  const inside = await queryRows<{ id: string }>(
    db,
    sql`select distinct p.descendant_id as id from org_unit_paths p
        where p.ancestor_id = ${scopeUnitId}::uuid and p.depth > 0
          and p.valid_from <= ${lastDay(period.to)}::date and p.valid_to >= ${firstDay(period.from)}::date
          and p.descendant_id in (${sql.join(
            unitIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  const insideIds = new Set(inside.map((r) => r.id));
  return unitIds.findIndex((id) => !insideIds.has(id));
}
