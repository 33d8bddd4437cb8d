import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ProgramDerivation } from '../../../common/derived-marks.js';
import type { ProgramChanges } from '../../../common/program-diff.js';
import type { ProgramContent } from '../../../common/programs.js';
import { users } from './auth.js';
import { orgUnits } from './org-units.js';

/**
 * Work programs and plans (chương trình / kế hoạch công tác) issued by a unit.
 * The document's header fields are columns; its body (theme, targets, task
 * groups, responsibilities, recipients) is one JSONB document validated by
 * ProgramContent (common/programs.ts). A new version of an issued program is a
 * new row pointing at the one it replaces (previous_version_id).
 */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id), // issuing unit (đơn vị ban hành)
    year: integer('year').notNull(),
    kind: text('kind').notNull(), // ProgramKind: 'program' (CTr) | 'plan' (KH)
    number: integer('number').notNull(), // số văn bản, rendered "02"
    symbol: text('symbol').notNull(), // ký hiệu, e.g. "CTr-LĐLĐ"
    place: text('place').notNull(), // địa danh, e.g. "Vĩnh Thuận"
    issuedOn: date('issued_on'), // ngày ban hành; null while an undated draft
    title: text('title').notNull(), // trích yếu, e.g. "Công tác Công đoàn năm 2024"
    status: text('status').notNull().default('draft'), // ProgramStatus
    version: integer('version').notNull().default(1),
    previousVersionId: uuid('previous_version_id').references((): AnyPgColumn => programs.id),
    // Cụ thể hóa: the issued program of a unit above that this one was derived from (first version only).
    derivedFromProgramId: uuid('derived_from_program_id').references((): AnyPgColumn => programs.id),
    // Cụ thể hóa: the sentences still naming the superior's figures or bodies (marks) and the targets not
    // carried, as derived; a mark is open while its sentence stands word for word (common/derived-marks.ts).
    derivation: jsonb('derivation').$type<ProgramDerivation>(),
    // What changed from the previous version, fixed when this version is issued (null for a first version).
    changeSummary: jsonb('change_summary').$type<ProgramChanges>(),
    superiorBodyName: text('superior_body_name'), // cơ quan cấp trên trực tiếp, e.g. "LĐLĐ TỈNH KIÊN GIANG"
    issuingBodyName: text('issuing_body_name').notNull(), // e.g. "LĐLĐ HUYỆN VĨNH THUẬN"
    signatureAuthority: text('signature_authority').notNull(), // thẩm quyền ký, e.g. "TM. BAN CHẤP HÀNH"
    signerTitle: text('signer_title').notNull(), // e.g. "CHỦ TỊCH"
    signerName: text('signer_name').notNull(),
    content: jsonb('content').$type<ProgramContent>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic version (not the document's amendment `version`) (server/lib/row-version.ts): bumped by every change of the row; an edit sends the one it read. */
    rowVersion: integer('row_version').notNull().default(1),
    /** Who changed the row last (shown in a 409 STALE_WRITE). */
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Numbers are unique per issuer and year across kinds in document_numbers (schema/documents.ts):
    // every version (an amendment is its own document) claims its own number there.
    // A program is replaced by at most one newer version (sửa đổi, bổ sung).
    uniqueIndex('programs_previous_version_uq').on(t.previousVersionId),
    // One derived program per unit and year (cụ thể hóa once; later changes are amendments).
    uniqueIndex('programs_derived_unit_year_uq')
      .on(t.unitId, t.year)
      .where(sql`${t.derivedFromProgramId} is not null`),
    index('programs_year_idx').on(t.year),
    check('programs_kind_chk', sql`${t.kind} in ('program', 'plan')`),
    check('programs_status_chk', sql`${t.status} in ('draft', 'issued', 'superseded')`),
    check('programs_number_chk', sql`${t.number} > 0`),
    check('programs_version_chk', sql`${t.version} >= 1`),
    check('programs_year_chk', sql`${t.year} between 1990 and 2100`),
    check('programs_issued_chk', sql`${t.status} = 'draft' or ${t.issuedOn} is not null`),
  ],
);
