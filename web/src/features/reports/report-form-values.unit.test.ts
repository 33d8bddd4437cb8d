import { describe, expect, it } from 'vitest';
import type { ReportField } from './report-form-api';
import { boundOf, formKeyOf, typedNumber } from './report-form-values';

describe('report form values', () => {
  it('reads numbers as typed on a Vietnamese phone', () => {
    expect(typedNumber('', false)).toBeNull();
    expect(typedNumber(' 12 ', true)).toBe(12);
    expect(typedNumber('1,5', false)).toBe(1.5);
    expect(typedNumber('1.234', true)).toBe(1234);
    expect(typedNumber('-3', true)).toBe(-3);
    expect(typedNumber('12a', true)).toBeNaN();
  });
  it('maps the server’s field paths to the form’s keys', () => {
    expect(formKeyOf('values.0f9c7a2e-0000-4000-8000-000000000001')).toBe('0f9c7a2e-0000-4000-8000-000000000001');
    expect(formKeyOf('narratives.2')).toBe('narrative:2');
    expect(formKeyOf('difficulties')).toBe('difficulties');
  });
  it('checks a bound against the value typed beside it, as the server does', () => {
    const workers = '0f9c7a2e-0000-4000-8000-000000000002';
    const members = '0f9c7a2e-0000-4000-8000-000000000003';
    const field = (patch: Partial<ReportField>): ReportField => ({
      dataElementId: '0f9c7a2e-0000-4000-8000-000000000001',
      code: 'reached',
      label: 'Được tuyên truyền',
      help: null,
      valueType: 'number',
      wholeNumber: true,
      allowsNotApplicable: false,
      gradeOptions: null,
      derived: false,
      upperBound: 42,
      upperBoundLabel: 'Số đoàn viên, CNVCLĐ',
      upperBoundElementId: null,
      upperBoundAddend: null,
      value: null,
      ...patch,
    });
    // Members at month end (40) plus the workers who are not members, as typed.
    const reached = field({ upperBoundElementId: members, upperBoundAddend: { dataElementId: workers, base: 40 } });
    expect(boundOf(reached, {})).toBe(42);
    expect(boundOf(reached, { [workers]: { number: 5 } })).toBe(45);
    expect(boundOf(reached, { [workers]: { number: Number.NaN } })).toBe(42);
    expect(boundOf(reached, { [workers]: { notApplicable: true } })).toBe(40);
    // A bound reported in the same form.
    const trained = field({ upperBoundElementId: members });
    expect(boundOf(trained, { [members]: { number: 30 } })).toBe(30);
    expect(boundOf(trained, {})).toBe(42);
  });
});
