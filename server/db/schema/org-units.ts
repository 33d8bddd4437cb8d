import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Org units (đơn vị công đoàn): every level of the union tree. A unit has a
 * validity period; its parent is kept in org_unit_parents so that it can
 * change from a given date. Dates are inclusive calendar days.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    fullName: text('full_name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind').notNull(), // OrgUnitKind
    sector: text('sector'), // GrassrootsSector, grassroots unions only
    address: text('address'),
    // Grassroots-union records (hồ sơ thành lập CĐCS); founding date = valid_from, dissolution = valid_to.
    foundingDecision: text('founding_decision'), // số quyết định thành lập / công nhận
    initialMemberCount: integer('initial_member_count'), // số đoàn viên khi thành lập (luật: ít nhất 5)
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'), // null = still valid
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic version (server/lib/row-version.ts): bumped by every change of the row; an edit sends the one it read. */
    rowVersion: integer('row_version').notNull().default(1),
    /** Who changed the row last (shown in a 409 STALE_WRITE); users.id, no foreign key (auth.ts references this table). */
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_kind_idx').on(t.kind),
    check('org_units_dates_chk', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Parent history: unit_id sits under parent_id from valid_from to valid_to (inclusive). */
export const orgUnitParents = pgTable(
  'org_unit_parents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    parentId: uuid('parent_id')
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('org_unit_parents_unit_idx').on(t.unitId, t.validFrom),
    index('org_unit_parents_parent_idx').on(t.parentId),
    check('org_unit_parents_dates_chk', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('org_unit_parents_not_self_chk', sql`${t.unitId} <> ${t.parentId}`),
  ],
);

/** Successor links (merged into, split from), e.g. Kiên Giang → An Giang on 01/07/2025. */
export const orgUnitLinks = pgTable(
  'org_unit_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').notNull(), // OrgUnitLinkKind
    effectiveDate: date('effective_date').notNull(),
  },
  (t) => [index('org_unit_links_from_idx').on(t.fromUnitId), index('org_unit_links_to_idx').on(t.toUnitId)],
);

/**
 * Closure table over the time-varying tree: ancestor → descendant at depth,
 * valid over [valid_from, valid_to] (inclusive, 9999-12-31 = open). Rebuilt by
 * refreshOrgUnitPaths() in the same transaction as any tree change.
 */
export const orgUnitPaths = pgTable(
  'org_unit_paths',
  {
    ancestorId: uuid('ancestor_id')
      .notNull()
      .references(() => orgUnits.id),
    descendantId: uuid('descendant_id')
      .notNull()
      .references(() => orgUnits.id),
    depth: integer('depth').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId, t.validFrom] }),
    index('org_unit_paths_descendant_idx').on(t.descendantId),
    // A caller's scope (access.ts scopeUnitIds: an assignment's unit as ancestor, the dates, the depth) read from
    // the index alone: a national officer's scope is 256,000 path rows (126,000 units and their history). In unit
    // order (descendant second), so that a search's many hits are merged with it (access.ts inUnitScopeMerged).
    index('org_unit_paths_scope_idx').on(t.ancestorId, t.descendantId, t.validFrom, t.validTo, t.depth),
  ],
);
