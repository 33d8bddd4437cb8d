// "Đoàn viên" on the home page: active members (and the women among them, with their share),
// admissions this year and transfers waiting, for the caller's scope.
import { LightCard } from '../../lib/light-card';
import { IdcardOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useFormat } from '../../lib/format';
import { NumberStatistic } from '../../lib/number-statistic';
import { useMemberStats } from './api';
import './members.css';

export function MembersHomeCard() {
  const { t } = useI18n();
  const fmt = useFormat();
  const stats = useMemberStats();
  if (stats.isError) return null;
  const s = stats.data;
  return (
    <LightCard
      title={
        <span>
          <IdcardOutlined /> {t('members.homeCard')}
        </span>
      }
      extra={<Link to="/members">{t('members.homeLink')}</Link>}
      loading={stats.isLoading}
      style={{ marginBottom: 16 }}
      data-testid="members-home-card"
    >
      {s && (
        <div className="member-import-counts">
          <NumberStatistic title={t('members.statActive')} value={s.active} data-testid="members-stat-active" />
          {/* Nữ: 1.234 (45,2%) — women's affairs read it beside the total. */}
          <NumberStatistic
            title={t('members.statFemale')}
            value={s.activeFemale}
            suffix={
              s.femaleShare === null ? undefined : (
                <span className="member-stat-share">({fmt.percent(s.femaleShare, { fractionDigits: 1 })})</span>
              )
            }
            data-testid="members-stat-female"
          />
          <NumberStatistic title={t('members.statAdmittedThisYear')} value={s.admittedThisYear} />
          <Link to="/members?tab=transfers">
            <NumberStatistic
              title={t('members.statPendingTransfers')}
              value={s.pendingTransfers}
              styles={{ content: { color: s.pendingTransfers ? '#d48806' : undefined } }}
              data-testid="members-stat-pending"
            />
          </Link>
        </div>
      )}
    </LightCard>
  );
}
