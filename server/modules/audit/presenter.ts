import { toIso } from '../../db/sql.js';
import { labelFromValues } from '../../lib/audit.js';

export interface AuditRow {
  id: number | string;
  at: unknown;
  userId: string | null;
  username: string | null;
  userFullName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Stored when logged; entries written before the column are named from their values. */
  entityLabel?: string | null;
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
    entityLabel: row.entityLabel ?? labelFromValues(row.entityType, row.after) ?? labelFromValues(row.entityType, row.before),
    unitId: row.unitId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}
