import { Card, List, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useMe } from '../auth/use-me';
import { TargetsHomeCard } from '../targets/home-summary';
import { MembersHomeCard } from '../members/home-card';

export function HomePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <div className="page">
      <Typography.Title level={3}>{t('auth.welcome', { name: me.user.fullName })}</Typography.Title>
      {me.permissions.includes('viewUnits') && <TargetsHomeCard />}
      {me.permissions.includes('viewMembers') && <MembersHomeCard />}
      <Card title={t('auth.yourRoles')}>
        <List
          locale={{ emptyText: t('auth.noRoles') }}
          dataSource={me.assignments}
          renderItem={(a) => (
            <List.Item>
              <Tag color="red">{t(`enums.role.${a.role}`)}</Tag>
              <span>
                {a.unitName} {a.includesSubtree ? t('auth.subtreeSuffix') : ''}
              </span>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
