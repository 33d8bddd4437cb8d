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

const PAGE_OF: Record<string, string> = {
  org_unit: '/units',
  user: '/users',
  member: '/members',
  program: '/programs',
  target: '/targets',
};

/** The page of the object an entry is about, when it has one (a role assignment opens its user). */
export function entityHref(e: { entityType: string; entityId: string | null; before: unknown; after: unknown }): string | null {
  if (e.entityType === 'role_assignment') {
    const userId = ((e.after ?? e.before) as { userId?: unknown } | null)?.userId;
    return typeof userId === 'string' ? `/users/${userId}` : null;
  }
  if (e.entityType === 'indicator' || e.entityType === 'data_element') return '/catalogue';
  const base = PAGE_OF[e.entityType];
  return base && e.entityId ? `${base}/${e.entityId}` : null;
}
