import { IdParams, OkResponse, responses, type App } from '../../lib/http.js';
import { emailEnabled, mailSettings } from '../../lib/mailer.js';
import { listNotifications } from './list-notifications.js';
import { listReminders } from './list-reminders.js';
import { markAllNotificationsRead } from './mark-all-notifications-read.js';
import { markNotificationRead } from './mark-notification-read.js';
import { presentNotification, presentReminder } from './presenter.js';
import { EmailSettingsView, ListNotificationsQuery, ListRemindersQuery, NotificationListView, ReminderLogPage } from './schemas.js';

export default async function notificationRoutes(app: App) {
  const db = app.database.db;
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi (mới nhất trước) và số chưa đọc',
        querystring: ListNotificationsQuery,
        response: responses({ 200: NotificationListView }),
      },
    },
    async (req) => {
      const { rows, unread } = await listNotifications(db, req.actor!, {
        limit: req.query.limit,
        unreadOnly: req.query.unreadOnly === 'true',
      });
      return { items: rows.map(presentNotification), unread };
    },
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Đánh dấu một thông báo đã đọc', params: IdParams, response: responses({ 200: OkResponse }) } },
    async (req) => {
      await markNotificationRead(db, req.actor!, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Đánh dấu mọi thông báo đã đọc', response: responses({ 200: OkResponse }) } },
    async (req) => {
      await markAllNotificationsRead(db, req.actor!);
      return { ok: true as const };
    },
  );

  app.get(
    '/reminders',
    {
      schema: {
        tags,
        summary: 'Nhật ký nhắc nhở (Văn phòng, trong phạm vi)',
        querystring: ListRemindersQuery,
        response: responses({ 200: ReminderLogPage }),
      },
    },
    async (req) => {
      const { rows, ...page } = await listReminders(db, req.actor!, req.query);
      return { items: rows.map(presentReminder), ...page };
    },
  );

  app.get(
    '/settings/email',
    { schema: { tags, summary: 'Gửi e-mail nhắc nhở đang bật hay tắt', response: responses({ 200: EmailSettingsView }) } },
    async () => ({ enabled: emailEnabled(), from: emailEnabled() ? mailSettings().from : null }),
  );
}
