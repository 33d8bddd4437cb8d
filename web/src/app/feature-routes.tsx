import type { RouteObject } from 'react-router';
import { RequirePermission } from './require-permission';
import { unitRoutes } from '../features/units/routes';
import { userRoutes } from '../features/users/routes';
import { auditRoutes } from '../features/audit/routes';
import { programRoutes } from '../features/programs/routes';
import { targetRoutes } from '../features/targets/routes';
import { reviewRoutes } from '../features/reports/review-routes';
import { catalogueRoutes } from '../features/catalogue/routes';
import { memberRoutes } from '../features/members/routes';
import { notificationRoutes, reminderRoutes } from '../features/notifications/routes';
import { complianceRoutes } from '../features/reports/compliance-routes';
import { reportRoutes } from '../features/reports/routes';
import { activityRoutes } from '../features/activities/routes';

/** Pages of each domain feature, each guarded by the permission that shows it in the menu. */
export const featureRoutes: RouteObject[] = [
  ...unitRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewUnits">{r.element}</RequirePermission> })),
  ...userRoutes.map((r) => ({ ...r, element: <RequirePermission permission="manageUsers">{r.element}</RequirePermission> })),
  ...auditRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewAudit">{r.element}</RequirePermission> })),
  ...programRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewUnits">{r.element}</RequirePermission> })),
  ...targetRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewUnits">{r.element}</RequirePermission> })),
  ...reviewRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewReports">{r.element}</RequirePermission> })),
  ...memberRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewMembers">{r.element}</RequirePermission> })),
  ...reportRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewReports">{r.element}</RequirePermission> })),
  ...activityRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewActivities">{r.element}</RequirePermission> })),
  ...catalogueRoutes.map((r) => ({ ...r, element: <RequirePermission permission="viewUnits">{r.element}</RequirePermission> })),
  ...notificationRoutes,
  ...complianceRoutes.map((r) => ({ ...r, element: <RequirePermission permission="approveReports">{r.element}</RequirePermission> })),
  ...reminderRoutes.map((r) => ({ ...r, element: <RequirePermission permission="approveReports">{r.element}</RequirePermission> })),
];
