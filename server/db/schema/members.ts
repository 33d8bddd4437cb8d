import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgUnits } from './org-units.js';

// The member registry (sổ đoàn viên): people, the dated events of their union
// life, and what is derived from those events (status, current unit, the
// periods spent in each unit). See docs/members.md.

/**
 * The folded name from its 1st, 2nd, 3rd and 4th word on ("nguyen van an",
 * "van an", "an", null): the keys of the name-search indexes, and the very
 * expressions a search must use for PostgreSQL to match those indexes (the
 * patterns are literals, never parameters). Folded names have single spaces.
 */
export const MEMBER_NAME_WORDS: ReadonlyArray<(name: SQL | AnyPgColumn) => SQL> = [
  (name) => sql`${name}`,
  ...[1, 2, 3].map((skip) => (name: SQL | AnyPgColumn) => sql`substring(${name} from ${sql.raw(`'^${'\\S+ '.repeat(skip)}(.*)$'`)})`),
];

/**
 * A member (đoàn viên). status, unit_id and admitted_on are derived from the
 * member's events by deriveMemberState() and written in the same transaction
 * as the event: never typed.
 */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    /** full_name folded (lower case, no diacritics) for search: foldText(). */
    nameFolded: text('name_folded').notNull(),
    gender: text('gender').notNull(), // Gender
    birthDate: date('birth_date').notNull(),
    citizenId: text('citizen_id'), // CCCD, 12 digits
    phone: text('phone'),
    email: text('email'),
    ethnicity: text('ethnicity'), // dân tộc
    job: text('job'), // nghề nghiệp
    workplace: text('workplace'), // nơi làm việc
    unionPosition: text('union_position').notNull().default('member'), // UnionPosition (chức vụ công đoàn)
    partyMember: boolean('party_member').notNull().default(false), // đảng viên
    cardNumber: text('card_number'), // số thẻ đoàn viên
    cardIssuedOn: date('card_issued_on'),
    // Derived from member_events:
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id), // current unit, or the last one
    status: text('status').notNull(), // MemberStatus
    admittedOn: date('admitted_on').notNull(), // first admission (ngày kết nạp)
    /** Import that created the member, so re-importing a file finds it. */
    importKey: text('import_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic version (server/lib/row-version.ts): bumped by every change of the row; an edit sends the one it read. */
    rowVersion: integer('row_version').notNull().default(1),
    /** Who changed the row last (shown in a 409 STALE_WRITE). */
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_citizen_id_uq').on(t.citizenId),
    uniqueIndex('members_card_number_uq').on(t.cardNumber),
    index('members_unit_status_idx').on(t.unitId, t.status),
    // The list's default order (name, then id for stable pages) and the name + birth date duplicate check.
    index('members_name_idx').on(t.nameFolded, t.fullName, t.id),
    // Name search from the start of any word ("van an" finds "Nguyễn Văn An", docs/members.md "Search"): one btree
    // per word position, a prefix range on the folded name from that word on (MEMBER_NAME_WORDS), carrying the
    // columns the list needs first (the names for its order, the unit for the scope), so that a common name
    // among millions is counted and paged from the indexes alone (docs/scale.md "Member search").
    ...MEMBER_NAME_WORDS.map((word, i) => {
      const ix = index(`members_name_w${i + 1}_idx`).using(
        'btree',
        sql`(${word(t.nameFolded)}) text_pattern_ops`,
        t.nameFolded,
        t.fullName,
        t.id,
        t.unitId,
      );
      return i === 0 ? ix : ix.where(sql`(${word(t.nameFolded)}) is not null`); // names of fewer words are not in it
    }),
    index('members_admitted_idx').on(t.admittedOn),
    check('members_gender_chk', sql`${t.gender} in ('male', 'female')`),
    check('members_status_chk', sql`${t.status} in ('active', 'transferred_out', 'left', 'deceased')`),
    check('members_citizen_id_chk', sql`${t.citizenId} is null or ${t.citizenId} ~ '^[0-9]{12}$'`),
  ],
);

