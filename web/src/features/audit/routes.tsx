import type { RouteObject } from 'react-router';
import { AuditPage } from './audit-page';

export const auditRoutes: RouteObject[] = [{ path: '/audit', element: <AuditPage /> }];
