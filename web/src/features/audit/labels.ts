import type { MessageKey } from '../../../../common/i18n';
import { hasMessage } from '../../app/i18n';

type T = (key: MessageKey) => string;

/** "org_unit.move" → "Chuyển đơn vị cấp trên"; unknown codes are shown as they are. */
export function actionLabel(t: T, action: string): string {
  const key = `audit.action.${action}`;
  return hasMessage(key) ? t(key as MessageKey) : action;
}

export function entityTypeLabel(t: T, entityType: string): string {
  const key = `audit.entity.${entityType}`;
  return hasMessage(key) ? t(key as MessageKey) : entityType;
}

/** Colour of an action's tag by its verb. */
export function actionColor(action: string): string {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  if (['create', 'enable', 'sign_in', 'load_demo_data'].includes(verb)) return 'green';
  if (['delete', 'disable', 'dissolve'].includes(verb)) return 'red';
  if (['move', 'merge', 'split'].includes(verb)) return 'purple';
  if (verb === 'export') return 'cyan';
  return 'blue';
}
