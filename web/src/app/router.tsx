import { Button } from 'antd';
import { createBrowserRouter, useNavigate } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { HomePage } from '../features/home/home-page';
import { AccountPage } from '../features/account/account-page';
import { featureRoutes } from './feature-routes';
import { LazyResult } from '../lib/lazy-antd';
import { AppLayout } from './layout';
import { useI18n } from './i18n';

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <LazyResult
      status="404"
      title="404"
      subTitle={t('common.notFoundPage')}
      extra={<Button onClick={() => navigate('/')}>{t('common.home')}</Button>}
    />
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/account', element: <AccountPage /> },
      ...featureRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);
