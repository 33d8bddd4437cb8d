// The request and response schemas live in common/api/reports.ts, shared with the web
// app (docs/decisions/0005-wire-schemas-in-common.md).
export {
  EmailSettingsView,
  ListNotificationsQuery,
  ListRemindersQuery,
  NotificationListView,
  NotificationView,
  ReminderLogPage,
  ReminderLogView,
} from '../../../common/api/reports.js';
