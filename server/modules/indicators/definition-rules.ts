// Rules for defining data elements, indicators and targets (pure logic; the
// use-cases look the referenced rows up and then apply these).
import {
  AGGREGATIONS_BY_TYPE,
  CUMULATIVE_MEASURES,
  OPERATORS_BY_TYPE,
  type Aggregation,
  type ConditionOperator,
  type Direction,
  type Measure,
  type RecordSourceName,
  type TargetComparator,
  type ValueType,
} from '../../../common/indicators.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { CLASSIFICATION_GRADES, RECORD_DERIVED_SOURCES, type RecordDerivedSource } from '../../../common/activities.js';
import type { DerivedFactSource } from '../../../common/members.js';
import { AppError, fieldError, type FieldError } from '../../lib/errors.js';
import { recordSources } from './record-sources.js';

type ShapeInput = {
  valueType: ValueType;
  aggregation: Aggregation;
  gradeOptions?: string[] | null | undefined;
  allowsNotApplicable?: boolean | undefined;
};

export function isRecordDerivedSource(source: string | null | undefined): source is RecordDerivedSource {
  return source != null && Object.hasOwn(RECORD_DERIVED_SOURCES, source);
}

/** The grades a classification gives (without "chưa xếp loại", which is "not applicable"). */
export const CLASSIFIED_GRADES: readonly string[] = CLASSIFICATION_GRADES.filter((g) => g !== 'not_classified');

/** A count from the member registry at each month end: a number read as its latest month, never "not applicable". */
function registryShapeProblem(input: ShapeInput): FieldError | null {
  const field =
    input.valueType !== 'number'
      ? 'valueType'
      : input.aggregation !== 'last'
        ? 'aggregation'
        : input.allowsNotApplicable
          ? 'allowsNotApplicable'
          : null;
  return field ? { field, messageKey: 'catalogue.derivedShape' satisfies MessageKey } : null;
}

/**
 * A figure from activity records has its source's value type and time
 * aggregation (RECORD_DERIVED_SOURCES); a classification grade has the four
 * grades and may be "not applicable" (a unit founded in the year); no other
 * is ever "not applicable" (no record = 0 or "no").
 */
function recordSourceShapeProblem(source: RecordDerivedSource, input: ShapeInput): FieldError | null {
  const spec = RECORD_DERIVED_SOURCES[source];
  const shapeKey = `catalogue.derivedRecordShape.${spec.valueType}_${spec.aggregation}` as MessageKey;
  if (input.valueType !== spec.valueType) return { field: 'valueType', messageKey: shapeKey };
  if (input.aggregation !== spec.aggregation) return { field: 'aggregation', messageKey: shapeKey };
  if (source === 'classification_grade') {
    const grades = input.gradeOptions ?? [];
    if (grades.length !== CLASSIFIED_GRADES.length || !CLASSIFIED_GRADES.every((g) => grades.includes(g))) {
      return { field: 'gradeOptions', messageKey: 'catalogue.derivedRecordGrades' satisfies MessageKey };
    }
  } else if (input.allowsNotApplicable) {
    return { field: 'allowsNotApplicable', messageKey: 'catalogue.derivedRecordNotApplicable' satisfies MessageKey };
  }
  return null;
}

export function checkDataElementShape(input: {
  valueType: ValueType;
  aggregation: Aggregation;
  gradeOptions?: string[] | null | undefined;
  allowsNotApplicable?: boolean | undefined;
  derivedFrom?: DerivedFactSource | null | undefined;
}): AppError | null {
  if (input.derivedFrom) {
    const wrong = isRecordDerivedSource(input.derivedFrom)
      ? recordSourceShapeProblem(input.derivedFrom, input)
      : registryShapeProblem(input);
    if (wrong) {
      return new AppError('VALIDATION_FAILED', {}, { fields: [wrong] });
    }
  }
  if (!AGGREGATIONS_BY_TYPE[input.valueType].includes(input.aggregation)) {
    return fieldError('DATA_ELEMENT_AGGREGATION_MISMATCH', 'aggregation');
  }
  const grades = input.gradeOptions ?? null;
  if (input.valueType === 'grade') {
    if (!grades || grades.length < 2 || new Set(grades).size !== grades.length) {
      return fieldError('DATA_ELEMENT_GRADES_REQUIRED', 'gradeOptions');
    }
  } else if (grades && grades.length > 0) {
    return fieldError('DATA_ELEMENT_GRADES_NOT_ALLOWED', 'gradeOptions');
  }
  return null;
}

/**
 * The addend of a derived element (e.g. workers who are not members, added to
 * the members at month end): only with derivedFrom 'active_members', and an existing, not
 * archived, reported (not derived) number element. addend = the looked-up row.
 */
export function checkDerivedAddend(
  input: { derivedFrom?: DerivedFactSource | null | undefined; derivedAddendElementId?: string | null | undefined },
  addend: { valueType: string; aggregation: string; derivedFrom: string | null; archivedAt: Date | string | null } | null,
): AppError | null {
  if (!input.derivedAddendElementId) return null;
  // Only the members at month end take one (members + workers who are not members); female members or women holding office do not.
  if (input.derivedFrom !== 'active_members') return fieldError('DATA_ELEMENT_ADDEND_NOT_DERIVED', 'derivedAddendElementId');
  // A standing count (last value), carried forward month to month; a monthly flow (sum) would be counted again every month.
  if (
    !addend ||
    addend.archivedAt !== null ||
    addend.valueType !== 'number' ||
    addend.aggregation !== 'last' ||
    addend.derivedFrom !== null
  ) {
    return fieldError('DATA_ELEMENT_ADDEND_INVALID', 'derivedAddendElementId');
  }
  return null;
}

