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

async function alreadyLogged(ex: Executor, notice: Notice, channel: 'in_app' | 'email', recipient: string): Promise<Set<string>> {
  const rows = await ex
    .select({ unitId: reminderLog.unitId })
    .from(reminderLog)
    .where(
      and(
        eq(reminderLog.kind, notice.logKind),
        eq(reminderLog.periodId, notice.periodId),
        eq(reminderLog.channel, channel),
        eq(reminderLog.recipient, recipient),
        inArray(reminderLog.unitId, notice.unitIds),
      ),
    );
  return new Set(rows.map((r) => r.unitId!));
}

/** Delivers a notice to one user; returns the units told in the app (empty when all were told before). */
export async function deliverNotice(ex: Executor, to: NoticeRecipient, notice: Notice): Promise<string[]> {
  if (notice.unitIds.length === 0) return [];
  const inAppDone = notice.once ? await alreadyLogged(ex, notice, 'in_app', to.userId) : new Set<string>();
  const inAppUnits = notice.unitIds.filter((u) => !inAppDone.has(u));
  const logRow = (unitId: string, channel: 'in_app' | 'email', recipient: string, status: string, error: string | null = null) => ({
    kind: notice.logKind,
    periodId: notice.periodId,
    unitId,
    reportId: notice.reportId,
    channel,
    recipient,
    status,
    error,
  });
  if (inAppUnits.length > 0) {
    await ex.insert(notifications).values({
      userId: to.userId,
      kind: notice.kind,
      params: notice.params(inAppUnits),
      link: notice.link,
      reportId: notice.reportId,
    });
    await ex.insert(reminderLog).values(inAppUnits.map((u) => logRow(u, 'in_app', to.userId, 'sent')));
  }
  if (emailEnabled()) {
    const recipient = to.email?.trim() || `user:${to.userId}`;
    const emailDone = notice.once ? await alreadyLogged(ex, notice, 'email', recipient) : new Set<string>();
    const emailUnits = notice.unitIds.filter((u) => !emailDone.has(u));
    if (emailUnits.length > 0) {
      // No address: logged as skipped, so the Office sees who could not be reached by e-mail.
      await ex
        .insert(reminderLog)
        .values(
          emailUnits.map((u) =>
            to.email?.trim() ? logRow(u, 'email', recipient, 'queued') : logRow(u, 'email', recipient, 'skipped', 'no e-mail address'),
          ),
        );
      if (to.email?.trim()) requestEmailFlush();
    }
  }
  return inAppUnits;
}
