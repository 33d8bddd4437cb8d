// "Tiến độ chỉ tiêu" on the home page: counts by status of the targets in scope, linking to /targets.
import { Space, Tag } from 'antd';
import { LightCard } from '../../lib/light-card';
import { AimOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { defaultAsOf, latestTargetProgramId, TARGET_STATUSES, useProgramOptions, useTargetProgress, useTargets } from './api';
import { STATUS_COLORS } from './labels';

export function TargetsHomeCard() {
  const { t } = useI18n();
  const fmt = useFormat();
  const targets = useTargets();
  const programs = useProgramOptions();
  const programId = latestTargetProgramId(targets.data?.items);
  const program = programs.data?.items.find((p) => p.id === programId);
  const asOf = defaultAsOf(program);
  const query = useTargetProgress({ programId, asOf }, Boolean(programId) && !programs.isLoading);
  const items = query.data?.items ?? [];
  if (!programId || items.length === 0) return null;
  return (
    <LightCard
      title={
        <span>
          <AimOutlined /> {t('targets.homeCard')}
        </span>
      }
      extra={<Link to={`/targets?programId=${programId}`}>{t('targets.homeLink')}</Link>}
      style={{ marginBottom: 16 }}
      data-testid="targets-home-card"
    >
      <Space wrap size={[8, 8]}>
        {program && <span>{program.title}</span>}
        <Tag>{t('targets.total', { count: items.length })}</Tag>
        {TARGET_STATUSES.map((s) => {
          const n = items.filter((i) => i.status === s).length;
          return n ? (
            <Tag key={s} color={STATUS_COLORS[s].tag}>
              {t(`targets.status.${s}`)}: {fmt.number(n)}
            </Tag>
          ) : null;
        })}
        <span className="targets-muted">{t('targets.asOfLabel', { date: formatDate(query.data!.asOf) })}</span>
      </Space>
    </LightCard>
  );
}
