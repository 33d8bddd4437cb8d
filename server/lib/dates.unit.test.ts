import { describe, expect, it } from 'vitest';
import { dayBefore, isValidIsoDate, todayInVietnam } from './dates.js';

describe('dates', () => {
  it('gives the Vietnam day (UTC+7)', () => {
    expect(todayInVietnam(new Date('2024-06-30T16:59:59Z'))).toBe('2024-06-30');
    expect(todayInVietnam(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01');
  });
  it('steps back one day across months and leap years', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
  it('accepts only real calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-13-01')).toBe(false);
    expect(isValidIsoDate('01/06/2024')).toBe(false);
  });
});