/**
 * A dated event of a member's union life. kind:
 * - admitted (kết nạp) / rejoined (kết nạp lại): into unit_id;
 * - transferred (chuyển sinh hoạt): from unit_id to to_unit_id (a unit of the
 *   tree, pending until the receiver accepts) or to to_outside_name (a union
 *   outside the system: the member becomes "transferred out");
 * - left (ra khỏi tổ chức) / died (từ trần): from unit_id;
 * - card_issued (cấp thẻ): card_number.
 * Partitioned by year of event_date (migration partition_by_year, docs/scale.md).
 */
export const memberEvents = pgTable(
  'member_events',
  {
    /** Unique on its own (random); the primary key adds event_date because the table is partitioned by year of it. */
    id: uuid('id').notNull().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind').notNull(), // MemberEventKind
    eventDate: date('event_date').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    toUnitId: uuid('to_unit_id').references(() => orgUnits.id),
    toOutsideName: text('to_outside_name'),
    transferState: text('transfer_state'), // TransferState, transfers to a unit of the tree only
    decidedOn: date('decided_on'), // when the receiver accepted or refused
    decidedBy: uuid('decided_by').references(() => users.id),
    cardNumber: text('card_number'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Order of events on one day (admission before a same-day transfer). */
    seq: integer('seq').notNull().default(0),
  },
  (t) => [
    // PostgreSQL requires a partitioned table's primary key to contain the partition key
    // (migration partition_by_year: partitioned by range of event_date, one partition per year).
    primaryKey({ columns: [t.id, t.eventDate] }),
    index('member_events_member_idx').on(t.memberId, t.eventDate, t.seq),
    index('member_events_unit_kind_idx').on(t.unitId, t.kind, t.eventDate),
    index('member_events_pending_idx')
      .on(t.toUnitId)
      .where(sql`${t.transferState} = 'pending'`),
    check('member_events_kind_chk', sql`${t.kind} in ('admitted', 'rejoined', 'transferred', 'left', 'died', 'card_issued')`),
    check('member_events_transfer_chk', sql`${t.kind} <> 'transferred' or (${t.toUnitId} is null) <> (${t.toOutsideName} is null)`),
    check('member_events_state_chk', sql`${t.transferState} is null or ${t.transferState} in ('pending', 'accepted', 'refused')`),
  ],
);

/**
 * The periods a member was an active member of a unit [valid_from, valid_to]
 * (inclusive; null = still), derived from the events like members.status.
 * Counts of members at a date (the derived fact "members at month end") read it.
 */
export const memberUnitPeriods = pgTable(
  'member_unit_periods',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [index('member_unit_periods_member_idx').on(t.memberId), index('member_unit_periods_unit_idx').on(t.unitId, t.validFrom)],
);

/**
 * An Excel import of members (nhập từ Excel): the uploaded file, its
 * validation and the import, run in the background with progress.
 */
export const memberImports = pgTable(
  'member_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    state: text('state').notNull(), // ImportState
    progress: integer('progress').notNull().default(0), // 0..100 of the current phase
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** File-level problem (wrong type, no header…): an error code with params. */
    fileError: jsonb('file_error').$type<{ code: string; params?: Record<string, string | number> }>(),
    /** Per-cell errors: row, column, message key and params. */
    errors: jsonb('errors').$type<Array<{ row: number; column: string; code: string; params?: Record<string, string | number> }>>(),
    /** The sheet's data rows as read (cell texts by header key), kept until imported: the import and the rejected-rows file use them. */
    rows: jsonb('rows').$type<Array<Record<string, string>>>(),
    importedRows: integer('imported_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('member_imports_user_idx').on(t.userId, t.createdAt),
    check('member_imports_state_chk', sql`${t.state} in ('validating', 'validated', 'invalid', 'importing', 'imported', 'failed')`),
  ],
);
