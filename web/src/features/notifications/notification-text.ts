import type { MessageKey, MessageParams } from '../../../../common/i18n';
import { notificationText } from '../../../../common/notification-text';
import type { NotificationItem } from './api';

/** The text of a notification in the interface language (the same words as its e-mail). */
export function textOf(t: (key: MessageKey, params?: MessageParams) => string, n: Pick<NotificationItem, 'kind' | 'params'>): string {
  // The kinds' keys are built from the kind (notifications.kind_<kind>): looked up as plain strings.
  return notificationText(t as (key: string, params?: MessageParams) => string, n.kind, n.params);
}
