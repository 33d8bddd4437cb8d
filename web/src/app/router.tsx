import { Button } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, useNavigate } from 'react-router';
import { HomePage } from '../features/home/home-page';
import { featureRoutes } from './feature-routes';
import { LazyResult } from '../lib/lazy-antd';
import { AppLayout } from './layout';
import { lazyPage, useI18n } from './i18n';

// Forms load with the page that shows them: a returning user's home needs neither.
const SignInPage = lazy(() => import('../features/auth/sign-in-page').then((m) => ({ default: m.SignInPage })));
const AccountPage = lazyPage(() => import('../features/account/account-page').then((m) => ({ default: m.AccountPage })));

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
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={null}>
        <SignInPage />
      </Suspense>
    ),
  },
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
