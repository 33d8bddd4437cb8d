// Before/after of an audit entry as rows a person can read: one row per key,
// marked when it was added, removed or changed.

/** 'value': one side only (a creation or deletion), nothing to compare. */
export type DiffKind = 'added' | 'removed' | 'changed' | 'same' | 'value';

export interface DiffRow {
  key: string;
  before: string | null;
  after: string | null;
  kind: DiffKind;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as short readable text: strings as they are, the rest as JSON. */
export function showValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Rows comparing before and after. Objects are compared key by key (changed keys
 * first, each group in first-seen order); anything else is compared as one "value" row.
 */
export function diffEntries(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const rows = keys.map((key) => row(key, b[key], a[key], key in b, key in a, before == null || after == null));
    // What changed first; unchanged keys after, for context.
    return [...rows.filter((r) => r.kind !== 'same'), ...rows.filter((r) => r.kind === 'same')];
  }
  return [row('', before, after, before != null, after != null, false)];
}

function row(key: string, b: unknown, a: unknown, inBefore: boolean, inAfter: boolean, oneSided: boolean): DiffRow {
  const before = inBefore ? showValue(b) : null;
  const after = inAfter ? showValue(a) : null;
  let kind: DiffKind;
  if (oneSided)
    kind = 'value'; // a creation or deletion: nothing to compare against
  else if (!inBefore) kind = 'added';
  else if (!inAfter) kind = 'removed';
  else kind = JSON.stringify(b) === JSON.stringify(a) ? 'same' : 'changed';
  return { key, before, after, kind };
}
