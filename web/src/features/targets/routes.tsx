import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const TargetBreakdownPage = lazy(() => import('./target-breakdown-page').then((m) => ({ default: m.TargetBreakdownPage })));
const TargetProgressPage = lazy(() => import('./target-progress-page').then((m) => ({ default: m.TargetProgressPage })));

export const targetRoutes: RouteObject[] = [
  { path: '/targets', element: <TargetProgressPage /> },
  { path: '/targets/:id', element: <TargetBreakdownPage /> },
];
