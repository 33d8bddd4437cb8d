import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
import { users } from './auth.js';
import { orgUnits } from './org-units.js';
import { programs } from './programs.js';

// The indicator engine (docs/indicator-engine.md): what units report (data
// elements and their monthly facts), how results are measured (indicators),
// and what a program aims at (targets, optionally split among child units).

/** A data element (chỉ tiêu dữ liệu báo cáo): one thing a unit reports each month. */
export const dataElements = pgTable(
  'data_elements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    valueType: text('value_type').notNull(), // ValueType
    aggregation: text('aggregation').notNull(), // Aggregation over the months of a period
    allowsNotApplicable: boolean('allows_not_applicable').notNull().default(false), // "không áp dụng"
    gradeOptions: jsonb('grade_options').$type<string[]>(), // 'grade' only, best first
    /** Facts computed from records instead of typed (DerivedFactSource), e.g. members at month end from the registry. */
    derivedFrom: text('derived_from'),
    /**
     * Derived elements only: a reported number element whose latest value (in
     * or before the month, carried forward; none = 0) is added to the derived
     * count each month, e.g. workers who are not members added to the members.
     */
    derivedAddendElementId: uuid('derived_addend_element_id').references((): AnyPgColumn => dataElements.id),
    /** Reported numbers only: whole numbers (counts) rather than any amount. */
    wholeNumber: boolean('whole_number').notNull().default(false),
    /** A reported value may not exceed the unit's value of this element in the same month (e.g. members, workers). */
    upperBoundElementId: uuid('upper_bound_element_id').references((): AnyPgColumn => dataElements.id),
    /** In which report the element is asked (ReportKind): monthly, or only at half-year / year end (e.g. the year-end classification). */
    reportedIn: text('reported_in').notNull().default('monthly'),
    /** Plain-words label and help shown on the report form. */
    helpVi: text('help_vi'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic version (server/lib/row-version.ts): an edit sends the one it read. */
    rowVersion: integer('row_version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('data_elements_value_type_chk', sql`${t.valueType} in ('number', 'boolean', 'grade', 'text')`),
    check('data_elements_aggregation_chk', sql`${t.aggregation} in ('sum', 'last', 'any')`),
    check('data_elements_grades_chk', sql`(${t.valueType} = 'grade') = (${t.gradeOptions} is not null)`),
    check('data_elements_addend_chk', sql`${t.derivedAddendElementId} is null or ${t.derivedFrom} is not null`),
    check('data_elements_reported_in_chk', sql`${t.reportedIn} in ('monthly', 'half_year', 'year')`),
  ],
);

/**
 * A fact (số liệu): the value a unit reported for a data element in one month
 * (month = first day of the month). not_applicable = "không áp dụng": the unit
 * is left out of denominators, never counted as zero.
 * Partitioned by year of month (migration partition_by_year, docs/scale.md).
 */
export const facts = pgTable(
  'facts',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    dataElementId: uuid('data_element_id')
      .notNull()
      .references(() => dataElements.id),
    month: date('month').notNull(),
    valueNumber: numeric('value_number'),
    valueBool: boolean('value_bool'),
    valueText: text('value_text'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    /** The report that gave this fact (reports.id; no foreign key, to keep the schema files acyclic), or null for facts from records. */
    reportId: uuid('report_id'),
    /** False while the giving report is submitted but not yet approved; the "approved only" view leaves such facts out. */
    approved: boolean('approved').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.dataElementId, t.month] }),
    index('facts_report_idx').on(t.reportId),
    index('facts_element_month_idx').on(t.dataElementId, t.month),
    check('facts_month_chk', sql`extract(day from ${t.month}) = 1`),
  ],
);

