// The reporting cycle's words, shared by the server, the API schemas and the
// web app (docs/reporting.md).

/** Kinds of report (báo cáo tháng / 6 tháng / năm); also where a data element is asked (data_elements.reported_in). */
export const REPORT_KINDS = ['monthly', 'half_year', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Stored states of a report. A report of a closed (locked) period is shown as locked whatever its state. */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * What the compliance board and the "due" list show for an expected (unit,
 * period): not started (no report), draft, submitted on time / late (judged on
 * the first submission against 24:00 UTC+7 of the deadline day), returned,
 * approved.
 */
export const COMPLIANCE_STATES = ['not_started', 'draft', 'submitted_on_time', 'submitted_late', 'returned', 'approved'] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

/** Steps of a report's history. */
export const REPORT_ACTIONS = [
  'created',
  'submitted',
  'returned',
  'resubmitted',
  'approved',
  'reopened',
  'period_closed',
  'period_reopened',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Which facts the dashboard counts: those of submitted and approved reports (default), or approved only. */
export const FACT_COUNTING = ['submitted', 'approved'] as const;
export type FactCounting = (typeof FACT_COUNTING)[number];

/** In-app notification kinds. */
export const NOTIFICATION_KINDS = ['report_due_soon', 'report_overdue', 'report_returned', 'report_submitted', 'report_approved'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const REMINDER_CHANNELS = ['in_app', 'email'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const REPORT_LIMITS = {
  narrativeMax: 10_000,
  commentMax: 2_000,
  reasonMax: 500,
  /** Attachments: 10 MB each, types by content. */
  attachmentMaxBytes: 10 * 1024 * 1024,
  attachmentsPerReportMax: 20,
  /** The reminder digest goes this many days before a deadline. */
  dueSoonDays: 3,
} as const;

/** Attachment media types accepted (checked on the file's content). */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/** Default schedule (editable per program): monthly due the 25th; half-year data to 15 June, due 20 June; year data to 15 November, due 20 November. */
export const DEFAULT_SCHEDULE = {
  monthlyDueDay: 25,
  halfYear: { dataTo: '06-15', dueOn: '06-20' },
  year: { dataTo: '11-15', dueOn: '11-20' },
} as const;

// On-time is judged at the end of the deadline day in Vietnam: VIETNAM_TIME_ZONE in common/format.ts.
