// The "Báo cáo" page: every report the reader's units owe, open ones by default.
import { Alert, Skeleton, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useDueReports } from './due-api';
import { DueList } from './due-list';

export function DuePage() {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const due = useDueReports(all ? 'all' : 'open');
  const items = due.data ?? [];
  return (
    <div className="page" data-testid="due-page">
      <Typography.Title level={3}>{t('reportForm.duePageTitle')}</Typography.Title>
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', minHeight: 44 }}>
        <Switch checked={all} onChange={setAll} /> {t('reportForm.showAll')}
      </label>
      {due.isLoading ? (
        <Skeleton active />
      ) : due.error ? (
        <Alert type="error" message={(due.error as Error).message} />
      ) : (
        <DueList items={items} showUnit={new Set(items.map((i) => i.unit.id)).size > 1} emptyText={t('reports.dueEmpty')} />
      )}
    </div>
  );
}
