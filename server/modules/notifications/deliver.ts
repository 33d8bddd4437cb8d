// Writing a notice: the in-app notification row for a user, the reminder_log
// rows (one per unit the notice is about, per channel), and the e-mail queued
// as reminder_log rows with status 'queued' that send-queued-email.ts sends
// after the transaction commits. Runs inside the caller's transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { NotificationKind } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { notifications, reminderLog } from '../../db/schema/index.js';
import { emailEnabled } from '../../lib/mailer.js';
import { requestEmailFlush } from './send-queued-email.js';

/** reminder_log.kind: what the reminder was about. */
export type ReminderKind = 'due_soon' | 'overdue' | 'submitted' | 'returned' | 'approved';

export interface Notice {
  kind: NotificationKind;
  logKind: ReminderKind;
  periodId: string;
  reportId: string | null;
  link: string | null;
  /** The units the notice is about: one for a report's notice, several for a digest. */
  unitIds: string[];
  /** The notification's params for the units actually sent (a digest leaves out units already told). */
  params: (unitIds: string[]) => Record<string, string | number>;
  /**
   * Digests (due_soon, overdue): send each (kind, period, unit, channel,
   * recipient) once, whatever how often the job runs.
   */
  once: boolean;
}

export interface NoticeRecipient {
  userId: string;
  email: string | null;
}

/** One notice to one user. */
export interface Delivery {
  to: NoticeRecipient;
  notice: Notice;
}

/** Rows per insert: reminder_log has 8 parameters a row, PostgreSQL allows 65,535 a statement. */
const ROWS_PER_INSERT = 1_000;

/**
 * The (recipient, unit) pairs already logged for the digests among the deliveries on a channel, in one
 * query per (kind, period): a digest is sent once per (kind, period, unit, channel, recipient).
 */
async function alreadyLogged(ex: Executor, deliveries: Array<{ recipient: string; notice: Notice }>, channel: 'in_app' | 'email') {
  const logged = new Set<string>();
  const byKindAndPeriod = new Map<string, { kind: ReminderKind; periodId: string; recipients: Set<string>; units: Set<string> }>();
  for (const { recipient, notice } of deliveries) {
    if (!notice.once) continue;
    const key = `${notice.logKind}|${notice.periodId}`;
    const group = byKindAndPeriod.get(key) ?? { kind: notice.logKind, periodId: notice.periodId, recipients: new Set(), units: new Set() };
    group.recipients.add(recipient);
    for (const u of notice.unitIds) group.units.add(u);
    byKindAndPeriod.set(key, group);
  }
  for (const group of byKindAndPeriod.values()) {
    const rows = await ex
      .select({ recipient: reminderLog.recipient, unitId: reminderLog.unitId })
      .from(reminderLog)
      .where(
        and(
          eq(reminderLog.kind, group.kind),
          eq(reminderLog.periodId, group.periodId),
          eq(reminderLog.channel, channel),
          inArray(reminderLog.recipient, [...group.recipients]),
          inArray(reminderLog.unitId, [...group.units]),
        ),
      );
    for (const r of rows) logged.add(`${group.kind}|${group.periodId}|${r.recipient}|${r.unitId}`);
  }
  return (recipient: string, notice: Notice, unitId: string) =>
    notice.once && logged.has(`${notice.logKind}|${notice.periodId}|${recipient}|${unitId}`);
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/**
 * Delivers notices (each to its user) in a few statements whatever their number: a report's
 * notice goes to every officer of the Office (twenty in a province), and a statement per
 * recipient was most of a submission's round trips. Returns, per delivery in order, the units
 * told in the app (empty when all were told before).
 */
export async function deliverNotices(ex: Executor, deliveries: readonly Delivery[]): Promise<string[][]> {
  const inAppLogged = await alreadyLogged(
    ex,
    deliveries.map((d) => ({ recipient: d.to.userId, notice: d.notice })),
    'in_app',
  );
  const notificationRows: Array<typeof notifications.$inferInsert> = [];
  const logRows: Array<typeof reminderLog.$inferInsert> = [];
  const logRow = (
    notice: Notice,
    unitId: string,
    channel: 'in_app' | 'email',
    recipient: string,
    status: string,
    error: string | null = null,
  ) => ({
    kind: notice.logKind,
    periodId: notice.periodId,
    unitId,
    reportId: notice.reportId,
    channel,
    recipient,
    status,
    error,
  });
  const told = deliveries.map(({ to, notice }) => {
    const units = notice.unitIds.filter((u) => !inAppLogged(to.userId, notice, u));
    if (units.length > 0) {
      notificationRows.push({
        userId: to.userId,
        kind: notice.kind,
        params: notice.params(units),
        link: notice.link,
        reportId: notice.reportId,
      });
      for (const u of units) logRows.push(logRow(notice, u, 'in_app', to.userId, 'sent'));
    }
    return units;
  });
  let emailQueued = false;
  if (emailEnabled()) {
    const recipientOf = (to: NoticeRecipient) => to.email?.trim() || `user:${to.userId}`;
    const emailLogged = await alreadyLogged(
      ex,
      deliveries.map((d) => ({ recipient: recipientOf(d.to), notice: d.notice })),
      'email',
    );
    for (const { to, notice } of deliveries) {
      const recipient = recipientOf(to);
      const address = to.email?.trim();
      // No address: logged as skipped, so the Office sees who could not be reached by e-mail.
      for (const u of notice.unitIds.filter((unit) => !emailLogged(recipient, notice, unit))) {
        logRows.push(
          address ? logRow(notice, u, 'email', recipient, 'queued') : logRow(notice, u, 'email', recipient, 'skipped', 'no e-mail address'),
        );
        if (address) emailQueued = true;
      }
    }
  }
  await insertInChunks(notificationRows, (chunk) => ex.insert(notifications).values(chunk));
  await insertInChunks(logRows, (chunk) => ex.insert(reminderLog).values(chunk));
  if (emailQueued) requestEmailFlush();
  return told;
}
