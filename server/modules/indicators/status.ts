// Judging a target's progress (tình trạng thực hiện chỉ tiêu): achieved, on
// track, at risk, off track, or no data. Pure logic, shared by every dashboard.

import type { TargetComparator, TargetStatus } from '../../../common/indicators.js';
export { TARGET_STATUSES, type TargetStatus } from '../../../common/indicators.js';

export type Comparator = TargetComparator;

/**
 * "level" measures (ratios, shares, averages) are compared as they stand;
 * "cumulative" measures (sums, counts) build up over the period and are
 * compared with the share of the target due by now.
 */
export type Accumulation = 'level' | 'cumulative';

export interface TargetRule {
  comparator: Comparator;
  value: number;
  /** Width of the tolerance band, in the target's unit (e.g. 5 percentage points, 2 members). */
  tolerance: number;
  accumulation: Accumulation;
}

/**
 * @param current the computed value, or null when no unit has reported
 * @param elapsed the share of the period gone by, 0..1 (1 at or after its end)
 */
export function judgeTargetStatus(rule: TargetRule, current: number | null, elapsed: number): TargetStatus {
  if (current === null || Number.isNaN(current)) return 'no_data';
  const progress = Math.min(1, Math.max(0, elapsed));
  const { comparator, value, tolerance } = rule;
  if (comparator === 'eq' && rule.accumulation === 'cumulative' && progress < 1 && current < value) {
    // "Exactly 2 houses" building up: judged like "at least" against the share due by now.
    const shortfall = value * progress - current;
    if (shortfall <= 0) return 'on_track';
    return shortfall <= tolerance ? 'at_risk' : 'off_track';
  }
  if (comparator === 'eq') {
    const gap = Math.abs(current - value);
    if (gap === 0) return 'achieved';
    if (progress < 1 && gap <= tolerance) return 'on_track';
    return gap <= 2 * tolerance ? 'at_risk' : 'off_track';
  }
  if (comparator === 'gte' ? current >= value : current <= value) return 'achieved';
  // Where the value should stand by now.
  const due = rule.accumulation === 'cumulative' && comparator === 'gte' ? value * progress : value;
  const shortfall = comparator === 'gte' ? due - current : current - due;
  if (progress >= 1) return shortfall <= tolerance ? 'at_risk' : 'off_track';
  if (shortfall <= 0) return 'on_track';
  return shortfall <= tolerance ? 'at_risk' : 'off_track';
}
