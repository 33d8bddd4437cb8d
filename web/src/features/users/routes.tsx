import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const UserPage = lazyPage(() => import('./user-page').then((m) => ({ default: m.UserPage })));
const UsersPage = lazyPage(() => import('./users-page').then((m) => ({ default: m.UsersPage })));

export const userRoutes: RouteObject[] = [
  { path: '/users', element: <UsersPage /> },
  { path: '/users/:id', element: <UserPage /> },
];
