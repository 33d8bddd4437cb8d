import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { members } from './members.js';
import { orgUnits } from './org-units.js';

// Activity records (hồ sơ hoạt động; docs/activities.md): what a union did,
// kept as records that derived data elements count (common/activities.ts).

/**
 * One record of any kind (ActivityKind). The kind's own fields are in
 * `details`, validated by its schema in common/api/activities.ts; what the
 * engine and lists filter on is in columns. Deleted records are kept with
 * their reason (deleted_at) and left out of every list and figure.
 */
export const activityRecords = pgTable(
  'activity_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // ActivityKind
    /** The unit the record belongs to and counts in (an inspection: the inspecting unit). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The date it happened (handover, session, decision…): write scope and the counted month follow it. */
    occurredOn: date('occurred_on').notNull(),
    /** One-per-year kinds (plan, còn nguồn, classification): the year they are for. */
    year: integer('year'),
    title: text('title').notNull(),
    notes: text('notes'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** Welfare: Σ amounts of all sources; emulation work: its value (VND). */
    amountVnd: bigint('amount_vnd', { mode: 'number' }),
    /** Inspection only: the unit inspected. */
    subjectUnitId: uuid('subject_unit_id').references(() => orgUnits.id),
    /** Title, notes and people's names folded (foldText) for diacritics-free search. */
    searchFolded: text('search_folded').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic version (server/lib/row-version.ts). */
    rowVersion: integer('row_version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by').references(() => users.id),
    deleteReason: text('delete_reason'),
  },
  (t) => [
    index('activity_records_unit_idx').on(t.unitId, t.kind, t.occurredOn),
    index('activity_records_kind_idx').on(t.kind, t.occurredOn),
    index('activity_records_subject_idx').on(t.subjectUnitId),
    index('activity_records_search_trgm_idx').using('gin', sql`${t.searchFolded} gin_trgm_ops`),
    check(
      'activity_records_kind_chk',
      sql`${t.kind} in ('training', 'inspection_plan', 'inspection', 'legal_case', 'party_introduction', 'party_source', 'campaign', 'welfare', 'classification', 'emulation_work', 'award')`,
    ),
    check('activity_records_amount_chk', sql`${t.amountVnd} is null or ${t.amountVnd} >= 0`),
  ],
);

/** A member named in a record (participant, beneficiary, member concerned, introduced, recipient). */
export const activityRecordPeople = pgTable(
  'activity_record_people',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => activityRecords.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role').notNull(), // RecordPersonRole
    /** The member's union position when the record was written (a chair trained counts for target 4). */
    unionPosition: text('union_position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.memberId, t.role] }), index('activity_record_people_member_idx').on(t.memberId)],
);
