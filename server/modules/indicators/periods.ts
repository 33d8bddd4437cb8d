// Reporting periods (kỳ báo cáo) as month ranges, and how much of a period a
// unit existed in. Dates are ISO 'YYYY-MM-DD', months 'YYYY-MM'.

export interface MonthRange {
  from: string; // 'YYYY-MM'
  to: string; // 'YYYY-MM', inclusive
}

export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y! * 12 + (m! - 1);
}

export function monthFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

export function monthsIn(range: MonthRange): string[] {
  const out: string[] = [];
  for (let i = monthIndex(range.from); i <= monthIndex(range.to); i++) out.push(monthFromIndex(i));
  return out;
}

/** The year's standard periods: month n, half year (data to June), year (data to November). */
export function standardPeriod(year: number, kind: 'month' | 'half_year' | 'year', month = 1): MonthRange {
  if (kind === 'month') return { from: monthFromIndex(year * 12 + month - 1), to: monthFromIndex(year * 12 + month - 1) };
  if (kind === 'half_year') return { from: `${year}-01`, to: `${year}-06` };
  return { from: `${year}-01`, to: `${year}-12` };
}

/**
 * The months of the range in which a unit existed for at least one day
 * (a unit founded on 15/08 counts from August; one ended on 30/06 until June).
 */
export function activeMonths(range: MonthRange, validFrom: string, validTo: string | null): string[] {
  const first = Math.max(monthIndex(range.from), monthIndex(validFrom.slice(0, 7)));
  const last = Math.min(monthIndex(range.to), validTo ? monthIndex(validTo.slice(0, 7)) : Number.MAX_SAFE_INTEGER);
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(monthFromIndex(i));
  return out;
}

/** Share of the range elapsed on a date (0 before it starts, 1 from its last month on). */
export function elapsedShare(range: MonthRange, asOf: string): number {
  const total = monthIndex(range.to) - monthIndex(range.from) + 1;
  const done = monthIndex(asOf.slice(0, 7)) - monthIndex(range.from) + 1;
  return Math.min(1, Math.max(0, done / total));
}
