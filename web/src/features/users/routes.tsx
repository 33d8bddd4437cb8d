import type { RouteObject } from 'react-router';
import { UserPage } from './user-page';
import { UsersPage } from './users-page';

export const userRoutes: RouteObject[] = [
  { path: '/users', element: <UsersPage /> },
  { path: '/users/:id', element: <UserPage /> },
];
