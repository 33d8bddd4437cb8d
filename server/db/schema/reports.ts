import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { activityRecords } from './activities.js';
import { users } from './auth.js';
import { dataElements } from './indicators.js';
import { orgUnits } from './org-units.js';
import { programs } from './programs.js';

// The reporting cycle (docs/reporting.md): a program's reporting schedule
// (periods with data period, cut-off and deadline), the units' reports (báo
// cáo tháng / 6 tháng / năm) with their values, history and attachments, the
// reminders and in-app notifications, and the federation's compiled report
// (báo cáo sơ kết / tổng kết, kind BC).

/**
 * Which units owe reports under a program (default: the grassroots unions in
 * its scope). Keyed by the program's FIRST version: every version of one
 * program shares one schedule.
 */
export const reportSchedules = pgTable('report_schedules', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id),
  unitKinds: jsonb('unit_kinds').$type<string[]>().notNull().default(['grassroots_union']),
  rowVersion: integer('row_version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A reporting period (kỳ báo cáo) of a program: monthly, half-year or year.
 * Data covers [data_from, data_to] (data_to = cut-off, số liệu tính đến); due_on
 * is the deadline day, judged at 24:00 of that day in Vietnam (UTC+7). The
 * figures are written as facts of fact_month (first day of a month). A unit owes
 * a report for the period when it is in the program's scope, of a reporting
 * kind, on data_to. closed_at = locked by a leader (khóa sổ): nothing of the
 * period may change and its figures are frozen.
 */
export const reportPeriods = pgTable(
  'report_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id), // the program's first version
    kind: text('kind').notNull(), // ReportKind: 'monthly' | 'half_year' | 'year'
    dataFrom: date('data_from').notNull(),
    dataTo: date('data_to').notNull(), // cut-off
    dueOn: date('due_on').notNull(),
    factMonth: date('fact_month').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    rowVersion: integer('row_version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_periods_program_kind_from_uq').on(t.programId, t.kind, t.dataFrom),
    index('report_periods_due_idx').on(t.dueOn),
    check('report_periods_kind_chk', sql`${t.kind} in ('monthly', 'half_year', 'year')`),
    check('report_periods_dates_chk', sql`${t.dataFrom} <= ${t.dataTo}`),
    check('report_periods_month_chk', sql`extract(day from ${t.factMonth}) = 1`),
  ],
);

/**
 * A unit's report for a period. status: ReportStatus ('draft' | 'submitted' |
 * 'returned' | 'approved'); "locked" is the period's closed_at, not a status.
 * Only submitted and approved reports count: their values are the facts of
 * (unit, element, fact_month) with facts.report_id = this report.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').notNull().default('draft'),
    /** Narrative per task group, keyed by the task group's number ("1".."9"). */
    narratives: jsonb('narratives').$type<Record<string, string>>().notNull().default({}),
    /** Khó khăn, vướng mắc, đề xuất. */
    difficulties: text('difficulties'),
    /** The reviewer's comment on the whole, and per field (key: data element id or 'narrative:<n>' or 'difficulties'), from the last return. */
    reviewComment: text('review_comment'),
    fieldComments: jsonb('field_comments').$type<Record<string, string>>().notNull().default({}),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }), // on time or late is judged on this
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_period_unit_uq').on(t.periodId, t.unitId),
    index('reports_unit_idx').on(t.unitId),
    check('reports_status_chk', sql`${t.status} in ('draft', 'submitted', 'returned', 'approved')`),
  ],
);

/** A value typed in a report (draft or sent); written to facts on submission. */
export const reportValues = pgTable(
  'report_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    dataElementId: uuid('data_element_id')
      .notNull()
      .references(() => dataElements.id),
    valueNumber: numeric('value_number'),
    valueBool: boolean('value_bool'),
    valueText: text('value_text'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    /** Why "không áp dụng" (required with it). */
    notApplicableReason: text('not_applicable_reason'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.dataElementId] })],
);

/** A step of a report's life (who, when, comment): created, submitted, returned, resubmitted, approved, reopened. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    action: text('action').notNull(), // ReportAction
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    comment: text('comment'),
    fieldComments: jsonb('field_comments').$type<Record<string, string>>(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.at)],
);

/** A file attached to a report or an activity record, stored on disk under DATA_DIR/attachments/<storage_key> (docs/reporting.md). */
export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The report it is attached to, or null for an activity record's file. */
    reportId: uuid('report_id').references(() => reports.id),
    /** The activity record it is attached to (docs/activities.md), or null for a report's file. */
    activityRecordId: uuid('activity_record_id').references(() => activityRecords.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(), // detected from the content, not the name
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('report_attachments_report_idx').on(t.reportId),
    index('report_attachments_activity_idx').on(t.activityRecordId),
    check('report_attachments_owner_chk', sql`(${t.reportId} is null) <> (${t.activityRecordId} is null)`),
  ],
);

/** An in-app notification (thông báo) for one user; the bell counts unread ones. Text is rendered from kind + params. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(), // NotificationKind
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Web path the notification opens, e.g. /reports/<id>. */
    link: text('link'),
    reportId: uuid('report_id').references(() => reports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Every reminder sent (nhắc nhở): kind due_soon | overdue | returned |
 * submitted, for a period and unit, by channel in_app | email, with the outcome.
 * Unique per (kind, period, unit, channel, recipient) for due_soon and overdue
 * so that a reminder job run twice sends once.
 */
export const reminderLog = pgTable(
  'reminder_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    periodId: uuid('period_id').references(() => reportPeriods.id),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    reportId: uuid('report_id').references(() => reports.id),
    channel: text('channel').notNull(), // 'in_app' | 'email'
    recipient: text('recipient').notNull(), // user id (in_app) or e-mail address
    status: text('status').notNull(), // 'sent' | 'failed' | 'skipped'
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reminder_log_period_idx').on(t.periodId, t.sentAt), index('reminder_log_unit_idx').on(t.unitId)],
);

/**
 * The federation's compiled report (BC: báo cáo sơ kết 6 tháng / tổng kết năm)
 * for a half-year or year period: its number in the issuer's yearly sequence
 * (document_numbers), date and the next period's direction the officer writes.
 */
export const compiledReports = pgTable(
  'compiled_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    number: integer('number'), // null until numbered
    symbol: text('symbol').notNull(), // e.g. "BC-LĐLĐ"
    issuedOn: date('issued_on'),
    /** Phương hướng, nhiệm vụ kỳ tới. */
    direction: text('direction'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('compiled_reports_period_issuer_uq').on(t.periodId, t.issuerUnitId)],
);
