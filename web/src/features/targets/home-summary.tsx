// "Tiến độ chỉ tiêu" on the home page. A CĐCS chair sees their own union's targets
// (own-targets-home.tsx, loaded on demand); a federation's leader or officer the counts
// by status of the targets in scope, linking to /targets and to the units × targets matrix.
import { Space, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { LightCard } from '../../lib/light-card';
import { AimOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import {
  defaultAsOf,
  latestTargetProgramId,
  TARGET_STATUSES,
  useDashboardPrograms,
  useOwnUnit,
  useTargetProgress,
  useTargets,
} from './api';
import { STATUS_COLORS } from './labels';

const OwnTargetsHome = lazy(() => import('./own-targets-home').then((m) => ({ default: m.OwnTargetsHome })));

export function TargetsHomeCard() {
  const { t } = useI18n();
  const fmt = useFormat();
  const targets = useTargets();
  const programs = useDashboardPrograms();
  const ownUnit = useOwnUnit();
  const programId = programs.isLoading ? undefined : latestTargetProgramId(targets.data?.items, programs.items);
  const program = programs.items.find((p) => p.id === programId);
  const asOf = defaultAsOf(program);
  const query = useTargetProgress({ programId, asOf }, Boolean(programId) && !ownUnit);
  const items = query.data?.items ?? [];
  if (!programId) return null;
  if (ownUnit) {
    return (
      <Suspense fallback={<LightCard loading style={{ marginBottom: 16 }} />}>
        <OwnTargetsHome unit={ownUnit} programId={programId} program={program} asOf={asOf} />
      </Suspense>
    );
  }
  if (items.length === 0) return null;
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
        {program && (
          <span>
            {program.title} · {program.unitName}
          </span>
        )}
        <Tag>{t('targets.total', { count: items.length })}</Tag>
        {TARGET_STATUSES.map((s) => {
          const n = items.filter((i) => i.status === s).length;
          return n ? (
            <Link key={s} to={`/targets?programId=${programId}&status=${s}`}>
              <Tag color={STATUS_COLORS[s].tag}>
                {t(`targets.status.${s}`)}: {fmt.number(n)}
              </Tag>
            </Link>
          ) : null;
        })}
        <span className="targets-muted">{t('targets.asOfLabel', { date: formatDate(query.data!.asOf) })}</span>
        <Link to={`/targets/matrix?programId=${programId}&asOf=${query.data!.asOf}`} data-testid="home-matrix-link">
          {t('targets.matrixOpen')}
        </Link>
      </Space>
    </LightCard>
  );
}
