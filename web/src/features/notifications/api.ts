// TanStack Query hooks over /api/notifications, /api/reminders and
// /api/settings/email. Shapes from common/api/reports.ts (decision 0005).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Wire from '../../../../common/api/reports';
import { api, qs } from '../../lib/api';

export type NotificationList = z.output<typeof Wire.NotificationListView>;
export type NotificationItem = z.output<typeof Wire.NotificationView>;
export type ReminderPage = z.output<typeof Wire.ReminderLogPage>;
export type EmailSettings = z.output<typeof Wire.EmailSettingsView>;

export const NOTIFICATIONS_KEY = 'notifications';

/** The bell: only the unread count (limit=0), refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'count'],
    queryFn: () => api.get<NotificationList>('/api/notifications?limit=0'),
    refetchInterval: 60_000,
    staleTime: 30_000,
    select: (d) => d.unread,
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'list', unreadOnly],
    queryFn: () => api.get<NotificationList>(`/api/notifications${qs({ limit: 100, unreadOnly: unreadOnly ? 'true' : undefined })}`),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSettled: () => client.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] }),
  });
}

export function useReminders(page: number, pageSize: number, periodId?: string) {
  return useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'reminders', page, pageSize, periodId],
    queryFn: () => api.get<ReminderPage>(`/api/reminders${qs({ page, pageSize, periodId })}`),
    placeholderData: keepPreviousData,
  });
}

export function useEmailSettings() {
  return useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'email'],
    queryFn: () => api.get<EmailSettings>('/api/settings/email'),
    staleTime: 300_000,
  });
}
