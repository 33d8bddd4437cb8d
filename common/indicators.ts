// The indicator engine's vocabulary (chỉ tiêu, chỉ số, dữ liệu báo cáo),
// shared by the API schemas, the server and the web app. See
// docs/indicator-engine.md.

/** What a unit reports for a data element (dữ liệu báo cáo). */
export const VALUE_TYPES = ['number', 'boolean', 'grade', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/**
 * How a data element's monthly values add up over a period: sum over months,
 * the last value reported, or "any" (true in any month).
 */
export const AGGREGATIONS = ['sum', 'last', 'any'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The aggregations that make sense for each value type. */
export const AGGREGATIONS_BY_TYPE: Record<ValueType, readonly Aggregation[]> = {
  number: ['sum', 'last'],
  boolean: ['any', 'last'],
  grade: ['last'],
  text: ['last'],
};

/** Kinds of measure (DOMAIN.md "The seed's ten targets as indicators"). */
export const MEASURES = [
  'ratio_of_sums', // Σ numerator ÷ Σ denominator
  'share_of_units', // units meeting a condition ÷ units that reported
  'average_per_eligible_unit', // Σ numerator ÷ number of eligible units
  'sum', // Σ numerator
  'count_of_units', // units meeting a condition
  'count_of_records', // records from a record source
] as const;
export type Measure = (typeof MEASURES)[number];

/** Sums and counts build up over the period; the others are levels. */
export const CUMULATIVE_MEASURES: readonly Measure[] = ['sum', 'count_of_units', 'count_of_records'];

export const UNITS_OF_MEASURE = ['percent', 'count', 'ratio', 'people', 'vnd'] as const;
export type UnitOfMeasure = (typeof UNITS_OF_MEASURE)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Conditions on one data element: '=', '>=', '<=' on numbers, 'in' on grades, 'is_true' on yes/no. */
export const CONDITION_OPERATORS = ['=', '>=', '<=', 'in', 'is_true'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const OPERATORS_BY_TYPE: Record<ValueType, readonly ConditionOperator[]> = {
  number: ['=', '>=', '<='],
  boolean: ['is_true'],
  grade: ['in'],
  text: [],
};

/**
 * Sources of records counted by 'count_of_records' indicators (the registry
 * in server/modules/indicators/record-sources.ts maps each to SQL).
 */
export const RECORD_SOURCES = [
  'unit_founded', // grassroots unions founded (org_units.valid_from)
  'facts', // a number element counted as records
  'member_admitted', // members admitted or re-admitted (member_events 'admitted' | 'rejoined')
] as const;
export type RecordSourceName = (typeof RECORD_SOURCES)[number];

export const COMPARATORS = ['gte', 'lte', 'eq'] as const;
export type TargetComparator = (typeof COMPARATORS)[number];

/**
 * What the caller may do with a row of the catalogue (data elements, indicators),
 * by the policy the writes use (server/modules/indicators/policy.ts); the web
 * shows only these buttons.
 */
export const CATALOGUE_ACTIONS = ['edit', 'archive'] as const;
export type CatalogueAction = (typeof CATALOGUE_ACTIONS)[number];

/** What the caller may do with a target: correct it, retire it, split it among units (by the write policies). */
export const TARGET_ACTIONS = ['edit', 'archive', 'allocate'] as const;
export type TargetAction = (typeof TARGET_ACTIONS)[number];

/** Year-end classification grades of a CĐCS (xếp loại, guidance 1294/HD-TLĐ), best first. */
export const GRASSROOTS_GRADES = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'] as const;

export const INDICATOR_LIMITS = {
  codeMax: 32,
  nameMax: 255,
  textMax: 2_000,
  gradeOptionsMax: 20,
  allocationsMax: 500,
  targetsPerRequestMax: 200,
} as const;

/** How a target stands (tình trạng thực hiện chỉ tiêu), judged by server/modules/indicators/status.ts. */
export const TARGET_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Unit states per target: in the denominator, reported but not eligible, not applicable, no data. */
export const UNIT_STATES = ['reported', 'ineligible', 'not_applicable', 'no_data'] as const;
export type UnitState = (typeof UNIT_STATES)[number];

/**
 * Where a unit's own target comes from (chỉ tiêu của đơn vị): its allocated
 * share of a total; the parent's percentage or average, inherited as it stands;
 * a condition the unit meets or not (count of units without a share); or none
 * (a total that was not split: the unit only contributes to it).
 */
export const UNIT_TARGET_BASES = ['allocated', 'inherited', 'condition', 'none'] as const;
export type UnitTargetBasis = (typeof UNIT_TARGET_BASES)[number];

/** Statuses that count as "missing" a target in the leader's matrix (đơn vị chậm). */
export const LAGGING_STATUSES: readonly TargetStatus[] = ['at_risk', 'off_track'];
