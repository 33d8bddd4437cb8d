// Wire schemas of the reporting cycle (/api/programs/:id/report-schedule,
// /api/report-periods, /api/reports, /api/notifications; docs/reporting.md).
// The server validates and serialises with them; the web takes its types from
// them (z.input / z.output), so a changed field breaks the type check.
// Engineers extending the cycle add fields here, never a copy elsewhere.
import { z } from 'zod';
import { ORG_UNIT_KINDS } from '../enums.js';
import { VALUE_TYPES } from '../indicators.js';
import { DERIVED_FACT_SOURCES } from '../members.js';
import {
  COMPLIANCE_STATES,
  FACT_COUNTING,
  NOTIFICATION_KINDS,
  REMINDER_CHANNELS,
  REPORT_ACTIONS,
  REPORT_KINDS,
  REPORT_LIMITS,
  REPORT_STATUSES,
} from '../reports.js';
import { isoDate, trimmed } from '../schemas.js';

const version = z.number().int().min(1);
const comment = trimmed(REPORT_LIMITS.commentMax);
const reason = trimmed(REPORT_LIMITS.reasonMax);
const narrative = z.string().trim().max(REPORT_LIMITS.narrativeMax);

// ---- Schedule (lịch báo cáo) ----

export const ReportPeriodView = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    kind: z.enum(REPORT_KINDS),
    dataFrom: z.string(),
    dataTo: z.string(),
    dueOn: z.string(),
    factMonth: z.string(),
    /** Locked (khóa sổ) by a leader; null while open. */
    closedAt: z.string().nullable(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ReportPeriod' });

export const ReportScheduleView = z
  .object({
    programId: z.uuid(),
    /** False while the program has only the default schedule (not yet saved). */
    saved: z.boolean(),
    unitKinds: z.array(z.enum(ORG_UNIT_KINDS)),
    periods: z.array(ReportPeriodView),
    /** Send back as expectedVersion when saving (null while not saved). */
    rowVersion: z.number().int().nullable(),
  })
  .meta({ id: 'ReportSchedule' });

export const ReportPeriodInput = z.strictObject({
  /** Omitted for a new period. */
  id: z.uuid().optional(),
  kind: z.enum(REPORT_KINDS),
  dataFrom: isoDate,
  dataTo: isoDate,
  dueOn: isoDate,
});

export const PutReportScheduleBody = z.strictObject({
  unitKinds: z.array(z.enum(ORG_UNIT_KINDS)).min(1),
  periods: z.array(ReportPeriodInput).min(1).max(60),
  /** The schedule's rowVersion as read, or null when saving the defaults for the first time. */
  expectedVersion: version.nullable(),
});

export const ClosePeriodBody = z.strictObject({ expectedVersion: version });
export const ReopenPeriodBody = z.strictObject({ expectedVersion: version, reason });

// ---- What is due (việc cần báo cáo) ----

export const DueReportView = z
  .object({
    period: ReportPeriodView,
    programId: z.uuid(),
    programTitle: z.string(),
    unit: z.object({ id: z.uuid(), code: z.string(), shortName: z.string() }),
    reportId: z.uuid().nullable(),
    status: z.enum(REPORT_STATUSES).nullable(),
    state: z.enum(COMPLIANCE_STATES),
    overdue: z.boolean(),
    locked: z.boolean(),
    /** The reviewer's comment when returned. */
    reviewComment: z.string().nullable(),
  })
  .meta({ id: 'DueReport' });

export const ListDueReportsQuery = z.object({
  /** 'open' = not approved and not locked (default); 'all' includes done ones. */
  show: z.enum(['open', 'all']).default('open'),
});

// ---- The report form ----

/** One field of the form: a data element the program's targets read. */
export const ReportFieldView = z.object({
  dataElementId: z.uuid(),
  code: z.string(),
  label: z.string(),
  help: z.string().nullable(),
  valueType: z.enum(VALUE_TYPES),
  wholeNumber: z.boolean(),
  allowsNotApplicable: z.boolean(),
  gradeOptions: z.array(z.string()).nullable(),
  /** Derived from records (the member registry or activity records): read-only, shown beside. */
  derived: z.boolean(),
  /** The source of a derived field (DERIVED_FACT_SOURCES), null when reported: the form marks registry and activity-record figures apart. */
  derivedFrom: z.enum(DERIVED_FACT_SOURCES).nullable(),
  /**
   * A field derived from activity records: the dates its value covers (the
   * period's first month to its fact month), for the link to the records
   * behind it (/activities?unitId=&elementId=&from=&to=); null otherwise.
   */
  records: z.object({ from: isoDate, to: isoDate }).nullable(),
  /** The unit's value of the bounding element in the fact month (e.g. members), when the element has one. */
  upperBound: z.number().nullable(),
  upperBoundLabel: z.string().nullable(),
  /** The bounding element, when the field has one (a bound typed in the same form is checked as typed). */
  upperBoundElementId: z.uuid().nullable(),
  /**
   * A bound from the registry plus a reported addend (members and workers = members
   * at month end + workers who are not members): the registry's part and the addend's
   * element, so the form recomputes the bound as the addend is typed.
   */
  upperBoundAddend: z.object({ dataElementId: z.uuid(), base: z.number() }).nullable(),
  value: z
    .object({
      number: z.number().nullable(),
      bool: z.boolean().nullable(),
      text: z.string().nullable(),
      notApplicable: z.boolean(),
      notApplicableReason: z.string().nullable(),
    })
    .nullable(),
});

export const ReportSectionView = z.object({
  /** The program's task group number, or null for fields of targets without a task group. */
  taskGroupNumber: z.number().int().nullable(),
  title: z.string(),
  fields: z.array(ReportFieldView),
});

export const ReportEventView = z.object({
  action: z.enum(REPORT_ACTIONS),
  actor: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  at: z.string(),
  comment: z.string().nullable(),
  fieldComments: z.record(z.string(), z.string()).nullable(),
});

export const ReportAttachmentView = z
  .object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), createdAt: z.string() })
  .meta({ id: 'ReportAttachment' });

