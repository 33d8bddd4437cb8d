import type { RouteObject } from 'react-router';
import { UnitPage } from './unit-page';
import { UnitTreePage } from './unit-tree-page';

export const unitRoutes: RouteObject[] = [
  { path: '/units', element: <UnitTreePage /> },
  { path: '/units/:id', element: <UnitPage /> },
];
