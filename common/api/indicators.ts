// Wire schemas of the indicator engine's API (/api/data-elements,
// /api/indicators, /api/targets: catalogue, progress, breakdown, allocations).
// The server validates and serialises with them; the web takes its types from
// them (z.input / z.output), so a changed field breaks the type check.
import { z } from 'zod';
import { FACT_COUNTING, REPORT_KINDS } from '../reports.js';
import { GRASSROOTS_SECTORS, ORG_UNIT_KINDS } from '../enums.js';
import {
  AGGREGATIONS,
  CATALOGUE_ACTIONS,
  COMPARATORS,
  CONDITION_OPERATORS,
  DIRECTIONS,
  INDICATOR_LIMITS,
  MEASURES,
  RECORD_SOURCES,
  TARGET_ACTIONS,
  TARGET_STATUSES,
  UNIT_STATES,
  UNIT_TARGET_BASES,
  UNITS_OF_MEASURE,
  VALUE_TYPES,
} from '../indicators.js';
import { DERIVED_FACT_SOURCES } from '../members.js';
import { PROGRAM_STATUSES } from '../programs.js';
import { isoDate, queryBoolean, trimmed } from '../schemas.js';

// Field rules, shared with the web forms (web/src/lib/field-rule.ts).
/** Code of a data element, indicator or grade option: letters, digits, '.', '_', '-'. */
export const catalogueCode = z
  .string()
  .trim()
  .min(1)
  .max(INDICATOR_LIMITS.codeMax)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'validation.invalidFormat' });
export const catalogueName = trimmed(INDICATOR_LIMITS.nameMax);
/** A month 'YYYY-MM'. */
export const periodMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.invalidFormat' });
/** A target value, tolerance or allocated share. */
export const targetAmount = z.number().finite().min(0).max(1e12);
/** A target's code in its program ("1", "7a"…). */
export const targetCode = z.string().trim().min(1).max(16);
export const targetText = trimmed(INDICATOR_LIMITS.textMax);
/** A task group's number in its program (nhóm nhiệm vụ 1, 2, …). */
export const taskGroupNumber = z.number().int().min(1).max(99);

const code = catalogueCode;
const name = catalogueName;
const month = periodMonth;
const amount = targetAmount;

// ---- Data elements (dữ liệu báo cáo) ----

export const CreateDataElementBody = z.strictObject({
  code,
  nameVi: name,
  nameEn: name,
  valueType: z.enum(VALUE_TYPES),
  aggregation: z.enum(AGGREGATIONS),
  allowsNotApplicable: z.boolean().default(false),
  gradeOptions: z.array(code).max(INDICATOR_LIMITS.gradeOptionsMax).nullable().optional(),
  /** Facts computed from records instead of reported (e.g. members at month end from the registry). */
  derivedFrom: z.enum(DERIVED_FACT_SOURCES).nullable().optional(),
  /** Derived elements only: a reported number element whose latest value is added each month (e.g. workers who are not members). */
  derivedAddendElementId: z.uuid().nullable().optional(),
  /** Reported numbers: whole numbers only (counts). */
  wholeNumber: z.boolean().default(false),
  /** A reported number may not exceed the unit's value of this number element in the same month (e.g. members). */
  upperBoundElementId: z.uuid().nullable().optional(),
  /** In which report it is asked: monthly (default), or only at half-year / year end. */
  reportedIn: z.enum(REPORT_KINDS).default('monthly'),
  /** Plain-words help shown on the report form. */
  helpVi: z.string().trim().max(1000).nullable().optional(),
});
export type CreateDataElementBody = z.infer<typeof CreateDataElementBody>;

export const ListDataElementsQuery = z.object({ includeArchived: queryBoolean.optional() });

