// Sends the e-mail that notices queued (reminder_log rows, channel 'email',
// status 'queued') AFTER their transaction committed: a rolled-back step leaves
// no row, so no message goes out for something that did not happen. One
// message per (recipient, kind, period, report): a digest lists all its units.
// A failure is written on the rows (status 'failed', error) and never reaches
// the user whose request queued the message.
import { sql } from 'drizzle-orm';
import { translate } from '../../../common/i18n/index.js';
import { notificationText } from '../../../common/notification-text.js';
import type { NotificationKind } from '../../../common/reports.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { sendMail } from '../../lib/mailer.js';
import { digestParams, periodParams, unitNames } from './notice-params.js';

interface QueuedRow {
  id: string;
  kind: string;
  periodId: string | null;
  unitId: string | null;
  reportId: string | null;
  recipient: string;
}

const KIND_OF_LOG: Record<string, NotificationKind> = {
  due_soon: 'report_due_soon',
  overdue: 'report_overdue',
  submitted: 'report_submitted',
  returned: 'report_returned',
  approved: 'report_approved',
};

let registered: { db: Database; appUrl: string | undefined; log: (err: unknown) => void } | null = null;
let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> = Promise.resolve();

/** The server registers its database so notices can ask for a send right after their step (requestEmailFlush). */
export function registerEmailSender(
  db: Database | null,
  options: { appUrl?: string | undefined; log?: (err: unknown) => void } = {},
): void {
  registered = db ? { db, appUrl: options.appUrl, log: options.log ?? ((err) => console.error(err)) } : null;
  if (!db && timer) {
    clearTimeout(timer);
    timer = null;
  }
}

/**
 * Asks for the queued e-mail to be sent shortly, once the caller's transaction
 * has committed (a second later; anything missed is sent by the job's next
 * minute). Does nothing unless the server registered its database.
 */
export function requestEmailFlush(): void {
  if (!registered || timer) return;
  timer = setTimeout(() => {
    timer = null;
    if (registered) void sendQueuedEmail(registered.db, registered.appUrl).catch(registered.log);
  }, 1000);
  timer.unref();
}

/** Sends every queued message; runs one at a time in this process. Returns how many messages were sent and failed. */
export function sendQueuedEmail(db: Database, appUrl: string | undefined = registered?.appUrl): Promise<{ sent: number; failed: number }> {
  const next = running.then(() => sendQueuedOnce(db, appUrl));
  running = next.catch(() => undefined);
  return next;
}

async function sendQueuedOnce(db: Database, appUrl: string | undefined): Promise<{ sent: number; failed: number }> {
  // Claimed atomically: a second process running the same statement skips the rows this one took.
  const claimed = await queryRows<QueuedRow>(
    db,
    sql`update reminder_log set status = 'sending'
      where channel = 'email' and status = 'queued'
      returning id, kind, period_id as "periodId", unit_id as "unitId", report_id as "reportId", recipient`,
  );
  if (claimed.length === 0) return { sent: 0, failed: 0 };

  const groups = new Map<string, QueuedRow[]>();
  for (const row of claimed) {
    const key = [row.recipient, row.kind, row.periodId, row.kind === 'due_soon' || row.kind === 'overdue' ? '' : row.reportId].join('|');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const periodIds = [...new Set(claimed.map((r) => r.periodId).filter((id): id is string => Boolean(id)))];
  const periods = new Map(
    periodIds.length === 0
      ? []
      : (
          await queryRows<{ id: string; kind: string; dataFrom: unknown; dueOn: unknown }>(
            db,
            sql`select id, kind, data_from as "dataFrom", due_on as "dueOn" from report_periods where id in (${sql.join(
              periodIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
          )
        ).map((p) => [p.id, p]),
  );
  const names = await unitNames(db, [...new Set(claimed.map((r) => r.unitId).filter((id): id is string => Boolean(id)))]);
  const reportIds = [...new Set(claimed.map((r) => r.reportId).filter((id): id is string => Boolean(id)))];
  const comments = new Map(
    reportIds.length === 0
      ? []
      : (
          await queryRows<{ id: string; reviewComment: string | null }>(
            db,
            sql`select id, review_comment as "reviewComment" from reports where id in (${sql.join(
              reportIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
          )
        ).map((r) => [r.id, r.reviewComment]),
  );

  const t = (key: string, params?: Record<string, string | number>) => translate('vi', key, params);
  let sent = 0;
  let failed = 0;
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const kind = KIND_OF_LOG[first.kind] ?? 'report_due_soon';
    const period = first.periodId ? periods.get(first.periodId) : undefined;
    const unitIds = [...new Set(rows.map((r) => r.unitId).filter((id): id is string => Boolean(id)))];
    const params = {
      ...(period ? periodParams(period) : {}),
      ...digestParams(names, unitIds),
      unit: names.get(unitIds[0] ?? '') ?? '',
      ...(kind === 'report_returned' && first.reportId && comments.get(first.reportId) ? { comment: comments.get(first.reportId)! } : {}),
    };
    const text = notificationText(t, kind, params);
    const link = appUrl ? linkFor(appUrl, first) : null;
    const lines = [
      text,
      '',
      t('reportReview.emailUnitsHeading', { count: unitIds.length }),
      ...unitIds.map((id) => `- ${names.get(id) ?? id}`).sort((a, b) => a.localeCompare(b, 'vi')),
      ...(link ? ['', t('reportReview.emailOpen', { link })] : []),
      '',
      t('reportReview.emailFooter'),
    ];
    let error: string | null = null;
    try {
      await sendMail({ to: first.recipient, subject: t('reportReview.emailSubject', { text }), text: lines.join('\n') });
      sent++;
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      failed++;
    }
    await db.execute(
      sql`update reminder_log set status = ${error ? 'failed' : 'sent'}, error = ${error}, sent_at = now()
        where id in (${sql.join(
          rows.map((r) => sql`${r.id}::uuid`),
          sql`, `,
        )})`,
    );
  }
  return { sent, failed };
}

function linkFor(appUrl: string, row: QueuedRow): string {
  const base = appUrl.replace(/\/+$/, '');
  if (row.reportId && row.kind !== 'due_soon' && row.kind !== 'overdue') return `${base}/reports/${row.reportId}`;
  return `${base}/reports`;
}
