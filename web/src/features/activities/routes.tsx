import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/i18n';

// The page loads on demand, so a chair's phone downloads only what they open.
const ActivitiesPage = lazyPage(() => import('./activities-page').then((m) => ({ default: m.ActivitiesPage })));

export const activityRoutes: RouteObject[] = [{ path: '/activities', element: <ActivitiesPage /> }];
