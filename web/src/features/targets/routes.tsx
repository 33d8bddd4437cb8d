import type { RouteObject } from 'react-router';
import { TargetBreakdownPage } from './target-breakdown-page';
import { TargetProgressPage } from './target-progress-page';

export const targetRoutes: RouteObject[] = [
  { path: '/targets', element: <TargetProgressPage /> },
  { path: '/targets/:id', element: <TargetBreakdownPage /> },
];
