import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgUnits } from './org-units.js';
import { users } from './auth.js';

/**
 * Số văn bản: ONE yearly sequence per issuing unit across document kinds
 * (DOMAIN.md "Numbers run from 01 each 1 January in one sequence per issuer").
 * Every numbered document (program CTr, plan KH, report BC, …) claims its
 * number here (server/modules/documents/document-numbers.ts); the unique index
 * makes two documents of one issuer and year never share a number, whatever
 * their kind. `entity_id` is the id of the document's row in its own table.
 */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    kind: text('kind').notNull(), // kind abbreviation: 'CTr', 'KH', 'BC', …
    entityId: uuid('entity_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_numbers_issuer_year_number_uq').on(t.issuerUnitId, t.year, t.number),
    index('document_numbers_entity_idx').on(t.entityId),
    check('document_numbers_number_chk', sql`${t.number} > 0`),
  ],
);

/**
 * Ủy quyền ban hành (DOMAIN.md "Roles": the leader signs and issues documents,
 * or an officer the leader delegates): a row lets ONE federation officer issue
 * the documents of ONE unit for a period (valid_from … valid_to, open-ended when
 * null). Granted and revoked by a leader of the unit itself (or an
 * administrator): server/modules/documents/grant-issue-delegation.ts,
 * revoke-issue-delegation.ts. A revoked row stays as history (revoked_at); it
 * no longer lets anyone issue. A grassroots chair issues their own union's
 * documents without one. See docs/issue-delegations.md.
 */
export const issueDelegations = pgTable(
  'issue_delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The officer who may issue. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** Null when granted by the system (demo loader). */
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    rowVersion: integer('row_version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('issue_delegations_unit_idx').on(t.unitId),
    index('issue_delegations_user_idx').on(t.userId),
    check('issue_delegations_dates_chk', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
