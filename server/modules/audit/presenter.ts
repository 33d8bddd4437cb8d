import { maskBirthDate, maskCitizenId, maskPhone } from '../../../common/members.js';
import { toIso } from '../../db/sql.js';
import { labelFromValues } from '../../lib/audit.js';

/** Keys of personal data in recorded values, masked as the member page masks them. */
const MASKS: Partial<Record<string, (v: string | null) => string | null>> = {
  citizenId: maskCitizenId,
  phone: maskPhone,
  birthDate: maskBirthDate,
};
export const PERSONAL_DATA_KEYS = Object.keys(MASKS);

/** The recorded values with personal data masked, at any depth. */
function maskPersonalData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(maskPersonalData);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const mask = MASKS[k];
    out[k] = mask && (typeof v === 'string' || v === null) ? mask(v) : maskPersonalData(v);
  }
  return out;
}

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
  /** False when the reader does not manage members of the entry's unit (policy.personalDataVisible). */
  personalDataVisible?: boolean;
}

/**
 * An audit row → the API shape (timestamps as ISO text whatever the driver
 * returned), its personal data masked unless the reader may see it.
 */
export function presentAuditEntry(row: AuditRow) {
  const masked = row.personalDataVisible === false;
  const before = masked ? maskPersonalData(row.before ?? null) : (row.before ?? null);
  const after = masked ? maskPersonalData(row.after ?? null) : (row.after ?? null);
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
    before,
    after,
  };
}
