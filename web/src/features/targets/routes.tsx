import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/i18n';

// Pages load on demand, so a chair's phone downloads only what they open. The breakdown
// (the chair's first page after home) needs only the namespaces that ship with the app.
const TargetBreakdownPage = lazy(() => import('./target-breakdown-page').then((m) => ({ default: m.TargetBreakdownPage })));
const TargetMatrixPage = lazyPage(() => import('./target-matrix-page').then((m) => ({ default: m.TargetMatrixPage })));
const TargetProgressPage = lazyPage(() => import('./target-progress-page').then((m) => ({ default: m.TargetProgressPage })));

export const targetRoutes: RouteObject[] = [
  { path: '/targets', element: <TargetProgressPage /> },
  { path: '/targets/matrix', element: <TargetMatrixPage /> },
  { path: '/targets/:id', element: <TargetBreakdownPage /> },
];