export const DataElementView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    valueType: z.enum(VALUE_TYPES),
    aggregation: z.enum(AGGREGATIONS),
    allowsNotApplicable: z.boolean(),
    gradeOptions: z.array(z.string()).nullable(),
    /** Facts computed from records (never typed), or null for a reported element. */
    derivedFrom: z.enum(DERIVED_FACT_SOURCES).nullable(),
    /** The reported number element added to a derived element each month (its latest value), or null. */
    derivedAddendElementId: z.uuid().nullable(),
    wholeNumber: z.boolean(),
    upperBoundElementId: z.uuid().nullable(),
    reportedIn: z.enum(REPORT_KINDS),
    helpVi: z.string().nullable(),
    archivedAt: z.string().nullable(),
    rowVersion: z.number().int(),
    /**
     * What the caller may do with the row (GET list), by the policy the writes
     * use; the web shows only these buttons. Absent from the answers of writes.
     */
    allowedActions: z.array(z.enum(CATALOGUE_ACTIONS)).optional(),
  })
  .meta({ id: 'DataElement' });
export const DataElementList = z.object({ items: z.array(DataElementView) });

// ---- Indicators (chỉ số) ----

export const ConditionInput = z.strictObject({
  elementId: z.uuid(),
  operator: z.enum(CONDITION_OPERATORS),
  number: z.number().finite().nullable().optional(),
  values: z.array(code).max(INDICATOR_LIMITS.gradeOptionsMax).nullable().optional(),
});
export type ConditionInput = z.infer<typeof ConditionInput>;

export const CreateIndicatorBody = z.strictObject({
  code,
  nameVi: name,
  nameEn: name,
  measure: z.enum(MEASURES),
  unitOfMeasure: z.enum(UNITS_OF_MEASURE),
  direction: z.enum(DIRECTIONS).default('higher_is_better'),
  numeratorElementId: z.uuid().nullable().optional(),
  denominatorElementId: z.uuid().nullable().optional(),
  condition: ConditionInput.nullable().optional(),
  eligibilityElementId: z.uuid().nullable().optional(),
  unitKinds: z.array(z.enum(ORG_UNIT_KINDS)).min(1).max(ORG_UNIT_KINDS.length).default(['grassroots_union']),
  recordSource: z.enum(RECORD_SOURCES).nullable().optional(),
  recordFilter: z
    .strictObject({ sector: z.enum(GRASSROOTS_SECTORS).optional() })
    .nullable()
    .optional(),
  /** The value is a share bounded to 0–100 % (numerator part of the denominator); always so for a share of units. */
  bounded: z.boolean().default(false),
});
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;

export const IndicatorView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    measure: z.enum(MEASURES),
    unitOfMeasure: z.string(),
    direction: z.enum(DIRECTIONS),
    numeratorElementId: z.uuid().nullable(),
    denominatorElementId: z.uuid().nullable(),
    condition: z
      .object({
        elementId: z.uuid(),
        operator: z.enum(CONDITION_OPERATORS),
        number: z.number().nullable(),
        values: z.array(z.string()).nullable(),
      })
      .nullable(),
    eligibilityElementId: z.uuid().nullable(),
    unitKinds: z.array(z.string()),
    recordSource: z.string().nullable(),
    recordFilter: z.record(z.string(), z.string()).nullable(),
    bounded: z.boolean(),
    archivedAt: z.string().nullable(),
    rowVersion: z.number().int(),
    /**
     * What the caller may do with the row (GET list), by the policy the writes
     * use; the web shows only these buttons. Absent from the answers of writes.
     */
    allowedActions: z.array(z.enum(CATALOGUE_ACTIONS)).optional(),
  })
  .meta({ id: 'Indicator' });
export const IndicatorList = z.object({ items: z.array(IndicatorView) });

// ---- Targets (chỉ tiêu) ----

export const AllocationInput = z.strictObject({ unitId: z.uuid(), value: amount });

export const CreateTargetBody = z.strictObject({
  indicatorId: z.uuid(),
  programId: z.uuid().nullable().optional(),
  code: targetCode.nullable().optional(),
  text: targetText,
  comparator: z.enum(COMPARATORS),
  value: amount,
  periodFrom: month,
  periodTo: month,
  scopeUnitId: z.uuid(),
  tolerance: amount.default(0),
  stretch: z.boolean().default(false),
  whenConditionsAllow: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  /** The program's task group (nhóm nhiệm vụ, its number) the target belongs to: groups the report form; programId required. */
  taskGroupNumber: taskGroupNumber.nullable().optional(),
  allocations: z.array(AllocationInput).max(INDICATOR_LIMITS.allocationsMax).default([]),
});
export type CreateTargetBody = z.infer<typeof CreateTargetBody>;

