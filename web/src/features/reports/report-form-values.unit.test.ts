import { describe, expect, it } from 'vitest';
import type { ReportField } from './report-form-api';
import { boundOf, derivedMarkOf, formKeyOf, typedNumber } from './report-form-values';

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
      derivedFrom: null,
      records: null,
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
  it('marks derived figures by their source, with the link to the records behind a figure from records', () => {
    const unitId = '0f9c7a2e-0000-4000-8000-0000000000aa';
    const base: ReportField = {
      dataElementId: '0f9c7a2e-0000-4000-8000-000000000010',
      code: 'x',
      label: 'x',
      help: null,
      valueType: 'number',
      wholeNumber: false,
      allowsNotApplicable: false,
      gradeOptions: null,
      derived: false,
      derivedFrom: null,
      records: null,
      upperBound: null,
      upperBoundLabel: null,
      upperBoundElementId: null,
      upperBoundAddend: null,
      value: null,
    };
    expect(derivedMarkOf(base, unitId)).toBeNull();
    expect(derivedMarkOf({ ...base, derived: true, derivedFrom: 'active_members' }, unitId)).toEqual({ kind: 'registry' });
    const inspections = {
      ...base,
      derived: true,
      derivedFrom: 'inspections_done' as const,
      records: { from: '2024-01-01', to: '2024-06-30' },
    };
    expect(derivedMarkOf(inspections, unitId)).toEqual({
      kind: 'records',
      href: `/activities?unitId=${unitId}&elementId=${base.dataElementId}&from=2024-01-01&to=2024-06-30`,
    });
  });
});
