import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const CataloguePage = lazyPage(() => import('./catalogue-page').then((m) => ({ default: m.CataloguePage })));

export const catalogueRoutes: RouteObject[] = [{ path: '/catalogue', element: <CataloguePage /> }];
