import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayBefore,
  excelNumberFormat,
  fileNameDate,
  formatDate,
  formatDateTime,
  formatDocumentDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatterFor,
  formatVnd,
  isValidIsoDate,
  todayInVietnam,
  vietnamDay,
  vietnamDayEnd,
  vietnamDayStart,
  vietnamWallClock,
} from './format.js';

// Intl may put a no-break space (U+00A0 or U+202F) before "₫" or "%".
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('this runtime writes Vietnamese numbers the Vietnamese way', () => {
  it('has the ICU data for vi-VN (full-icu)', () => {
    expect(new Intl.NumberFormat('vi-VN').format(1165)).toBe('1.165');
    expect(new Intl.NumberFormat('vi-VN').format(94.92)).toBe('94,92');
  });
});

describe('numbers', () => {
  it('groups thousands with a dot and uses a decimal comma in Vietnamese', () => {
    expect(formatNumber(1165)).toBe('1.165');
    expect(formatNumber(10_500_000)).toBe('10.500.000');
    expect(formatNumber(45.5)).toBe('45,5');
    expect(formatNumber(1234.567)).toBe('1.234,57');
    expect(formatNumber(-1165)).toBe('-1.165');
    expect(formatNumber(0)).toBe('0');
  });
  it('uses English separators in the English interface', () => {
    expect(formatNumber(1165, { locale: 'en' })).toBe('1,165');
    expect(formatNumber(45.5, { locale: 'en' })).toBe('45.5');
  });
  it('takes the number of decimals asked for', () => {
    expect(formatNumber(2.345, { fractionDigits: 1 })).toBe('2,3');
    expect(formatNumber(2, { fractionDigits: 1, minFractionDigits: 1 })).toBe('2,0');
    expect(formatNumber(2.5, { fractionDigits: 0 })).toBe('3');
  });
  it('shows a dash (or what is asked) for a missing number', () => {
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(undefined)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(null, { empty: '' })).toBe('');
  });
});

describe('percentages', () => {
  it('takes a value already in percent', () => {
    expect(formatPercent(94.92)).toBe('94,92%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(33.333)).toBe('33,33%');
    expect(formatPercent(1234.5)).toBe('1.234,5%');
    expect(plain(formatPercent(94.92, { locale: 'en' }))).toBe('94.92%');
    expect(formatPercent(12.5, { fractionDigits: 0 })).toBe('13%');
    expect(formatPercent(null)).toBe('–');
  });
});

describe('VND', () => {
  it('writes whole đồng with grouping and the đồng sign', () => {
    expect(plain(formatVnd(2_340_000))).toBe('2.340.000 ₫');
    expect(plain(formatVnd(50_000_000))).toBe('50.000.000 ₫');
    expect(plain(formatVnd(2_340_000, { locale: 'en' }))).toBe('₫2,340,000');
    expect(formatVnd(undefined)).toBe('–');
  });
});

describe('dates', () => {
  it('writes a calendar day as dd/mm/yyyy without shifting it', () => {
    expect(formatDate('2024-01-19')).toBe('19/01/2024');
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
  });
  it('writes an instant as its Vietnam day', () => {
    expect(formatDate('2024-06-30T16:59:59Z')).toBe('30/06/2024');
    expect(formatDate('2024-06-30T17:00:00Z')).toBe('01/07/2024');
    expect(formatDate(new Date('2024-12-31T20:00:00Z'))).toBe('01/01/2025');
  });
  it('writes date and time in Vietnam time, whatever the machine zone', () => {
    expect(formatDateTime('2024-06-30T17:05:00Z')).toBe('01/07/2024 00:05');
    expect(formatDateTime('2024-01-19T01:30:00.000Z')).toBe('19/01/2024 08:30');
    expect(formatDateTime(new Date('2024-01-19T16:59:00+07:00'))).toBe('19/01/2024 16:59');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDate('1985-**-**')).toBe('1985-**-**');
  });
  it('writes months, file-name dates and the document date line', () => {
    expect(formatMonth('2024-03')).toBe('03/2024');
    expect(fileNameDate('2024-01-19')).toBe('19-01-2024');
    expect(formatDocumentDate('2024-01-19')).toBe('ngày 19 tháng 01 năm 2024');
    expect(formatDocumentDate('2024-02-05')).toBe('ngày 05 tháng 02 năm 2024');
    expect(formatDocumentDate('2024-11-05')).toBe('ngày 05 tháng 11 năm 2024');
  });
});

describe('Vietnam days', () => {
  it('gives the Vietnam day (UTC+7)', () => {
    expect(todayInVietnam(new Date('2024-06-30T16:59:59Z'))).toBe('2024-06-30');
    expect(todayInVietnam(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01');
    expect(vietnamDay('2024-12-31T17:00:00Z')).toBe('2025-01-01');
    expect(todayInVietnam()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('bounds a Vietnam day as instants', () => {
    expect(vietnamDayStart('2024-07-01').toISOString()).toBe('2024-06-30T17:00:00.000Z');
    expect(vietnamDayEnd('2024-07-01').toISOString()).toBe('2024-07-01T17:00:00.000Z');
    expect(vietnamDayEnd('2024-12-31').toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });
  it('reads an instant as the Vietnam wall clock for spreadsheets', () => {
    expect(vietnamWallClock('2024-06-30T17:05:09.250Z').toISOString()).toBe('2024-07-01T00:05:09.250Z');
  });
  it('moves and checks calendar days', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('29/02/2024')).toBe(false);
  });
});

describe('formatterFor', () => {
  it('binds the interface language', () => {
    expect(formatterFor('vi').number(1165)).toBe('1.165');
    expect(formatterFor('en').number(1165)).toBe('1,165');
    expect(formatterFor('vi').percent(45.5)).toBe('45,5%');
  });
});

describe('excelNumberFormat', () => {
  it('keeps whole numbers free of a dangling decimal mark', () => {
    expect(excelNumberFormat(1165)).toBe('#,##0');
    expect(excelNumberFormat(1165.0001)).toBe('#,##0');
    expect(excelNumberFormat(45.5)).toBe('#,##0.0');
    expect(excelNumberFormat(45.567)).toBe('#,##0.00');
    expect(excelNumberFormat(45.567, 1)).toBe('#,##0.0');
    expect(excelNumberFormat(null)).toBe('#,##0');
  });
});
