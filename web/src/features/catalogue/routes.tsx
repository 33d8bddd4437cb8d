import type { RouteObject } from 'react-router';
import { CataloguePage } from './catalogue-page';

export const catalogueRoutes: RouteObject[] = [{ path: '/catalogue', element: <CataloguePage /> }];
