import { lazyPage } from '../../app/i18n';
import type { RouteObject } from 'react-router';

// Pages load on demand; only the bell (notification-bell.tsx) ships with the layout.
const NotificationsPage = lazyPage(() => import('./notifications-page').then((m) => ({ default: m.NotificationsPage })));
const RemindersPage = lazyPage(() => import('./reminders-page').then((m) => ({ default: m.RemindersPage })));

/** Everyone signed in has notifications. */
export const notificationRoutes: RouteObject[] = [{ path: '/notifications', element: <NotificationsPage /> }];
/** The Office's reminder log. */
export const reminderRoutes: RouteObject[] = [{ path: '/reminders', element: <RemindersPage /> }];
