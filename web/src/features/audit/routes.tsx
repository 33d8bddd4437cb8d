import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const AuditPage = lazyPage(() => import('./audit-page').then((m) => ({ default: m.AuditPage })));

export const auditRoutes: RouteObject[] = [{ path: '/audit', element: <AuditPage /> }];
