import type { RouteObject } from 'react-router';

export const unitRoutes: RouteObject[] = [];