export const ListTargetsQuery = z.object({
  programId: z.uuid().optional(),
  scopeUnitId: z.uuid().optional(),
  /** Retired targets too (a program's history); by default only targets in use. */
  includeArchived: queryBoolean.optional(),
});

/** A reason (lý do): required to correct or retire a target of an issued program. */
const reason = trimmed(INDICATOR_LIMITS.textMax);

/** Correcting a target (sửa chỉ tiêu): its sentence, comparator, value and tolerance band. */
export const UpdateTargetBody = z.strictObject({
  expectedVersion: z.number().int().min(1),
  code: targetCode.nullable().optional(),
  text: targetText.optional(),
  comparator: z.enum(COMPARATORS).optional(),
  value: amount.optional(),
  tolerance: amount.optional(),
  stretch: z.boolean().optional(),
  whenConditionsAllow: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  /** The program's task group the target belongs to (null: none; the report form shows it under "Chỉ tiêu khác"). */
  taskGroupNumber: taskGroupNumber.nullable().optional(),
  /** Required once the target's program is issued (audited). */
  reason: reason.optional(),
});
export type UpdateTargetBody = z.infer<typeof UpdateTargetBody>;

/** Retiring a target (lưu trữ / bãi bỏ chỉ tiêu). */
export const ArchiveTargetBody = z.strictObject({ expectedVersion: z.number().int().min(1), reason: reason.optional() });
export type ArchiveTargetBody = z.infer<typeof ArchiveTargetBody>;

/**
 * Editing a data element. Names, help text and "không áp dụng" allowed never change what a
 * number means and are allowed at any time; the aggregation over months and the
 * grade codes change computed figures and are refused while a target uses it.
 * The value type is fixed (a different type is a new element).
 */
export const UpdateDataElementBody = z.strictObject({
  expectedVersion: z.number().int().min(1),
  nameVi: name.optional(),
  nameEn: name.optional(),
  allowsNotApplicable: z.boolean().optional(),
  /** Plain-words help shown on the report form (null clears it). */
  helpVi: z.string().trim().max(1000).nullable().optional(),
  aggregation: z.enum(AGGREGATIONS).optional(),
  gradeOptions: z.array(code).max(INDICATOR_LIMITS.gradeOptionsMax).nullable().optional(),
});
export type UpdateDataElementBody = z.infer<typeof UpdateDataElementBody>;

/**
 * Editing an indicator: its names and `bounded` at any time; its direction (how
 * a status is judged) only while no target uses it. What it computes (measure,
 * elements, condition) is fixed: a different computation is a new indicator.
 */
export const UpdateIndicatorBody = z.strictObject({
  expectedVersion: z.number().int().min(1),
  nameVi: name.optional(),
  nameEn: name.optional(),
  bounded: z.boolean().optional(),
  direction: z.enum(DIRECTIONS).optional(),
});
export type UpdateIndicatorBody = z.infer<typeof UpdateIndicatorBody>;
export type ListTargetsQuery = z.infer<typeof ListTargetsQuery>;

export const TargetView = z
  .object({
    id: z.uuid(),
    indicatorId: z.uuid(),
    programId: z.uuid().nullable(),
    code: z.string().nullable(),
    text: z.string(),
    comparator: z.enum(COMPARATORS),
    value: z.number(),
    unitOfMeasure: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    scopeUnitId: z.uuid(),
    tolerance: z.number(),
    stretch: z.boolean(),
    whenConditionsAllow: z.boolean(),
    sortOrder: z.number().int(),
    /** The program's task group (nhóm nhiệm vụ) number, or null. */
    taskGroupNumber: z.number().int().nullable(),
    rowVersion: z.number().int(),
    /** The target of the previous program version this one continues (amendments), or null. */
    previousTargetId: z.uuid().nullable(),
    /** Retired (archived or dropped by an amendment): history only, left out of progress. */
    archivedAt: z.string().nullable(),
    allocations: z.array(z.object({ unitId: z.uuid(), value: z.number() })),
    /**
     * What the caller may do with the target (GET list), by the policies the
     * writes use (scope unit held on the target's write date, not retired, not
     * of a superseded version); the web shows only these buttons.
     */
    allowedActions: z.array(z.enum(TARGET_ACTIONS)).optional(),
    /** Status of the target's program (GET list): a correction of an issued program's target needs a reason. */
    programStatus: z.enum(PROGRAM_STATUSES).nullable().optional(),
  })
  .meta({ id: 'Target' });
