// "Tiến độ chỉ tiêu" on the home page: counts by status of the targets in scope, linking to /targets.
import { Card, Space, Tag } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { TARGET_STATUSES, useTargetProgress } from './api';
import { STATUS_COLORS } from './labels';

export function TargetsHomeCard() {
  const { t } = useI18n();
  const query = useTargetProgress({});
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      title={
        <span>
          <AimOutlined /> {t('targets.homeCard')}
        </span>
      }
      extra={<Link to="/targets">{t('targets.homeLink')}</Link>}
      style={{ marginBottom: 16 }}
      data-testid="targets-home-card"
    >
      <Space wrap size={[8, 8]}>
        <Tag>{t('targets.total', { count: items.length })}</Tag>
        {TARGET_STATUSES.map((s) => {
          const n = items.filter((i) => i.status === s).length;
          return n ? (
            <Tag key={s} color={STATUS_COLORS[s].tag}>
              {t(`targets.status.${s}`)}: {n}
            </Tag>
          ) : null;
        })}
      </Space>
    </Card>
  );
}
