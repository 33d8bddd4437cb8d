import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const CataloguePage = lazy(() => import('./catalogue-page').then((m) => ({ default: m.CataloguePage })));

export const catalogueRoutes: RouteObject[] = [{ path: '/catalogue', element: <CataloguePage /> }];
