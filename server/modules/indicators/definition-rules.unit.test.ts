import { describe, expect, it } from 'vitest';
import {
  checkCondition,
  checkDataElementShape,
  checkDerivedAddend,
  checkIndicatorSlots,
  checkTargetValue,
  comparatorFits,
} from './definition-rules.js';

const grade = { valueType: 'grade' as const, gradeOptions: ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'] };

describe('definition rules', () => {
  it('matches time aggregations to value types', () => {
    expect(checkDataElementShape({ valueType: 'number', aggregation: 'sum' })).toBeNull();
    expect(checkDataElementShape({ valueType: 'boolean', aggregation: 'any' })).toBeNull();
    expect(checkDataElementShape({ valueType: 'boolean', aggregation: 'sum' })?.code).toBe('DATA_ELEMENT_AGGREGATION_MISMATCH');
    expect(checkDataElementShape({ valueType: 'grade', aggregation: 'last', gradeOptions: ['a', 'a'] })?.code).toBe(
      'DATA_ELEMENT_GRADES_REQUIRED',
    );
  });

  it('keeps elements derived from records to a number read as its latest month, never "not applicable"', () => {
    const derived = { valueType: 'number' as const, aggregation: 'last' as const, derivedFrom: 'active_members' as const };
    expect(checkDataElementShape(derived)).toBeNull();
    expect(checkDataElementShape({ ...derived, aggregation: 'sum' })?.fields[0]).toMatchObject({
      field: 'aggregation',
      messageKey: 'catalogue.derivedShape',
    });
    expect(checkDataElementShape({ ...derived, valueType: 'boolean', aggregation: 'any' })?.fields[0]?.field).toBe('valueType');
    expect(checkDataElementShape({ ...derived, allowsNotApplicable: true })?.fields[0]?.field).toBe('allowsNotApplicable');
    expect(checkDataElementShape({ ...derived, derivedFrom: null, aggregation: 'sum', allowsNotApplicable: true })).toBeNull();
    // Women members and women holding office (from the registry, like the members at month end): the same shape.
    for (const derivedFrom of ['female_members', 'women_office_holders'] as const) {
      expect(checkDataElementShape({ ...derived, derivedFrom })).toBeNull();
      expect(checkDataElementShape({ ...derived, derivedFrom, aggregation: 'sum' })?.fields[0]?.field).toBe('aggregation');
      expect(checkDataElementShape({ ...derived, derivedFrom, allowsNotApplicable: true })?.fields[0]?.field).toBe('allowsNotApplicable');
    }
  });

  it("keeps an element from activity records to its source's value type and aggregation", () => {
    expect(checkDataElementShape({ valueType: 'number', aggregation: 'sum', derivedFrom: 'inspections_done' })).toBeNull();
    expect(checkDataElementShape({ valueType: 'number', aggregation: 'last', derivedFrom: 'inspections_done' })?.fields[0]).toMatchObject({
      field: 'aggregation',
      messageKey: 'catalogue.derivedRecordShape.number_sum',
    });
    expect(checkDataElementShape({ valueType: 'boolean', aggregation: 'any', derivedFrom: 'chair_trained' })).toBeNull();
    expect(checkDataElementShape({ valueType: 'number', aggregation: 'sum', derivedFrom: 'chair_trained' })?.fields[0]).toMatchObject({
      field: 'valueType',
      messageKey: 'catalogue.derivedRecordShape.boolean_any',
    });
    expect(checkDataElementShape({ valueType: 'boolean', aggregation: 'last', derivedFrom: 'party_candidates' })).toBeNull();
    expect(
      checkDataElementShape({ valueType: 'number', aggregation: 'sum', derivedFrom: 'mai_am_houses', allowsNotApplicable: true })
        ?.fields[0],
    ).toMatchObject({ field: 'allowsNotApplicable', messageKey: 'catalogue.derivedRecordNotApplicable' });
    // The classification: the four grades (any order), "not applicable" allowed (a unit not classified).
    const classification = { ...grade, aggregation: 'last' as const, derivedFrom: 'classification_grade' as const };
    expect(checkDataElementShape({ ...classification, allowsNotApplicable: true })).toBeNull();
    expect(checkDataElementShape({ ...classification, gradeOptions: ['tot', 'xuat_sac', 'khong_hoan_thanh', 'hoan_thanh'] })).toBeNull();
    expect(checkDataElementShape({ ...classification, gradeOptions: ['xuat_sac', 'tot', 'hoan_thanh'] })?.fields[0]).toMatchObject({
      field: 'gradeOptions',
      messageKey: 'catalogue.derivedRecordGrades',
    });
    expect(checkDataElementShape({ ...classification, gradeOptions: [...grade.gradeOptions, 'not_classified'] })?.fields[0]?.field).toBe(
      'gradeOptions',
    );
    // No addend to a figure from records.
    const workers = { valueType: 'number', aggregation: 'last', derivedFrom: null, archivedAt: null };
    expect(checkDerivedAddend({ derivedFrom: 'training_reached', derivedAddendElementId: 'a' }, workers)?.code).toBe(
      'DATA_ELEMENT_ADDEND_NOT_DERIVED',
    );
  });

  it('adds to a derived element only a reported number element (last value) that is not archived', () => {
    const derived = { derivedFrom: 'active_members' as const, derivedAddendElementId: 'a' };
    const workers = { valueType: 'number', aggregation: 'last', derivedFrom: null, archivedAt: null };
    expect(checkDerivedAddend(derived, workers)).toBeNull();
    expect(checkDerivedAddend({ derivedFrom: 'active_members' }, null)).toBeNull(); // nothing added
    expect(checkDerivedAddend({ ...derived, derivedFrom: null }, workers)?.code).toBe('DATA_ELEMENT_ADDEND_NOT_DERIVED');
    // Only the members at month end take an addend (members + workers who are not members).
    expect(checkDerivedAddend({ ...derived, derivedFrom: 'female_members' }, workers)?.code).toBe('DATA_ELEMENT_ADDEND_NOT_DERIVED');
    expect(checkDerivedAddend({ ...derived, derivedFrom: 'women_office_holders' }, workers)?.code).toBe('DATA_ELEMENT_ADDEND_NOT_DERIVED');
    for (const addend of [
      null,
      { ...workers, valueType: 'boolean' },
      { ...workers, aggregation: 'sum' },
      { ...workers, derivedFrom: 'active_members' },
      { ...workers, archivedAt: new Date() },
    ]) {
      expect(checkDerivedAddend(derived, addend)?.fields[0]).toMatchObject({
        field: 'derivedAddendElementId',
        messageKey: 'errors.DATA_ELEMENT_ADDEND_INVALID',
      });
    }
  });

  it('asks each measure for its own parts only', () => {
    const empty = { numeratorElementId: null, denominatorElementId: null, condition: null, eligibilityElementId: null, recordSource: null };
    expect(checkIndicatorSlots('ratio_of_sums', { ...empty, numeratorElementId: 'n' })?.fields[0]?.field).toBe('denominatorElementId');
    expect(checkIndicatorSlots('average_per_eligible_unit', { ...empty, numeratorElementId: 'n' })).toBeNull();
    expect(checkIndicatorSlots('count_of_records', { ...empty, recordSource: 'unit_founded' })).toBeNull();
    expect(checkIndicatorSlots('count_of_records', { ...empty, recordSource: 'facts' })?.code).toBe('INDICATOR_ELEMENT_REQUIRED');
    expect(checkIndicatorSlots('count_of_records', { ...empty, recordSource: 'member_admitted' })).toBeNull();
    expect(checkIndicatorSlots('count_of_records', { ...empty, recordSource: 'member_admitted', numeratorElementId: 'n' })?.code).toBe(
      'INDICATOR_ELEMENT_NOT_ALLOWED',
    );
    expect(checkIndicatorSlots('share_of_units', { ...empty, condition: { elementId: 'c' }, numeratorElementId: 'n' })?.code).toBe(
      'INDICATOR_ELEMENT_NOT_ALLOWED',
    );
  });

  it('checks conditions against the element type and its grades', () => {
    expect(checkCondition({ operator: 'in', values: ['tot'] }, grade)).toBeNull();
    expect(checkCondition({ operator: 'in', values: ['gioi'] }, grade)?.params).toEqual({ grade: 'gioi' });
    expect(checkCondition({ operator: '>=' }, { valueType: 'number', gradeOptions: null })?.fields[0]?.field).toBe('condition.number');
    expect(checkCondition({ operator: 'is_true' }, { valueType: 'number', gradeOptions: null })?.code).toBe('INDICATOR_CONDITION_INVALID');
  });

  it('fits comparators to direction and measure; refuses a share over 100%', () => {
    expect(comparatorFits('share_of_units', 'higher_is_better', 'gte')).toBe(true);
    expect(comparatorFits('share_of_units', 'higher_is_better', 'lte')).toBe(false);
    expect(comparatorFits('share_of_units', 'higher_is_better', 'eq')).toBe(false);
    expect(comparatorFits('count_of_records', 'higher_is_better', 'eq')).toBe(true);
    expect(comparatorFits('ratio_of_sums', 'lower_is_better', 'lte')).toBe(true);
    const share = { measure: 'share_of_units' as const, unitOfMeasure: 'percent', direction: 'higher_is_better' as const, bounded: false };
    const t = { comparator: 'gte' as const, periodFrom: '2024-01', periodTo: '2024-12' };
    expect(checkTargetValue(share, { ...t, value: 100 })).toBeNull();
    expect(checkTargetValue(share, { ...t, value: 100.5 })?.code).toBe('TARGET_PERCENT_OVER_100');
    // A ratio of sums is bounded only when the indicator says so.
    const ratio = { ...share, measure: 'ratio_of_sums' as const };
    expect(checkTargetValue(ratio, { ...t, value: 120 })).toBeNull();
    expect(checkTargetValue({ ...ratio, bounded: true }, { ...t, value: 120 })?.code).toBe('TARGET_PERCENT_OVER_100');
  });
});