export const TargetList = z.object({ items: z.array(TargetView) });

export const TargetProgressQuery = z.object({
  programId: z.uuid().optional(),
  scopeUnitId: z.uuid().optional(),
  asOf: isoDate.optional(),
  /** Which facts count (docs/reporting.md "Dashboard counting"): submitted and approved (default), or approved only. */
  counting: z.enum(FACT_COUNTING).optional(),
});
export type TargetProgressQuery = z.infer<typeof TargetProgressQuery>;

export const TargetProgressView = z
  .object({
    targetId: z.uuid(),
    indicatorId: z.uuid(),
    programId: z.uuid().nullable(),
    code: z.string().nullable(),
    text: z.string(),
    measure: z.enum(MEASURES),
    unitOfMeasure: z.string(),
    comparator: z.enum(COMPARATORS),
    targetValue: z.number(),
    tolerance: z.number(),
    stretch: z.boolean(),
    whenConditionsAllow: z.boolean(),
    scopeUnitId: z.uuid(),
    periodFrom: z.string(),
    periodTo: z.string(),
    value: z.number().nullable(),
    status: z.enum(TARGET_STATUSES),
    reportedUnits: z.number().int(),
    eligibleUnits: z.number().int(),
    notApplicableUnits: z.number().int(),
    noDataUnits: z.number().int(),
    /**
     * Targets counting member admissions (7a): departures (left, died, moved out of
     * the scope) over the same units and months, and the net change (value − departures).
     */
    departures: z.number().nullable(),
    netChange: z.number().nullable(),
  })
  .meta({ id: 'TargetProgress' });
export const TargetProgressResponse = z.object({ asOf: z.string(), items: z.array(TargetProgressView) });

export const BreakdownQuery = z.object({ asOf: isoDate.optional(), counting: z.enum(FACT_COUNTING).optional() });
export const TargetBreakdownResponse = z.object({
  targetId: z.uuid(),
  asOf: z.string(),
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitCode: z.string(),
      unitName: z.string(),
      months: z.number().int(),
      state: z.enum(UNIT_STATES),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      meets: z.boolean().nullable(),
      allocated: z.number().nullable(),
      /** How the unit stands against its own target (null: not judged); units below it are marked. */
      status: z.enum(TARGET_STATUSES).nullable(),
      /** The unit's classification grade, when the target counts grades. */
      grade: z.string().nullable(),
    }),
  ),
  /** Progress of each allocated share of a total target, over the allocated unit's subtree. */
  allocations: z.array(
    z.object({
      unitId: z.uuid(),
      unitCode: z.string(),
      unitName: z.string(),
      allocated: z.number(),
      value: z.number().nullable(),
      status: z.enum(TARGET_STATUSES),
      reportedUnits: z.number().int(),
      noDataUnits: z.number().int(),
    }),
  ),
});

/**
 * A target's value month by month (GET /api/targets/:id/series): the engine at
 * each month end of the target's period up to the as-of date (the last point
 * is the as-of date itself). With unitId: that unit's allocated share when it
 * has one, else the unit's own value (status null).
 */
export const TargetSeriesQuery = z.object({
  asOf: isoDate.optional(),
  unitId: z.uuid().optional(),
  counting: z.enum(FACT_COUNTING).default('submitted'),
});
export type TargetSeriesQuery = z.infer<typeof TargetSeriesQuery>;
export const TargetSeriesPoint = z.object({
  /** 'YYYY-MM' */
  month: z.string(),
  /** The date the point was computed at (the month's last day, or the as-of date). */
  asOf: z.string(),
  value: z.number().nullable(),
  status: z.enum(TARGET_STATUSES).nullable(),
});
export const TargetSeriesResponse = z.object({
  targetId: z.uuid(),
  asOf: z.string(),
  unitId: z.uuid().nullable(),
  points: z.array(TargetSeriesPoint),
});

