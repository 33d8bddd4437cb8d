import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { inUnitScope, type Actor } from '../../lib/access.js';
import { OFFICE_ROLES, requireOffice } from './policy.js';

export interface ListRemindersInput {
  periodId?: string | undefined;
  unitId?: string | undefined;
  page: number;
  pageSize: number;
}

export interface ReminderRow {
  id: string;
  kind: string;
  periodId: string | null;
  periodKind: string | null;
  periodDataFrom: unknown;
  unitId: string | null;
  unitShortName: string | null;
  channel: string;
  recipient: string;
  /** For in-app rows the recipient is a user id: their name. */
  recipientName: string | null;
  status: string;
  error: string | null;
  sentAt: unknown;
}

/** The reminder log (nhật ký nhắc nhở) of units in the Office's scope, newest first. */
export async function listReminders(ex: Executor, actor: Actor, input: ListRemindersInput) {
  requireOffice(actor);
  const where: SQL[] = [inUnitScope(sql`l.unit_id`, actor, OFFICE_ROLES)];
  if (input.periodId) where.push(sql`l.period_id = ${input.periodId}::uuid`);
  if (input.unitId) where.push(sql`l.unit_id = ${input.unitId}::uuid`);
  const cond = sql.join(where, sql` and `);
  const [{ total } = { total: 0 }] = await queryRows<{ total: string | number }>(
    ex,
    sql`select count(*) as total from reminder_log l where ${cond}`,
  );
  const rows = await queryRows<ReminderRow>(
    ex,
    sql`select l.id, l.kind, l.period_id as "periodId", p.kind as "periodKind", p.data_from as "periodDataFrom",
        l.unit_id as "unitId", u.short_name as "unitShortName", l.channel, l.recipient,
        (select ru.full_name from users ru where l.channel = 'in_app' and ru.id::text = l.recipient) as "recipientName",
        l.status, l.error, l.sent_at as "sentAt"
      from reminder_log l
      left join report_periods p on p.id = l.period_id
      left join org_units u on u.id = l.unit_id
      where ${cond}
      order by l.sent_at desc, l.id
      limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`,
  );
  return { rows, total: Number(total), page: input.page, pageSize: input.pageSize };
}