/** An indicator (chỉ số): how a result is measured over a set of units and a period. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    measure: text('measure').notNull(), // Measure
    unitOfMeasure: text('unit_of_measure').notNull(), // UnitOfMeasure
    direction: text('direction').notNull().default('higher_is_better'), // Direction
    numeratorElementId: uuid('numerator_element_id').references(() => dataElements.id),
    denominatorElementId: uuid('denominator_element_id').references(() => dataElements.id),
    /** Condition a unit must meet (share_of_units, count_of_units). */
    conditionElementId: uuid('condition_element_id').references(() => dataElements.id),
    conditionOperator: text('condition_operator'), // ConditionOperator
    conditionNumber: numeric('condition_number'), // for '=', '>=', '<='
    conditionValues: jsonb('condition_values').$type<string[]>(), // for 'in' (grades)
    /** Yes/no element that makes a unit eligible (average_per_eligible_unit), e.g. "còn nguồn". */
    eligibilityElementId: uuid('eligibility_element_id').references(() => dataElements.id),
    /** Unit kinds counted (default: grassroots unions). */
    unitKinds: jsonb('unit_kinds').$type<string[]>().notNull().default(['grassroots_union']),
    recordSource: text('record_source'), // RecordSourceName, count_of_records only
    recordFilter: jsonb('record_filter').$type<Record<string, string>>(), // e.g. { sector: 'non_state_enterprise' }
    /**
     * The value is a share bounded to 0–100 % (its numerator is part of its
     * denominator: people reached among members, lawsuits supported among those
     * requested); a target above 100 is refused. Always true for share_of_units.
     */
    bounded: boolean('bounded').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic version (server/lib/row-version.ts): an edit sends the one it read. */
    rowVersion: integer('row_version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'indicators_measure_chk',
      sql`${t.measure} in ('ratio_of_sums', 'share_of_units', 'average_per_eligible_unit', 'sum', 'count_of_units', 'count_of_records')`,
    ),
    check('indicators_direction_chk', sql`${t.direction} in ('higher_is_better', 'lower_is_better')`),
    check('indicators_operator_chk', sql`${t.conditionOperator} is null or ${t.conditionOperator} in ('=', '>=', '<=', 'in', 'is_true')`),
    index('indicators_numerator_idx').on(t.numeratorElementId),
    index('indicators_denominator_idx').on(t.denominatorElementId),
    index('indicators_condition_idx').on(t.conditionElementId),
    index('indicators_eligibility_idx').on(t.eligibilityElementId),
  ],
);

/**
 * A target (chỉ tiêu): an indicator, a comparator and a value over the subtree
 * of scope_unit_id and a period of whole months [period_from, period_to].
 */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    programId: uuid('program_id').references(() => programs.id),
    code: text('code'), // the program's target code ("1".."10", "7a"), when it has one
    text: text('text').notNull(), // the target sentence as written
    comparator: text('comparator').notNull(), // 'gte' | 'lte' | 'eq'
    value: numeric('value').notNull(),
    unitOfMeasure: text('unit_of_measure').notNull(),
    periodFrom: date('period_from').notNull(), // first day of the first month
    periodTo: date('period_to').notNull(), // first day of the last month
    scopeUnitId: uuid('scope_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    tolerance: numeric('tolerance').notNull().default('0'),
    stretch: boolean('stretch').notNull().default(false), // "phấn đấu"
    whenConditionsAllow: boolean('when_conditions_allow').notNull().default(false), // "khi có đủ điều kiện"
    sortOrder: integer('sort_order').notNull().default(0),
    /** The program's task group (nhóm nhiệm vụ, its number) the target belongs to; groups the report form. */
    taskGroupNumber: integer('task_group_number'),
    /**
     * The target of the previous program version this one continues (an
     * amendment copies its targets; history follows this link back).
     */
    previousTargetId: uuid('previous_target_id').references((): AnyPgColumn => targets.id),
    /** Retired (archived, or dropped by an amendment): kept for history, left out of progress. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic version (server/lib/row-version.ts): bumped by every change of the row; an edit sends the one it read. */
    rowVersion: integer('row_version').notNull().default(1),
    /** Who changed the row last (shown in a 409 STALE_WRITE). */
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('targets_program_idx').on(t.programId, t.sortOrder),
    index('targets_scope_idx').on(t.scopeUnitId),
    index('targets_indicator_idx').on(t.indicatorId),
    index('targets_previous_idx').on(t.previousTargetId),
    check('targets_comparator_chk', sql`${t.comparator} in ('gte', 'lte', 'eq')`),
    check('targets_period_chk', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('targets_months_chk', sql`extract(day from ${t.periodFrom}) = 1 and extract(day from ${t.periodTo}) = 1`),
    check('targets_tolerance_chk', sql`${t.tolerance} >= 0`),
  ],
);

/** A total target split among child units (phân bổ chỉ tiêu), e.g. "+10 members". */
export const targetAllocations = pgTable(
  'target_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    value: numeric('value').notNull(),
  },
  (t) => [uniqueIndex('target_allocations_target_unit_uq').on(t.targetId, t.unitId), index('target_allocations_unit_idx').on(t.unitId)],
);
