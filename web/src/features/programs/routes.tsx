import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const ProgramEditorPage = lazyPage(() => import('./program-editor-page').then((m) => ({ default: m.ProgramEditorPage })));
const ProgramListPage = lazyPage(() => import('./program-list-page').then((m) => ({ default: m.ProgramListPage })));
const ProgramPage = lazyPage(() => import('./program-page').then((m) => ({ default: m.ProgramPage })));

export const programRoutes: RouteObject[] = [
  { path: '/programs', element: <ProgramListPage /> },
  { path: '/programs/new', element: <ProgramEditorPage /> },
  { path: '/programs/:id', element: <ProgramPage /> },
  { path: '/programs/:id/edit', element: <ProgramEditorPage /> },
];
