// Small labels of the review side: a period's name, a report's status tag.
import { Tag } from 'antd';
import type { ReportStatus } from '../../../../common/reports';
import { useI18n } from '../../app/i18n';
import type { ReportPeriod } from './review-api';

export function usePeriodLabel() {
  const { t } = useI18n();
  return (p: Pick<ReportPeriod, 'kind' | 'factMonth'>) => {
    const year = p.factMonth.slice(0, 4);
    if (p.kind === 'half_year') return t('reports.periodHalfYear', { year });
    if (p.kind === 'year') return t('reports.periodYear', { year });
    return t('reports.periodMonthly', { month: p.factMonth.slice(5, 7), year });
  };
}

const STATUS_COLOR: Record<ReportStatus, string> = { draft: 'default', submitted: 'processing', returned: 'warning', approved: 'success' };

export function ReviewStatusTag({ status, locked }: { status: ReportStatus | null; locked?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={status ? STATUS_COLOR[status] : 'default'}>{status ? t(`reports.status_${status}`) : t('reports.state_not_started')}</Tag>
      {locked && <Tag color="red">{t('reports.locked')}</Tag>}
    </>
  );
}