/** Actions the reader may take now, computed by the same policy functions the writes use. */
export const ReportAllowedActions = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  approve: z.boolean(),
  reopen: z.boolean(),
});

export const ReportView = z
  .object({
    /** Null for a report not started yet (a blank form). */
    id: z.uuid().nullable(),
    period: ReportPeriodView,
    programId: z.uuid(),
    programTitle: z.string(),
    unit: z.object({ id: z.uuid(), code: z.string(), shortName: z.string(), fullName: z.string() }),
    status: z.enum(REPORT_STATUSES).nullable(),
    state: z.enum(COMPLIANCE_STATES),
    locked: z.boolean(),
    sections: z.array(ReportSectionView),
    narratives: z.record(z.string(), z.string()),
    difficulties: z.string().nullable(),
    reviewComment: z.string().nullable(),
    fieldComments: z.record(z.string(), z.string()),
    history: z.array(ReportEventView),
    attachments: z.array(ReportAttachmentView),
    allowedActions: ReportAllowedActions,
    firstSubmittedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    /** Null for a blank form; send back as expectedVersion. */
    rowVersion: z.number().int().nullable(),
  })
  .meta({ id: 'Report' });

/** A typed value; exactly one of number / bool / text, or notApplicable with a reason; all empty = not answered. */
export const ReportValueInput = z.strictObject({
  dataElementId: z.uuid(),
  number: z.number().finite().nullable().optional(),
  bool: z.boolean().nullable().optional(),
  text: z.string().trim().max(REPORT_LIMITS.commentMax).nullable().optional(),
  notApplicable: z.boolean().default(false),
  notApplicableReason: z.string().trim().max(REPORT_LIMITS.reasonMax).nullable().optional(),
});
export type ReportValueInput = z.infer<typeof ReportValueInput>;

