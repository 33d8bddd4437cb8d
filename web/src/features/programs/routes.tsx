import type { RouteObject } from 'react-router';
import { ProgramListPage } from './program-list-page';
import { ProgramPage } from './program-page';

export const programRoutes: RouteObject[] = [
  { path: '/programs', element: <ProgramListPage /> },
  { path: '/programs/:id', element: <ProgramPage /> },
];
