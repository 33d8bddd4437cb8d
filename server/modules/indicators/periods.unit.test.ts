import { describe, expect, it } from 'vitest';
import { activeMonths, elapsedShare, monthsIn, standardPeriod } from './periods.js';

describe('periods', () => {
  it('lists the months of a period', () => {
    expect(monthsIn({ from: '2024-11', to: '2025-02' })).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(standardPeriod(2024, 'half_year')).toEqual({ from: '2024-01', to: '2024-06' });
    expect(standardPeriod(2024, 'month', 3)).toEqual({ from: '2024-03', to: '2024-03' });
  });
  it('counts a unit only for the months it existed', () => {
    const year = standardPeriod(2024, 'year');
    expect(activeMonths(year, '2024-08-15', null)).toEqual(['2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(activeMonths(year, '2005-01-01', '2024-03-31')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(activeMonths(year, '2025-07-01', null)).toEqual([]);
  });
  it('gives the share of the period elapsed', () => {
    const year = standardPeriod(2024, 'year');
    expect(elapsedShare(year, '2024-06-15')).toBe(0.5);
    expect(elapsedShare(year, '2023-12-31')).toBe(0);
    expect(elapsedShare(year, '2025-03-01')).toBe(1);
  });
});
