// Notices that the reporting cycle's steps send (docs/reporting.md
// "Reminders"): called by the report use-cases inside their transaction, so a
// notice exists exactly when the step happened. In-app notifications are rows
// written here; e-mail (when SMTP_URL is set) is queued and sent after commit.
//
// Owner: the notifications engineer (branch reports-board). These are the
// signatures the report use-cases call; the bodies are filled in there.
import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { todayInVietnam } from '../../lib/dates.js';
import { deliverNotices, type Delivery, type ReminderKind } from './deliver.js';
import { periodParams } from './notice-params.js';
import { chairRecipients, officeRecipients, type Recipient } from './recipients.js';

interface ReportContext {
  id: string;
  unitId: string;
  unitName: string;
  periodId: string;
  kind: string;
  dataFrom: unknown;
  dueOn: unknown;
  factMonth: unknown;
  reviewComment: string | null;
}

async function loadReport(ex: Executor, reportId: string): Promise<ReportContext | null> {
  const [row] = await queryRows<ReportContext>(
    ex,
    sql`select r.id, r.unit_id as "unitId", u.short_name as "unitName", p.id as "periodId", p.kind,
        p.data_from as "dataFrom", p.due_on as "dueOn", p.fact_month as "factMonth", r.review_comment as "reviewComment"
      from reports r join report_periods p on p.id = r.period_id join org_units u on u.id = r.unit_id
      where r.id = ${reportId}::uuid`,
  );
  return row ?? null;
}

async function notifyAbout(
  ex: Executor,
  reportId: string,
  kind: NotificationKind,
  logKind: ReminderKind,
  who: (r: ReportContext, today: string) => Promise<Recipient[]>,
): Promise<void> {
  const report = await loadReport(ex, reportId);
  if (!report) return;
  const today = todayInVietnam();
  const recipients = await who(report, today);
  const params = {
    ...periodParams(report),
    unit: report.unitName,
    ...(kind === 'report_returned' && report.reviewComment ? { comment: report.reviewComment.slice(0, 200) } : {}),
  };
  const seen = new Set<string>();
  const deliveries: Delivery[] = [];
  for (const r of recipients) {
    if (seen.has(r.userId)) continue;
    seen.add(r.userId);
    deliveries.push({
      to: r,
      notice: {
        kind,
        logKind,
        periodId: report.periodId,
        reportId: report.id,
        link: `/reports/${report.id}`,
        unitIds: [report.unitId],
        params: () => params,
        once: false,
      },
    });
  }
  await deliverNotices(ex, deliveries);
}

/** A report was submitted or resubmitted: tell the Office of the federation holding the unit. */
export async function notifyReportSubmitted(ex: Executor, reportId: string): Promise<void> {
  await notifyAbout(ex, reportId, 'report_submitted', 'submitted', (r, today) =>
    officeRecipients(ex, [r.unitId], toDateOnly(r.factMonth)!, today),
  );
}

/** A report was returned: tell the unit's chair/officers, with the reviewer's comment. */
export async function notifyReportReturned(ex: Executor, reportId: string): Promise<void> {
  await notifyAbout(ex, reportId, 'report_returned', 'returned', (r, today) => chairRecipients(ex, [r.unitId], today));
}

/** A report was approved: tell the unit's chair/officers. */
export async function notifyReportApproved(ex: Executor, reportId: string): Promise<void> {
  await notifyAbout(ex, reportId, 'report_approved', 'approved', (r, today) => chairRecipients(ex, [r.unitId], today));
}
