import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/require-permission';

// Pages load on demand, so a chair's phone downloads only what they open.
const MembersPage = lazyPage(() => import('./members-page').then((m) => ({ default: m.MembersPage })));
const MemberPage = lazyPage(() => import('./member-page').then((m) => ({ default: m.MemberPage })));
const MemberImportPage = lazyPage(() => import('./import-page').then((m) => ({ default: m.MemberImportPage })));

export const memberRoutes: RouteObject[] = [
  { path: '/members', element: <MembersPage /> },
  // Importing writes members: it needs manageMembers on top of the group's viewMembers.
  {
    path: '/members/import',
    element: (
      <RequirePermission permission="manageMembers">
        <MemberImportPage />
      </RequirePermission>
    ),
  },
  { path: '/members/:id', element: <MemberPage /> },
];
