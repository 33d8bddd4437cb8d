import { Alert, Avatar, Button, Drawer, Dropdown, Layout, Menu, Spin, Typography } from 'antd';
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  ContainerOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  TeamOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '../../../common/i18n';
import type { Permission } from '../../../common/permissions';
import { api } from '../lib/api';
import { dayAfter, formatDate, todayIso } from '../lib/dates';
import { useMe, useSignOut } from '../features/auth/use-me';
import { useI18n } from './i18n';
import { useIsPhone } from '../lib/responsive';
import { NotificationBell } from '../features/notifications/notification-bell';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
}

/** The navigation; an item shows only when the user's roles allow it. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <DashboardOutlined /> },
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, permission: 'viewUnits' },
  { path: '/members', label: 'nav.members', icon: <IdcardOutlined />, permission: 'viewMembers' },
  { path: '/activities', label: 'nav.activities', icon: <ContainerOutlined />, permission: 'viewActivities' },
  { path: '/reports', label: 'reports.menu', icon: <FileDoneOutlined />, permission: 'viewReports' },
  { path: '/programs', label: 'nav.programs', icon: <FileTextOutlined />, permission: 'viewUnits' },
  { path: '/targets', label: 'nav.targets', icon: <AimOutlined />, permission: 'viewUnits' },
  { path: '/catalogue', label: 'nav.catalogue', icon: <DatabaseOutlined />, permission: 'managePrograms' },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'manageUsers' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'viewAudit' },
  { path: '/reports/compliance', label: 'nav.compliance', icon: <CheckSquareOutlined />, permission: 'approveReports' },
  { path: '/reminders', label: 'nav.reminders', icon: <BellOutlined />, permission: 'approveReports' },
];

export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The language is remembered per user: adopt the saved one once per sign-in.
  const adoptedFor = useRef<string | null>(null);
  useEffect(() => {
    const user = me.data?.user;
    if (!user || adoptedFor.current === user.id) return;
    adoptedFor.current = user.id;
    if (user.locale !== locale) setLocale(user.locale);
  }, [me.data, locale, setLocale]);

  if (me.isLoading) return <Spin fullscreen tip={t('common.loading')} />;
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  const user = me.data;
  const items = NAV_ITEMS.filter((i) => !i.permission || user.permissions.includes(i.permission));
  const selected = items
    .map((i) => i.path)
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
    .slice(-1);

  const switchLocale = async () => {
    const next = locale === 'vi' ? 'en' : 'vi';
    setLocale(next);
    try {
      await api.patch('/api/auth/me', { locale: next });
      me.refetch();
    } catch {
      /* the choice still applies in this browser */
    }
  };

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(i.label) }))}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider width={232} theme="light" className="app-sider">
          <div className="app-brand" onClick={() => navigate('/')}>
            <div className="brand-mark">CĐ</div>
            <span>{t('common.appName')}</span>
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {isPhone && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} />}
          {isPhone && <Typography.Text strong>{t('common.appName')}</Typography.Text>}
          <div style={{ flex: 1 }} />
          <NotificationBell />
          <Button type="text" icon={<TranslationOutlined />} onClick={switchLocale} aria-label={t('common.language')}>
            {locale === 'vi' ? 'EN' : 'VI'}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'account', icon: <KeyOutlined />, label: t('nav.changePassword') },
                { type: 'divider' },
                { key: 'signout', icon: <LogoutOutlined />, label: t('nav.signOut') },
              ],
              onClick: ({ key }) => {
                if (key === 'account') navigate('/account');
                if (key === 'signout') signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') });
              },
            }}
          >
            <Button type="text" data-testid="user-menu" aria-label={t('nav.account')}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b71c1c' }} />
              {!isPhone && <span style={{ marginInlineStart: 8 }}>{user.user.fullName}</span>}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="app-content">
          <EndedUnitNotice assignments={user.assignments} />
          <Suspense
            fallback={
              <div className="page-loading">
                <Spin tip={t('common.loading')}>
                  <div style={{ minHeight: 120 }} />
                </Spin>
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Drawer
        placement="left"
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        size={260}
        title={t('common.appName')}
        styles={{ body: { padding: 0 } }}
      >
        {menu}
      </Drawer>
    </Layout>
  );
}

/**
 * Every unit the user is assigned to has ended (a district federation after 1 July 2025):
 * say so on every page, since all they can see is history.
 */
function EndedUnitNotice({ assignments }: { assignments: Array<{ unitId: string; unitName: string; unitValidTo: string | null }> }) {
  const { t } = useI18n();
  const today = todayIso();
  const ended = (a: { unitValidTo: string | null }) => a.unitValidTo !== null && a.unitValidTo < today;
  if (assignments.length === 0 || !assignments.every(ended)) return null;
  const units = [...new Map(assignments.map((a) => [a.unitId, a])).values()];
  return (
    <Alert
      type="warning"
      showIcon
      className="ended-unit-notice"
      data-testid="ended-unit-notice"
      style={{ marginBottom: 16 }}
      title={units.map((u) => t('nav.unitEnded', { unit: u.unitName, date: formatDate(dayAfter(u.unitValidTo!)) })).join(' · ')}
    />
  );
}
