import { toIso } from '../../db/sql.js';

export interface AuditRow {
  id: number | string;
  at: unknown;
  userId: string | null;
  username: string | null;
  userFullName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  before: unknown;
  after: unknown;
}

/** An audit row → the API shape (timestamps as ISO text whatever the driver returned). */
export function presentAuditEntry(row: AuditRow) {
  return {
    id: Number(row.id),
    at: toIso(row.at),
    userId: row.userId,
    username: row.username,
    userFullName: row.userFullName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel: entityLabel(row.after) ?? entityLabel(row.before),
    unitId: row.unitId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

const LABEL_KEYS = ['shortName', 'username', 'fullName', 'title', 'code', 'name'] as const;

/** The first readable name found in the recorded values, e.g. a unit's short name or a user name. */
function entityLabel(values: unknown): string | null {
  if (!values || typeof values !== 'object') return null;
  const record = values as Record<string, unknown>;
  for (const key of LABEL_KEYS) {
    const v = record[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}
