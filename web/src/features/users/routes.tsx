import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const UserPage = lazy(() => import('./user-page').then((m) => ({ default: m.UserPage })));
const UsersPage = lazy(() => import('./users-page').then((m) => ({ default: m.UsersPage })));

export const userRoutes: RouteObject[] = [
  { path: '/users', element: <UsersPage /> },
  { path: '/users/:id', element: <UserPage /> },
];
