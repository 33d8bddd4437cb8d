import { describe, expect, it } from 'vitest';
import { formKeyOf, typedNumber } from './report-form-values';

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
});