// ---- Allocations (phân bổ chỉ tiêu) ----

/**
 * Replace a total target's allocations: by hand, or split proportionally
 * among the scope unit's child units by the last reported value of a number
 * element (e.g. members). dryRun computes the split without saving it.
 */
export const AllocateTargetBody = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('manual'),
    allocations: z.array(AllocationInput).max(INDICATOR_LIMITS.allocationsMax),
    /** The target's rowVersion the allocation was made on (server/lib/row-version.ts). */
    expectedVersion: z.number().int().min(1),
  }),
  z.strictObject({
    mode: z.literal('proportional'),
    basis: z.strictObject({ dataElementId: z.uuid() }),
    dryRun: z.boolean().default(false),
    expectedVersion: z.number().int().min(1),
  }),
]);
export type AllocateTargetBody = z.infer<typeof AllocateTargetBody>;

const AllocationUnit = z.object({ unitId: z.uuid(), unitCode: z.string(), unitName: z.string() });

export const TargetAllocationsResponse = z
  .object({
    targetId: z.uuid(),
    /** Optimistic version of the target: send it back as expectedVersion when allocating (409 STALE_WRITE if someone saved since). */
    rowVersion: z.number().int(),
    /** Whether the target can be split at all (sums and counts only). */
    allocatable: z.boolean(),
    allocations: z.array(AllocationUnit.extend({ value: z.number() })),
    /** The scope unit's child units at the start of the period (the units offered for a split). */
    childUnits: z.array(AllocationUnit),
    /** The target's value, the allocations' sum and sum − total (0 when they add up). */
    total: z.number(),
    sum: z.number(),
    gap: z.number(),
    /** True when nothing was saved (a proportional split previewed with dryRun). */
    dryRun: z.boolean(),
  })
  .meta({ id: 'TargetAllocations' });

// ---- A unit's own targets and the leader's matrix (issue 10: what each role sees) ----

/** One unit on one target: its own figures and how it stands (server/modules/indicators/unit-status.ts). */
export const UnitCellView = z
  .object({
    state: z.enum(UNIT_STATES),
    /** The engine's per-unit value (null for share/count of units and without data). */
    value: z.number().nullable(),
    meets: z.boolean().nullable(),
    allocated: z.number().nullable(),
    grade: z.string().nullable(),
    basis: z.enum(UNIT_TARGET_BASES),
    /** The value the unit is held to: its allocated share, or the inherited percentage/average. */
    ownTarget: z.number().nullable(),
    ownValue: z.number().nullable(),
    /** null: not judged (not applicable, not eligible, or a total the unit only contributes to). */
    status: z.enum(TARGET_STATUSES).nullable(),
    /** What the unit still owes toward its own target (0 when reached). */
    owed: z.number().nullable(),
  })
  .meta({ id: 'UnitCell' });

export const UnitTargetsQuery = z.object({ unitId: z.uuid(), programId: z.uuid().optional(), asOf: isoDate.optional() });
export type UnitTargetsQuery = z.infer<typeof UnitTargetsQuery>;
export const UnitTargetsResponse = z.object({
  asOf: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** Each target that applies to the unit: the whole target's progress (the district's figures) and the unit's own. */
  items: z.array(z.object({ target: TargetProgressView, own: UnitCellView })),
});

export const TargetMatrixQuery = z.object({
  programId: z.uuid().optional(),
  asOf: isoDate.optional(),
  /** Only units with at least one target in this status. */
  status: z.enum(TARGET_STATUSES).optional(),
});
export type TargetMatrixQuery = z.infer<typeof TargetMatrixQuery>;
export const TargetMatrixResponse = z.object({
  asOf: z.string(),
  targets: z.array(TargetProgressView),
  /** Units in the caller's scope, those missing most targets first. */
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitCode: z.string(),
      unitName: z.string(),
      /** Targets the unit misses (at risk or off track). */
      lagging: z.number().int(),
      noData: z.number().int(),
      cells: z.array(UnitCellView.extend({ targetId: z.uuid() })),
    }),
  ),
});
