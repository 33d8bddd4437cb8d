import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Shows an API error on a form: field messages next to their fields, and
 * returns the general message for a banner (or null when every message
 * found its field).
 */
export function applyApiError(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ApiError)) return String(error);
  const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const placed = error.fields.filter((f) => known.has(f.field.split('.')[0]!));
  if (placed.length) {
    form.setFields(placed.map((f) => ({ name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] })));
  }
  const rest = error.fields.filter((f) => !placed.includes(f));
  if (placed.length && !rest.length) return null;
  return [error.message, ...rest.map((f) => f.message)].join(' ');
}
