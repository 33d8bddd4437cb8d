import { describe, expect, it } from 'vitest';
import { judgeUnitCell, type UnitTargetRule } from './unit-status.js';

const ratio: UnitTargetRule = { measure: 'ratio_of_sums', comparator: 'gte', targetValue: 96, tolerance: 5, unitOfMeasure: 'percent' };
const share: UnitTargetRule = { measure: 'share_of_units', comparator: 'gte', targetValue: 100, tolerance: 5, unitOfMeasure: 'percent' };
const sum: UnitTargetRule = { measure: 'sum', comparator: 'gte', targetValue: 10, tolerance: 2, unitOfMeasure: 'people' };
const count: UnitTargetRule = { measure: 'count_of_units', comparator: 'gte', targetValue: 15, tolerance: 2, unitOfMeasure: 'count' };

describe('judging one unit against its own target', () => {
  it('inherits a ratio and says what the unit still owes', () => {
    expect(judgeUnitCell(ratio, { state: 'reported', value: 93, meets: null, allocated: null }, 0.9)).toEqual({
      basis: 'inherited',
      ownTarget: 96,
      ownValue: 93,
      status: 'at_risk',
      owed: 3,
    });
    expect(judgeUnitCell(ratio, { state: 'reported', value: 98, meets: null, allocated: null }, 0.9)).toMatchObject({
      status: 'achieved',
      owed: 0,
    });
  });

  it('counts a share-of-units condition as 100 % or 0 % for the unit', () => {
    expect(judgeUnitCell(share, { state: 'reported', value: null, meets: true, allocated: null }, 0.5)).toMatchObject({
      ownValue: 100,
      status: 'achieved',
    });
    expect(judgeUnitCell(share, { state: 'reported', value: null, meets: false, allocated: null }, 0.5)).toMatchObject({
      ownValue: 0,
      status: 'off_track',
    });
  });

  it('judges an allocated share as it builds up, and leaves an unsplit total unjudged', () => {
    expect(judgeUnitCell(sum, { state: 'reported', value: 2, meets: null, allocated: 4 }, 0.5)).toMatchObject({
      basis: 'allocated',
      ownTarget: 4,
      status: 'on_track',
      owed: 2,
    });
    expect(judgeUnitCell(sum, { state: 'reported', value: 2, meets: null, allocated: null }, 0.5)).toMatchObject({
      basis: 'none',
      status: null,
      owed: null,
    });
  });

  it('marks a count-of-units condition not yet met as at risk, and no data as no data', () => {
    expect(judgeUnitCell(count, { state: 'reported', value: null, meets: false, allocated: null }, 0.5)).toMatchObject({
      basis: 'condition',
      status: 'at_risk',
    });
    expect(judgeUnitCell(ratio, { state: 'no_data', value: null, meets: null, allocated: null }, 0.5)).toMatchObject({
      status: 'no_data',
      owed: 96,
    });
    expect(judgeUnitCell(ratio, { state: 'not_applicable', value: null, meets: null, allocated: null }, 0.5).status).toBeNull();
  });
});
