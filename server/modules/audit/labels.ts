import type { Locale } from '../../../common/enums.js';
import { hasMessage, translate } from '../../../common/i18n/index.js';

/** Human label of an action code ("org_unit.move" → "Chuyển đơn vị cấp trên"); unknown codes stay as they are. */
export function actionLabel(locale: Locale, action: string): string {
  const key = `audit.action.${action}`;
  return hasMessage(key) ? translate(locale, key) : action;
}

/** Human label of an entity type; unknown types stay as they are. */
export function entityTypeLabel(locale: Locale, entityType: string): string {
  const key = `audit.entity.${entityType}`;
  return hasMessage(key) ? translate(locale, key) : entityType;
}