export type ElementSlot = 'numeratorElementId' | 'denominatorElementId' | 'condition' | 'eligibilityElementId' | 'recordSource';
type SlotRule = 'required' | 'optional' | 'forbidden';

/** Which parts of an indicator each measure uses. */
export function slotRules(measure: Measure, recordSource?: RecordSourceName | null): Record<ElementSlot, SlotRule> {
  const none: Record<ElementSlot, SlotRule> = {
    numeratorElementId: 'forbidden',
    denominatorElementId: 'forbidden',
    condition: 'forbidden',
    eligibilityElementId: 'forbidden',
    recordSource: 'forbidden',
  };
  switch (measure) {
    case 'ratio_of_sums':
      return { ...none, numeratorElementId: 'required', denominatorElementId: 'required' };
    case 'share_of_units':
    case 'count_of_units':
      return { ...none, condition: 'required' };
    case 'average_per_eligible_unit':
      return { ...none, numeratorElementId: 'required', eligibilityElementId: 'optional' };
    case 'sum':
      return { ...none, numeratorElementId: 'required' };
    case 'count_of_records':
      return { ...none, recordSource: 'required', numeratorElementId: recordSource === 'facts' ? 'required' : 'forbidden' };
  }
}

/** The slot values of an indicator being created, null when empty. */
export interface IndicatorSlots {
  numeratorElementId: string | null;
  denominatorElementId: string | null;
  condition: { elementId: string } | null;
  eligibilityElementId: string | null;
  recordSource: RecordSourceName | null;
}

export function checkIndicatorSlots(measure: Measure, slots: IndicatorSlots): AppError | null {
  const rules = slotRules(measure, slots.recordSource);
  for (const slot of Object.keys(rules) as ElementSlot[]) {
    const present = slots[slot] !== null;
    if (rules[slot] === 'required' && !present) {
      return slot === 'recordSource'
        ? fieldError('INDICATOR_RECORD_SOURCE_REQUIRED', slot)
        : fieldError('INDICATOR_ELEMENT_REQUIRED', slot === 'condition' ? 'condition.elementId' : slot);
    }
    if (rules[slot] === 'forbidden' && present) {
      return fieldError('INDICATOR_ELEMENT_NOT_ALLOWED', slot === 'condition' ? 'condition.elementId' : slot);
    }
  }
  return null;
}

/** A condition must fit its element's type; grades must be the element's own. */
export function checkCondition(
  condition: { operator: ConditionOperator; number?: number | null | undefined; values?: string[] | null | undefined },
  element: { valueType: ValueType; gradeOptions: string[] | null },
): AppError | null {
  if (!OPERATORS_BY_TYPE[element.valueType].includes(condition.operator)) {
    return fieldError('INDICATOR_CONDITION_INVALID', 'condition.operator');
  }
  if (condition.operator === 'in') {
    const values = condition.values ?? [];
    if (values.length === 0) return fieldError('INDICATOR_CONDITION_INVALID', 'condition.values');
    const unknown = values.find((v) => !(element.gradeOptions ?? []).includes(v));
    if (unknown !== undefined) return fieldError('INDICATOR_CONDITION_GRADE_UNKNOWN', 'condition.values', { grade: unknown });
  } else if (condition.operator === 'is_true') {
    if (condition.number != null || (condition.values?.length ?? 0) > 0) {
      return fieldError('INDICATOR_CONDITION_INVALID', 'condition.operator');
    }
  } else if (condition.number == null) {
    return fieldError('INDICATOR_CONDITION_INVALID', 'condition.number');
  }
  return null;
}

export function checkRecordFilter(source: RecordSourceName | null, filter: Record<string, unknown> | null | undefined): AppError | null {
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined) continue;
    if (!source || !recordSources[source].filterKeys.includes(key)) {
      return fieldError('INDICATOR_RECORD_FILTER_INVALID', `recordFilter.${key}`, { key });
    }
  }
  return null;
}

/**
 * A comparator fits when it points the indicator's way (higher is better →
 * "at least", lower is better → "at most"); "exactly" only for sums and
 * counts (a level such as a percentage is never aimed at exactly).
 */
export function comparatorFits(measure: Measure, direction: Direction, comparator: TargetComparator): boolean {
  if (comparator === 'eq') return CUMULATIVE_MEASURES.includes(measure);
  return comparator === (direction === 'higher_is_better' ? 'gte' : 'lte');
}

export function checkTargetValue(
  indicator: { measure: Measure; unitOfMeasure: string; direction: Direction; bounded: boolean },
  target: { comparator: TargetComparator; value: number; periodFrom: string; periodTo: string },
): AppError | null {
  if (target.periodTo < target.periodFrom) return fieldError('TARGET_PERIOD_INVALID', 'periodTo');
  if (!comparatorFits(indicator.measure, indicator.direction, target.comparator)) {
    return fieldError('TARGET_COMPARATOR_MISMATCH', 'comparator');
  }
  // A share bounded to 0–100 % (every share of units; a ratio whose numerator is part of its denominator).
  if ((indicator.bounded || indicator.measure === 'share_of_units') && target.value > 100) {
    return fieldError('TARGET_PERCENT_OVER_100', 'value');
  }
  return null;
}

/** Only totals (sums and counts) are split among child units; percentages are inherited. */
export function allocatable(measure: Measure): boolean {
  return CUMULATIVE_MEASURES.includes(measure);
}
