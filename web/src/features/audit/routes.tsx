import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// Pages load on demand, so a chair's phone downloads only what they open.
const AuditPage = lazy(() => import('./audit-page').then((m) => ({ default: m.AuditPage })));

export const auditRoutes: RouteObject[] = [{ path: '/audit', element: <AuditPage /> }];
