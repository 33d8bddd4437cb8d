import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/i18n';

// The Office's and the leader's pages of the reporting cycle (lazy: only those who review load them).
const ReviewPage = lazyPage(() => import('./review-page').then((m) => ({ default: m.ReviewPage })));
const SchedulePage = lazyPage(() => import('./schedule-page').then((m) => ({ default: m.SchedulePage })));
const ReviewByPeriodUnit = lazyPage(() => import('./review-by-period-unit').then((m) => ({ default: m.ReviewByPeriodUnit })));

export const reviewRoutes: RouteObject[] = [
  { path: '/reports/:id/review', element: <ReviewPage /> },
  { path: '/report-periods/:periodId/units/:unitId', element: <ReviewByPeriodUnit /> },
  { path: '/programs/:id/report-schedule', element: <SchedulePage /> },
];
