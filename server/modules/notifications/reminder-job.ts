// The in-process reminder job (docs/reporting.md "Reminders"): every hour the
// due-soon and overdue reminders (sendDueReminders, idempotent), every minute
// the e-mail still queued (a notice's send that missed its first try, or a
// restart between commit and send). Started by server/main.ts, stopped on close.
import type { Database } from '../../db/client.js';
import { sendDueReminders } from './send-due-reminders.js';
import { registerEmailSender, sendQueuedEmail } from './send-queued-email.js';

export interface ReminderJobOptions {
  appUrl?: string | undefined;
  reminderIntervalMs?: number;
  emailIntervalMs?: number;
  /** The first reminder run, after start (the server is listening by then). */
  firstRunMs?: number;
  log?: (err: unknown) => void;
}

export function startReminderJob(db: Database, options: ReminderJobOptions = {}): () => void {
  const log = options.log ?? ((err: unknown) => console.error('Nhắc nhở báo cáo: lỗi', err));
  registerEmailSender(db, { appUrl: options.appUrl, log });
  let busy = false;
  const runReminders = async () => {
    if (busy) return;
    busy = true;
    try {
      await sendDueReminders(db, new Date());
    } catch (err) {
      log(err);
    } finally {
      busy = false;
    }
  };
  const timers = [
    setTimeout(() => void runReminders(), options.firstRunMs ?? 30_000),
    setInterval(() => void runReminders(), options.reminderIntervalMs ?? 60 * 60 * 1000),
    setInterval(() => void sendQueuedEmail(db).catch(log), options.emailIntervalMs ?? 60 * 1000),
  ];
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearTimeout(t);
    registerEmailSender(null);
  };
}
