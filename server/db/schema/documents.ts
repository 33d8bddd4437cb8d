import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgUnits } from './org-units.js';

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
