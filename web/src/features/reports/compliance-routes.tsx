import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// The Office's compliance board (branch reports-board), lazy like every page.
const CompliancePage = lazyPage(() => import('./compliance-page').then((m) => ({ default: m.CompliancePage })));

export const complianceRoutes: RouteObject[] = [
  { path: '/reports/compliance', element: <CompliancePage /> },
  { path: '/reports/periods/:id/compliance', element: <CompliancePage /> },
];
