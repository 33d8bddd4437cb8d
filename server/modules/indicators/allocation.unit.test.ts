import { describe, expect, it } from 'vitest';
import { allocateProportionally, allocationGap } from './allocation.js';

describe('allocateProportionally', () => {
  it('splits +10 members in proportion to member counts and adds up exactly', () => {
    const out = allocateProportionally(10, [
      { unitId: 'a', weight: 45 },
      { unitId: 'b', weight: 30 },
      { unitId: 'c', weight: 15 },
      { unitId: 'd', weight: 10 },
    ]);
    expect(Object.fromEntries(out)).toEqual({ a: 5, b: 3, c: 1, d: 1 });
    expect(allocationGap(10, out.values())).toBe(0);
  });
  it('gives remainders to the largest fractions, stably', () => {
    const out = allocateProportionally(2, [
      { unitId: 'x', weight: 1 },
      { unitId: 'y', weight: 1 },
      { unitId: 'z', weight: 1 },
    ]);
    expect(Object.fromEntries(out)).toEqual({ x: 1, y: 1, z: 0 });
  });
  it('gives nothing to units without weight and handles an empty total', () => {
    expect(
      Object.fromEntries(
        allocateProportionally(3, [
          { unitId: 'a', weight: 0 },
          { unitId: 'b', weight: 5 },
        ]),
      ),
    ).toEqual({ a: 0, b: 3 });
    expect(Object.fromEntries(allocateProportionally(0, [{ unitId: 'a', weight: 1 }]))).toEqual({ a: 0 });
  });
  it('reports when hand allocations do not add up', () => {
    expect(allocationGap(15, [5, 5, 4])).toBe(-1);
    expect(allocationGap(2, [1, 2])).toBe(1);
  });
});