/** Save a draft (PUT /api/report-periods/:periodId/units/:unitId/report): creates the report on first save. */
export const SaveReportBody = z.strictObject({
  values: z.array(ReportValueInput).max(500),
  narratives: z.record(z.string().regex(/^\d{1,2}$/), narrative).default({}),
  difficulties: narrative.nullable().optional(),
  /** The report's rowVersion as read, or null for the first save. */
  expectedVersion: version.nullable(),
});

export const SubmitReportBody = z.strictObject({ expectedVersion: version });
export const ReturnReportBody = z.strictObject({
  expectedVersion: version,
  comment: comment.nullable().optional(),
  /** Per field: data element id, 'narrative:<n>' or 'difficulties'. */
  fieldComments: z.record(z.string(), comment).default({}),
});
export const ApproveReportBody = z.strictObject({ expectedVersion: version });
export const ReopenReportBody = z.strictObject({ expectedVersion: version, reason });

// ---- Compliance board (theo dõi nộp báo cáo) ----

export const ComplianceQuery = z.object({
  /** Limit to the subtree of this unit (default: the reader's scope). */
  unitId: z.uuid().optional(),
  state: z.enum(COMPLIANCE_STATES).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ComplianceRowView = z.object({
  unit: z.object({ id: z.uuid(), code: z.string(), shortName: z.string() }),
  parent: z.object({ id: z.uuid(), shortName: z.string() }).nullable(),
  reportId: z.uuid().nullable(),
  state: z.enum(COMPLIANCE_STATES),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  remindersSent: z.number().int(),
});

export const ComplianceView = z
  .object({
    period: ReportPeriodView,
    rows: z.array(ComplianceRowView),
    counts: z.record(z.enum(COMPLIANCE_STATES), z.number().int()),
    expected: z.number().int(),
    /** Units whose report is sent (submitted or approved), and of those the ones first submitted by the deadline. */
    complete: z.number().int(),
    onTime: z.number().int(),
    /** Shares of expected units, 0–1: submitted by the deadline; submitted at all (complete). Never above 1. */
    onTimeRate: z.number().min(0).max(1),
    completeRate: z.number().min(0).max(1),
  })
  .meta({ id: 'Compliance' });

// ---- Notifications and reminders ----

export const NotificationView = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const NotificationListView = z.object({ items: z.array(NotificationView), unread: z.number().int() });

/** GET /api/notifications: newest first; limit=0 gives only the unread count (the bell). */
export const ListNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(0).max(100).default(30),
  unreadOnly: z.enum(['true', 'false']).default('false'),
});

export const ReminderLogView = z.object({
  id: z.uuid(),
  kind: z.string(),
  period: z.object({ id: z.uuid(), kind: z.enum(REPORT_KINDS), dataFrom: z.string() }).nullable(),
  unit: z.object({ id: z.uuid(), shortName: z.string() }).nullable(),
  channel: z.enum(REMINDER_CHANNELS),
  recipient: z.string(),
  /** queued = e-mail waiting to be sent after its step committed. */
  status: z.enum(['sent', 'failed', 'skipped', 'queued']),
  error: z.string().nullable(),
  sentAt: z.string(),
});

/** GET /api/reminders (Office): newest first, in the reader's scope. */
export const ListRemindersQuery = z.object({
  periodId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ReminderLogPage = z.object({
  items: z.array(ReminderLogView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const EmailSettingsView = z.object({ enabled: z.boolean(), from: z.string().nullable() });

// ---- Dashboard ----

/** Added to the target progress and breakdown queries: which facts count. */
export const FactCountingQuery = z.object({ counting: z.enum(FACT_COUNTING).default('submitted') });

// ---- Compiled report (BC) ----

export const CompiledReportView = z
  .object({
    id: z.uuid().nullable(),
    periodId: z.uuid(),
    issuerUnitId: z.uuid(),
    number: z.number().int().nullable(),
    symbol: z.string(),
    issuedOn: z.string().nullable(),
    direction: z.string().nullable(),
    rowVersion: z.number().int().nullable(),
  })
  .meta({ id: 'CompiledReport' });

export const PutCompiledReportBody = z.strictObject({
  direction: narrative.nullable(),
  issuedOn: isoDate.nullable().optional(),
  expectedVersion: version.nullable(),
});
