import { describe, expect, it } from 'vitest';
import { judgeTargetStatus, type TargetRule } from './status.js';

const share96: TargetRule = { comparator: 'gte', value: 96, tolerance: 3, accumulation: 'level' };
const plus10: TargetRule = { comparator: 'gte', value: 10, tolerance: 2, accumulation: 'cumulative' };

describe('judgeTargetStatus', () => {
  it('reports no data as such, never as zero', () => {
    expect(judgeTargetStatus(share96, null, 0.5)).toBe('no_data');
  });
  it('judges a level target (≥96%) against the value itself', () => {
    expect(judgeTargetStatus(share96, 97, 0.5)).toBe('achieved');
    expect(judgeTargetStatus(share96, 94, 0.5)).toBe('at_risk');
    expect(judgeTargetStatus(share96, 80, 0.5)).toBe('off_track');
    expect(judgeTargetStatus(share96, 94, 1)).toBe('at_risk');
  });
  it('judges a cumulative target (+10 members) against the share due by now', () => {
    expect(judgeTargetStatus(plus10, 10, 0.4)).toBe('achieved');
    expect(judgeTargetStatus(plus10, 5, 0.5)).toBe('on_track');
    expect(judgeTargetStatus(plus10, 4, 0.5)).toBe('at_risk');
    expect(judgeTargetStatus(plus10, 1, 0.5)).toBe('off_track');
    expect(judgeTargetStatus(plus10, 9, 1)).toBe('at_risk');
    expect(judgeTargetStatus(plus10, 6, 1)).toBe('off_track');
  });
  it('mirrors for ≤ targets', () => {
    const atMost: TargetRule = { comparator: 'lte', value: 5, tolerance: 1, accumulation: 'level' };
    expect(judgeTargetStatus(atMost, 4, 0.5)).toBe('achieved');
    expect(judgeTargetStatus(atMost, 6, 0.5)).toBe('at_risk');
    expect(judgeTargetStatus(atMost, 9, 0.5)).toBe('off_track');
  });
  it('judges = targets by the gap', () => {
    const exactly: TargetRule = { comparator: 'eq', value: 2, tolerance: 1, accumulation: 'level' };
    expect(judgeTargetStatus(exactly, 2, 0.2)).toBe('achieved');
    expect(judgeTargetStatus(exactly, 1, 0.2)).toBe('on_track');
    expect(judgeTargetStatus(exactly, 1, 1)).toBe('at_risk');
    expect(judgeTargetStatus(exactly, 5, 1)).toBe('off_track');
  });
  it('judges a cumulative = target (exactly 2 houses) against the share due by now until the end', () => {
    const twoHouses: TargetRule = { comparator: 'eq', value: 2, tolerance: 0, accumulation: 'cumulative' };
    expect(judgeTargetStatus(twoHouses, 1, 0.5)).toBe('on_track');
    expect(judgeTargetStatus(twoHouses, 0, 0.5)).toBe('off_track');
    expect(judgeTargetStatus(twoHouses, 2, 0.5)).toBe('achieved');
    expect(judgeTargetStatus(twoHouses, 3, 0.5)).toBe('off_track');
    expect(judgeTargetStatus(twoHouses, 1, 1)).toBe('off_track');
  });
});
