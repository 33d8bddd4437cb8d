// The reminder job's work (docs/reporting.md "Reminders"), callable from tests
// with any "now":
// - due soon: REPORT_LIMITS.dueSoonDays days before a deadline (and up to it),
//   a digest to the chairs of the units that have not sent their report
//   (not started, draft, returned);
// - overdue: once the deadline (24:00 UTC+7 of the due day) has passed, a
//   notice to the chairs of the units still not sent and one digest per
//   officer of the Office holding them, listing those units.
// Each (kind, period, unit, channel, recipient) is sent once however often the
// job runs (reminder_log); every reminder is logged. Locked periods and
// periods overdue for more than OVERDUE_WINDOW_DAYS are left alone.
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { addDays, todayInVietnam } from '../../../common/format.js';
import { REPORT_LIMITS } from '../../../common/reports.js';
import type { Database, Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { listExpectedReports, type ExpectedReport } from '../reports/expected-reports.js';
import { deliverNotices, type Delivery, type ReminderKind } from './deliver.js';
import { digestParams, periodParams, unitNames } from './notice-params.js';
import { chairRecipients, officeRecipients, type Recipient } from './recipients.js';
import { sendQueuedEmail } from './send-queued-email.js';

/** Overdue notices go out for deadlines passed within this many days (a new install does not chase last year). */
export const OVERDUE_WINDOW_DAYS = 30;

export interface ReminderRunResult {
  /** In-app notifications written (one per user and digest). */
  notifications: number;
  /** E-mail messages sent and failed after commit (0 when e-mail is off or the caller holds a transaction). */
  emailSent: number;
  emailFailed: number;
}

const NOT_SENT = new Set(['not_started', 'draft', 'returned']);

export async function sendDueReminders(ex: Executor, now: Date = new Date()): Promise<ReminderRunResult> {
  const today = todayInVietnam(now);
  const notificationsWritten = await inTransaction(ex, async (tx) => {
    // One run at a time (two server processes, or the timer and a test): the second waits, then finds the log rows.
    await tx.execute(sql`select pg_advisory_xact_lock(742019)`);
    const dueSoon = (await listExpectedReports(tx, { dueFrom: today, dueTo: addDays(today, REPORT_LIMITS.dueSoonDays), now })).filter(
      (e) => !e.locked && NOT_SENT.has(e.state) && !e.overdue,
    );
    const overdue = (await listExpectedReports(tx, { dueFrom: addDays(today, -OVERDUE_WINDOW_DAYS), dueTo: today, now })).filter(
      (e) => !e.locked && e.overdue,
    );
    let written = 0;
    written += await remind(tx, 'due_soon', dueSoon, today, false);
    written += await remind(tx, 'overdue', overdue, today, true);
    return written;
  });
  // E-mail leaves only after the commit; inside a caller's transaction it stays queued for the job's next send.
  const mail = ex instanceof PgTransaction ? { sent: 0, failed: 0 } : await sendQueuedEmail(ex as Database);
  return { notifications: notificationsWritten, emailSent: mail.sent, emailFailed: mail.failed };
}

async function remind(tx: Executor, kind: ReminderKind, expected: ExpectedReport[], today: string, toOffice: boolean): Promise<number> {
  const byPeriod = new Map<string, ExpectedReport[]>();
  for (const e of expected) byPeriod.set(e.period.id, [...(byPeriod.get(e.period.id) ?? []), e]);
  let written = 0;
  for (const rows of byPeriod.values()) {
    const period = rows[0]!.period;
    const unitIds = rows.map((r) => r.unit.id);
    const names = await unitNames(tx, unitIds);
    const groups: Array<{ recipients: Recipient[]; link: string }> = [
      { recipients: await chairRecipients(tx, unitIds, today), link: '/reports' },
    ];
    if (toOffice)
      groups.push({
        recipients: await officeRecipients(tx, unitIds, period.factMonth, today),
        link: `/reports/periods/${period.id}/compliance`,
      });
    for (const { recipients, link } of groups) {
      const byUser = new Map<string, { email: string | null; units: string[] }>();
      for (const r of recipients) {
        const entry = byUser.get(r.userId) ?? { email: r.email, units: [] };
        entry.units.push(r.unitId);
        byUser.set(r.userId, entry);
      }
      const deliveries: Delivery[] = [...byUser].map(([userId, { email, units }]) => ({
        to: { userId, email },
        notice: {
          kind: kind === 'due_soon' ? 'report_due_soon' : 'report_overdue',
          logKind: kind,
          periodId: period.id,
          reportId: null,
          link,
          unitIds: [...new Set(units)],
          params: (sent) => ({ ...periodParams(period), ...digestParams(names, sent) }),
          once: true,
        },
      }));
      written += (await deliverNotices(tx, deliveries)).filter((told) => told.length > 0).length;
    }
  }
  return written;
}
