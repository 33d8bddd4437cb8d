import { hasMessage, type MessageKey } from '../../../../common/i18n';

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

/** An instant shown as 'dd/mm/yyyy HH:mm' in Vietnam time (UTC+7), the days the filters use. */
export function formatVietnamDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}
