import type { RouteObject } from 'react-router';
import { ProgramEditorPage } from './program-editor-page';
import { ProgramListPage } from './program-list-page';
import { ProgramPage } from './program-page';

export const programRoutes: RouteObject[] = [
  { path: '/programs', element: <ProgramListPage /> },
  { path: '/programs/new', element: <ProgramEditorPage /> },
  { path: '/programs/:id', element: <ProgramPage /> },
  { path: '/programs/:id/edit', element: <ProgramEditorPage /> },
];
