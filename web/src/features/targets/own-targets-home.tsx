// The chair's home: their own union's targets (GET /api/targets/unit-view).
import { AimOutlined } from '@ant-design/icons';
import { Empty, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';
import { LightCard } from '../../lib/light-card';
import { useUnitTargets, type ProgramOption } from './api';
import { OwnTargetCard } from './own-targets';
import './targets.css';

export function OwnTargetsHome({
  unit,
  programId,
  program,
  asOf,
}: {
  unit: { unitId: string; unitName: string };
  programId: string;
  program: ProgramOption | undefined;
  asOf: string;
}) {
  const { t } = useI18n();
  const query = useUnitTargets({ unitId: unit.unitId, programId, asOf });
  const items = query.data?.items ?? [];
  return (
    <LightCard
      title={
        <span>
          <AimOutlined /> {t('targets.ownTitle', { unit: unit.unitName })}
        </span>
      }
      extra={<Link to={`/targets?programId=${programId}`}>{t('targets.homeLink')}</Link>}
      style={{ marginBottom: 16 }}
      loading={query.isLoading}
      data-testid="targets-home-card"
    >
      {program && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {program.title} · {program.unitName}
          {query.data ? ` · ${t('targets.asOfLabel', { date: formatDate(query.data.asOf) })}` : ''}
        </Typography.Paragraph>
      )}
      {items.length === 0 ? (
        <Empty description={t('targets.ownEmpty')} />
      ) : (
        <div className="own-targets-list">
          {items.map((item) => (
            <OwnTargetCard key={item.target.targetId} item={item} asOf={query.data!.asOf} />
          ))}
        </div>
      )}
    </LightCard>
  );
}
