import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const UnitPage = lazyPage(() => import('./unit-page').then((m) => ({ default: m.UnitPage })));
const UnitTreePage = lazyPage(() => import('./unit-tree-page').then((m) => ({ default: m.UnitTreePage })));

export const unitRoutes: RouteObject[] = [
  { path: '/units', element: <UnitTreePage /> },
  { path: '/units/:id', element: <UnitPage /> },
];
