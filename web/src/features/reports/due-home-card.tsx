// "Báo cáo cần làm" on home: a chair sees first what is due.
import { FileDoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { LightCard } from '../../lib/light-card';
import { useDueReports } from './due-api';
import { DueList, sortDue } from './due-list';

const HOME_MAX = 5;

export function DueReportsHomeCard() {
  const { t } = useI18n();
  const due = useDueReports('open');
  const items = due.data ?? [];
  return (
    <LightCard
      title={
        <span>
          <FileDoneOutlined /> {t('reports.dueTitle')}
        </span>
      }
      extra={<Link to="/reports">{t('reports.dueSeeAll')}</Link>}
      loading={due.isLoading}
      style={{ marginBottom: 16 }}
      data-testid="due-home-card"
    >
      {due.error ? (
        <span className="report-muted">{(due.error as Error).message}</span>
      ) : (
        <DueList
          // The first five by urgency (returned, overdue, nearest deadline), not the first five sent.
          items={sortDue(items).slice(0, HOME_MAX)}
          showUnit={new Set(items.map((i) => i.unit.id)).size > 1}
          emptyText={t('reports.dueEmpty')}
        />
      )}
    </LightCard>
  );
}
