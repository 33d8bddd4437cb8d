// One place for how dates and numbers are written, shared by the server (exports,
// documents, messages) and the web (every page). Built on Intl only: no DOM, no
// Node-only API, no time-zone library.
//
// - Dates are calendar days 'YYYY-MM-DD' in the API and dd/mm/yyyy for people.
// - Instants (timestamps) are shown in Vietnam time (Asia/Ho_Chi_Minh), whatever
//   the browser's or the server's zone.
// - Numbers follow the reader's language: Vietnamese (vi-VN, the first language,
//   and always used for documents and exports) writes "1.165" and "94,92%";
//   the English interface uses en-GB ("1,165", "94.92%", dates still dd/mm/yyyy).
import type { Locale } from './enums.js';

/** The zone users think in ("giờ Việt Nam"). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The Intl locale used for each interface language. */
export const INTL_LOCALES: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Shown for a missing number ("chưa có số liệu"). */
export const NO_VALUE = '–';

type Instant = Date | string | number;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------
// Vietnam wall clock

const vietnamParts = new Intl.DateTimeFormat('en-US', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** The Vietnam calendar day and clock time of an instant. */
function wallClock(instant: Instant): WallClock {
  const parts: Record<string, string> = {};
  for (const p of vietnamParts.formatToParts(toDate(instant))) parts[p.type] = p.value;
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    // Some ICU versions write midnight as "24" even with h23.
    hour: parts.hour === '24' ? '00' : parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Today in Vietnam as 'YYYY-MM-DD': the day users think in (not the server's or browser's day). */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDay(now);
}

/** The Vietnam calendar day ('YYYY-MM-DD') an instant falls on. */
export function vietnamDay(instant: Instant): string {
  const c = wallClock(instant);
  return `${c.year}-${c.month}-${c.day}`;
}

/**
 * A Date whose UTC fields read as the Vietnam wall-clock time of the instant.
 * For spreadsheets: Excel has no time zones, so a cell holds the time people read.
 */
export function vietnamWallClock(instant: Instant): Date {
  const c = wallClock(instant);
  const ms = toDate(instant).getUTCMilliseconds();
  return new Date(Date.UTC(+c.year, +c.month - 1, +c.day, +c.hour, +c.minute, +c.second, ms));
}

/** Vietnam's offset from UTC at an instant, in milliseconds (+7 h since 1975). */
function vietnamOffsetMs(instant: Date): number {
  return vietnamWallClock(instant).getTime() - instant.getTime();
}

/** Start (00:00 Vietnam time) of a Vietnam calendar day, as an instant. */
export function vietnamDayStart(isoDay: string): Date {
  const guess = new Date(`${isoDay}T00:00:00Z`);
  return new Date(guess.getTime() - vietnamOffsetMs(guess));
}

/** Start of the Vietnam day after isoDay: the exclusive end of an inclusive "to" day. */
export function vietnamDayEnd(isoDay: string): Date {
  return vietnamDayStart(addDays(isoDay, 1));
}

// ---------------------------------------------------------------------------
// Calendar days 'YYYY-MM-DD'

/** True for a real calendar day written 'YYYY-MM-DD' (no 30/02). */
export function isValidIsoDate(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 'YYYY-MM-DD' moved by a number of days (negative goes back). */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' of the day before. */
export function dayBefore(isoDay: string): string {
  return addDays(isoDay, -1);
}

// ---------------------------------------------------------------------------
// Dates for people

/**
 * dd/mm/yyyy. A calendar day 'YYYY-MM-DD' is written as it is (no zone shift);
 * an instant (a timestamp or Date) is written as its Vietnam day. Empty for nothing;
 * text that is no date at all is given back as it is (never an exception in a page).
 */
export function formatDate(value: Instant | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = ISO_DAY.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  if (Number.isNaN(toDate(value).getTime())) return String(value);
  const c = wallClock(value);
  return `${c.day}/${c.month}/${c.year}`;
}

/** An instant as 'dd/mm/yyyy HH:mm' in Vietnam time. Empty for nothing. */
export function formatDateTime(value: Instant | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (Number.isNaN(toDate(value).getTime())) return String(value);
  const c = wallClock(value);
  return `${c.day}/${c.month}/${c.year} ${c.hour}:${c.minute}`;
}

/** 'YYYY-MM' → 'mm/yyyy'. */
export function formatMonth(yearMonth: string): string {
  return `${yearMonth.slice(5, 7)}/${yearMonth.slice(0, 4)}`;
}

/** 'YYYY-MM-DD' → 'dd-mm-yyyy', for file names (no slashes). */
export function fileNameDate(isoDay: string): string {
  return formatDate(isoDay).replaceAll('/', '-');
}

/**
 * The date line of a union document: "ngày 19 tháng 01 năm 2024". Days below 10
 * and months 1 and 2 take a leading 0 (Nghị định 30/2020/NĐ-CP); always Vietnamese.
 */
export function formatDocumentDate(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

// ---------------------------------------------------------------------------
// Numbers

export interface NumberFormatOptions {
  /** Interface language; Vietnamese unless said otherwise. */
  locale?: Locale;
  /** At most this many digits after the decimal mark (default 2 for numbers and percentages, 0 for VND). */
  fractionDigits?: number;
  /** At least this many digits after the decimal mark (default 0). */
  minFractionDigits?: number;
  /** Shown for null, undefined or NaN (default "–"). */
  empty?: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALES[locale], options);
    formatters.set(key, f);
  }
  return f;
}

function digits(o: NumberFormatOptions, defaultMax: number): { minimumFractionDigits: number; maximumFractionDigits: number } {
  const max = o.fractionDigits ?? defaultMax;
  return { minimumFractionDigits: Math.min(o.minFractionDigits ?? 0, max), maximumFractionDigits: max };
}

const missing = (n: number | null | undefined): n is null | undefined => n === null || n === undefined || Number.isNaN(n);

/** "1.165", "45,5" (vi) / "1,165", "45.5" (en). */
export function formatNumber(n: number | null | undefined, o: NumberFormatOptions = {}): string {
  if (missing(n)) return o.empty ?? NO_VALUE;
  return numberFormat(o.locale ?? 'vi', digits(o, 2)).format(n);
}

/** A value already in percent (94.92 means 94,92 %): "94,92%" (vi) / "94.92%" (en). */
export function formatPercent(percent: number | null | undefined, o: NumberFormatOptions = {}): string {
  if (missing(percent)) return o.empty ?? NO_VALUE;
  return numberFormat(o.locale ?? 'vi', { style: 'percent', ...digits(o, 2) }).format(percent / 100);
}

/** An amount in đồng (integers): "2.340.000 ₫" (vi) / "₫2,340,000" (en). */
export function formatVnd(amount: number | null | undefined, o: NumberFormatOptions = {}): string {
  if (missing(amount)) return o.empty ?? NO_VALUE;
  return numberFormat(o.locale ?? 'vi', { style: 'currency', currency: 'VND', ...digits(o, 0) }).format(amount);
}

/** All formatters bound to one language (the web binds the interface language once). */
export function formatterFor(locale: Locale) {
  return {
    locale,
    number: (n: number | null | undefined, o: Omit<NumberFormatOptions, 'locale'> = {}) => formatNumber(n, { ...o, locale }),
    percent: (n: number | null | undefined, o: Omit<NumberFormatOptions, 'locale'> = {}) => formatPercent(n, { ...o, locale }),
    vnd: (n: number | null | undefined, o: Omit<NumberFormatOptions, 'locale'> = {}) => formatVnd(n, { ...o, locale }),
    date: formatDate,
    dateTime: formatDateTime,
    month: formatMonth,
  };
}

export type Formatter = ReturnType<typeof formatterFor>;

// ---------------------------------------------------------------------------
// Spreadsheet cells: real numbers with a number format, so Excel shows the
// reader's separators (a Vietnamese Excel writes 1.165,5) and can still sum.

/** Excel number format of a whole number with thousands grouping. */
export const EXCEL_INTEGER = '#,##0';
/** Excel format of a date cell. */
export const EXCEL_DATE = 'dd/mm/yyyy';
/** Excel format of a date-and-time cell (Vietnam wall clock, see vietnamWallClock). */
export const EXCEL_DATE_TIME = 'dd/mm/yyyy hh:mm';

/**
 * The Excel number format for one value: whole numbers without a dangling
 * decimal mark ("#,##0"), others with as many decimals as they need, up to fractionDigits.
 */
export function excelNumberFormat(value: number | null | undefined, fractionDigits = 2): string {
  if (missing(value) || fractionDigits <= 0) return EXCEL_INTEGER;
  const rounded = Number(value.toFixed(fractionDigits));
  if (Number.isInteger(rounded)) return EXCEL_INTEGER;
  const decimals = Math.min(fractionDigits, String(rounded).split('.')[1]?.length ?? 0);
  return `${EXCEL_INTEGER}.${'0'.repeat(decimals)}`;
}
