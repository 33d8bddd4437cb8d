// Shared display pieces for targets: status colours and tags, value formatting.
import { Tag } from 'antd';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { useFormat } from '../../lib/format';
import type { Comparator, TargetStatus, UnitState } from './api';

/** achieved green, on track blue, at risk orange, off track red, no data grey. */
export const STATUS_COLORS: Record<TargetStatus, { tag: string; hex: string }> = {
  achieved: { tag: 'green', hex: '#52c41a' },
  on_track: { tag: 'blue', hex: '#1677ff' },
  at_risk: { tag: 'orange', hex: '#fa8c16' },
  off_track: { tag: 'red', hex: '#f5222d' },
  no_data: { tag: 'default', hex: '#bfbfbf' },
};

export const STATE_COLORS: Record<UnitState, string> = {
  reported: 'blue',
  ineligible: 'purple',
  not_applicable: 'default',
  no_data: 'orange',
};

export function StatusTag({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status].tag} data-testid={`status-${status}`}>
      {t(`targets.status.${status}` as MessageKey)}
    </Tag>
  );
}

export function StateTag({ state }: { state: UnitState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`targets.state.${state}` as MessageKey)}</Tag>;
}

/** "45,5%", "120 người", "8" — the value with its unit of measure (plain counts and ratios have no label). */
export function useFormatValue() {
  const { t } = useI18n();
  const fmt = useFormat();
  return (value: number | null | undefined, unitOfMeasure: string) => {
    if (value === null || value === undefined) return '–';
    if (unitOfMeasure === 'percent') return fmt.percent(value);
    const unit = t(`targets.uom.${unitOfMeasure}` as MessageKey);
    const known = unit !== `targets.uom.${unitOfMeasure}`;
    if (!known || !unit) return fmt.number(value);
    return `${fmt.number(value)} ${unit}`;
  };
}

export function useComparatorLabel() {
  const { t } = useI18n();
  return (c: Comparator) => t(`targets.comparator.${c}` as MessageKey);
}

export { formatMonth } from '../../lib/dates';

/**
 * How far the current value is toward the target (0..100) for the progress bar:
 * value ÷ target for "at least" targets, target ÷ value for "at most".
 */
export function progressPercent(value: number | null, target: number, comparator: Comparator): number {
  if (value === null) return 0;
  if (comparator === 'lte') return value <= target ? 100 : target <= 0 ? 0 : Math.max(0, Math.min(100, (target / value) * 100));
  if (target <= 0) return 100;
  return Math.max(0, Math.min(100, (value / target) * 100));
}
