// Target 7a: admissions (what the target counts) and, beside them, the net change
// (admissions − departures) over the same units and months.
import { Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useFormat } from '../../lib/format';
import type { TargetProgress } from './api';

export function NetChange({ item }: { item: Pick<TargetProgress, 'value' | 'departures' | 'netChange'> }) {
  const { t } = useI18n();
  const fmt = useFormat();
  if (item.netChange === null || item.departures === null) return null;
  return (
    <Typography.Text type="secondary" data-testid="net-change">
      {t('targets.netChange', {
        value: `${item.netChange > 0 ? '+' : ''}${fmt.number(item.netChange)}`,
        admitted: fmt.number(item.value ?? 0),
        departures: fmt.number(item.departures),
      })}
    </Typography.Text>
  );
}
