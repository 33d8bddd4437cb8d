// Notices that the reporting cycle's steps send (docs/reporting.md
// "Reminders"): called by the report use-cases inside their transaction, so a
// notice exists exactly when the step happened. In-app notifications are rows
// written here; e-mail (when SMTP_URL is set) is queued and sent after commit.
//
// Owner: the notifications engineer (branch reports-board). These are the
// signatures the report use-cases call; the bodies are filled in there.
import type { Executor } from '../../db/client.js';

/** A report was submitted or resubmitted: tell the Office of the federation holding the unit. */
export async function notifyReportSubmitted(_ex: Executor, _reportId: string): Promise<void> {}

/** A report was returned: tell the unit's chair/officers, with the reviewer's comment. */
export async function notifyReportReturned(_ex: Executor, _reportId: string): Promise<void> {}

/** A report was approved: tell the unit's chair/officers. */
export async function notifyReportApproved(_ex: Executor, _reportId: string): Promise<void> {}
