import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { inUnitScope, type Actor } from '../../lib/access.js';
import { MANAGE_MEMBER_ROLES, requireMemberReader, VIEW_MEMBER_ROLES } from './policy.js';

/**
 * Transfers waiting for a receiving unit (chuyển sinh hoạt chờ tiếp nhận):
 * those coming into a unit the caller reads (canDecide when they manage it)
 * and those sent from one, oldest first.
 */
export async function listPendingTransfers(db: Executor, actor: Actor) {
  requireMemberReader(actor);
  const rows = await queryRows<{
    eventId: string;
    memberId: string;
    memberName: string;
    date: unknown;
    fromUnitId: string;
    fromUnitName: string;
    toUnitId: string;
    toUnitName: string;
    note: string | null;
    canDecide: boolean;
  }>(
    db,
    sql`select e.id as "eventId", e.member_id as "memberId", m.full_name as "memberName", e.event_date as "date",
        e.unit_id as "fromUnitId", fu.short_name as "fromUnitName", e.to_unit_id as "toUnitId", tu.short_name as "toUnitName",
        e.note, ${inUnitScope(sql`e.to_unit_id`, actor, MANAGE_MEMBER_ROLES)} as "canDecide"
      from member_events e
      join members m on m.id = e.member_id
      join org_units fu on fu.id = e.unit_id
      join org_units tu on tu.id = e.to_unit_id
      where e.transfer_state = 'pending'
        and (${inUnitScope(sql`e.to_unit_id`, actor, VIEW_MEMBER_ROLES)} or ${inUnitScope(sql`e.unit_id`, actor, VIEW_MEMBER_ROLES)})
      order by e.event_date, m.full_name, e.id
      limit 500`,
  );
  return rows.map((r) => ({ ...r, date: toDateOnly(r.date)!, canDecide: Boolean(r.canDecide) }));
}
