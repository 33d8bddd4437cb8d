// Judging ONE unit against a target (chỉ tiêu của đơn vị): what the unit owes
// and how it stands — for a chair's own view and the leader's matrix. Pure
// logic over one engine row (compute-unit-cells.ts), sharing judgeTargetStatus.
import { CUMULATIVE_MEASURES, type Measure, type UnitState, type UnitTargetBasis } from '../../../common/indicators.js';
import { roundValue } from './compute-targets.js';
import { judgeTargetStatus, type Comparator, type TargetStatus } from './status.js';

export interface UnitTargetRule {
  measure: Measure;
  comparator: Comparator;
  /** The target's value for the whole scope. */
  targetValue: number;
  tolerance: number;
  unitOfMeasure: string;
}

export interface UnitCellFacts {
  state: UnitState;
  /** The unit's own value (ratio, sum, average contribution, record count); null for share/count of units. */
  value: number | null;
  /** Share / count of units: whether the unit meets the condition. */
  meets: boolean | null;
  /** The unit's allocated share, when the total was split. */
  allocated: number | null;
}

export interface UnitJudgement {
  basis: UnitTargetBasis;
  /** The value the unit is held to (its share, or the inherited percentage/average); null for a condition or none. */
  ownTarget: number | null;
  /** The value judged (a condition counts as 100 % / 1 when met, 0 when not). */
  ownValue: number | null;
  /** null: the unit is not judged (not applicable, not eligible, or a total it only contributes to). */
  status: TargetStatus | null;
  /** What the unit still owes toward its own target (0 when reached); null when it has none. */
  owed: number | null;
}

/**
 * - a total split among units (sum, count of units, count of records with an
 *   allocation): the unit's value against its share, building up over the
 *   period, the tolerance scaled to the share (as compute-allocation-progress);
 * - ratios and averages: the parent's value inherited, judged as it stands;
 * - share of units: the unit counts as 100 % when it meets the condition, 0 % when not;
 * - count of units without a share: met → achieved, not (yet) met → at risk;
 * - a sum or count of records without a share: not judged (the unit contributes).
 */
export function judgeUnitCell(rule: UnitTargetRule, cell: UnitCellFacts, elapsed: number): UnitJudgement {
  const cumulative = CUMULATIVE_MEASURES.includes(rule.measure);
  const conditionValue = cell.meets === null ? null : cell.meets ? (rule.unitOfMeasure === 'percent' ? 100 : 1) : 0;
  const isCondition = rule.measure === 'share_of_units' || rule.measure === 'count_of_units';
  const judged = cell.state === 'reported' || cell.state === 'no_data';
  const skip = (basis: UnitTargetBasis, ownTarget: number | null, ownValue: number | null): UnitJudgement => ({
    basis,
    ownTarget,
    ownValue,
    status: cell.state === 'no_data' ? 'no_data' : null,
    owed: cell.state === 'no_data' ? ownTarget : null,
  });

  if (cumulative && cell.allocated !== null) {
    const ownValue = isCondition ? conditionValue : cell.value;
    if (!judged || cell.state === 'no_data') return skip('allocated', cell.allocated, ownValue);
    const tolerance = rule.targetValue > 0 ? (rule.tolerance * cell.allocated) / rule.targetValue : rule.tolerance;
    const status = judgeTargetStatus(
      { comparator: rule.comparator, value: cell.allocated, tolerance, accumulation: 'cumulative' },
      ownValue ?? 0,
      elapsed,
    );
    return {
      basis: 'allocated',
      ownTarget: cell.allocated,
      ownValue: ownValue ?? 0,
      status,
      owed: owedOf(rule.comparator, cell.allocated, ownValue ?? 0),
    };
  }
  if (rule.measure === 'count_of_units') {
    if (cell.state !== 'reported') return skip('condition', null, null);
    return { basis: 'condition', ownTarget: null, ownValue: conditionValue, status: cell.meets ? 'achieved' : 'at_risk', owed: null };
  }
  if (cumulative)
    return { basis: 'none', ownTarget: null, ownValue: cell.value, status: cell.state === 'no_data' ? 'no_data' : null, owed: null };

  const ownValue = isCondition ? conditionValue : cell.value;
  if (cell.state !== 'reported') return skip('inherited', rule.targetValue, ownValue);
  const status = judgeTargetStatus(
    { comparator: rule.comparator, value: rule.targetValue, tolerance: rule.tolerance, accumulation: 'level' },
    ownValue,
    elapsed,
  );
  return {
    basis: 'inherited',
    ownTarget: rule.targetValue,
    ownValue,
    status,
    owed: ownValue === null ? null : owedOf(rule.comparator, rule.targetValue, ownValue),
  };
}

function owedOf(comparator: Comparator, target: number, value: number): number {
  const gap = comparator === 'lte' ? value - target : target - value;
  return roundValue(Math.max(0, gap));
}
