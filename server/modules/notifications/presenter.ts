import type { z } from 'zod';
import type { NotificationKind, ReportKind } from '../../../common/reports.js';
import type { notifications } from '../../db/schema/index.js';
import { toDateOnly, toIso } from '../../db/sql.js';
import type { ReminderRow } from './list-reminders.js';
import type { NotificationView, ReminderLogView } from './schemas.js';

export function presentNotification(row: typeof notifications.$inferSelect): z.input<typeof NotificationView> {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    params: row.params,
    link: row.link,
    createdAt: toIso(row.createdAt),
    readAt: row.readAt ? toIso(row.readAt) : null,
  };
}

export function presentReminder(row: ReminderRow): z.input<typeof ReminderLogView> {
  return {
    id: row.id,
    kind: row.kind,
    period: row.periodId ? { id: row.periodId, kind: row.periodKind as ReportKind, dataFrom: toDateOnly(row.periodDataFrom)! } : null,
    unit: row.unitId ? { id: row.unitId, shortName: row.unitShortName ?? '' } : null,
    channel: row.channel as 'in_app' | 'email',
    // An in-app reminder's recipient is a user id: shown by name.
    recipient: row.recipientName ?? row.recipient,
    // 'sending' is a claimed 'queued' row in flight.
    status: (row.status === 'sending' ? 'queued' : row.status) as 'sent' | 'failed' | 'skipped' | 'queued',
    error: row.error,
    sentAt: toIso(row.sentAt),
  };
}
