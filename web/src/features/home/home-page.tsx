import { Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useMe } from '../auth/use-me';
import { TargetsHomeCard } from '../targets/home-summary';
import { MembersHomeCard } from '../members/home-card';
import { DueReportsHomeCard } from '../reports/due-home-card';
import { LightCard } from '../../lib/light-card';
import { LightList } from '../../lib/light-list';

export function HomePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <div className="page">
      <Typography.Title level={3}>{t('auth.welcome', { name: me.user.fullName })}</Typography.Title>
      {me.permissions.includes('submitReports') && <DueReportsHomeCard />}
      {me.permissions.includes('viewUnits') && <TargetsHomeCard />}
      {me.permissions.includes('viewMembers') && <MembersHomeCard />}
      <LightCard title={t('auth.yourRoles')}>
        <LightList
          emptyText={t('auth.noRoles')}
          items={me.assignments}
          rowKey={(a, i) => `${a.role}-${a.unitName}-${i}`}
          renderItem={(a) => (
            <>
              <Tag color="red">{t(`enums.role.${a.role}`)}</Tag>
              <span>
                {a.unitName} {a.includesSubtree ? t('auth.subtreeSuffix') : ''}
              </span>
            </>
          )}
        />
      </LightCard>
    </div>
  );
}
