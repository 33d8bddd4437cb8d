import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// The reporting cycle's pages (docs/reporting.md). The chair's side: the due
// list and the form. Other engineers add the review, board and schedule pages here.
const DuePage = lazyPage(() => import('./due-page').then((m) => ({ default: m.DuePage })));
const ReportFormPage = lazyPage(() => import('./report-form-page').then((m) => ({ default: m.ReportFormPage })));

export const reportRoutes: RouteObject[] = [
  { path: '/reports', element: <DuePage /> },
  { path: '/reports/periods/:periodId/units/:unitId', element: <ReportFormPage /> },
  { path: '/reports/:id', element: <ReportFormPage /> },
];
