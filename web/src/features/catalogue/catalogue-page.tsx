// Danh mục chỉ tiêu: data elements, indicators and targets in three tabs
// (the tab is kept in the address so a link or reload opens it again).
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { DataElementsTab } from './data-elements-tab';
import { IndicatorsTab } from './indicators-tab';
import { TargetsTab } from './targets-tab';
import './catalogue.css';

const TABS = ['elements', 'indicators', 'targets'] as const;
type Tab = (typeof TABS)[number];

export function CataloguePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'elements';
  return (
    <div className="page catalogue-page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('catalogue.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('catalogue.subtitle')}</Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'elements', label: t('catalogue.tabElements'), children: <DataElementsTab /> },
          { key: 'indicators', label: t('catalogue.tabIndicators'), children: <IndicatorsTab /> },
          { key: 'targets', label: t('catalogue.tabTargets'), children: <TargetsTab /> },
        ]}
      />
    </div>
  );
}
