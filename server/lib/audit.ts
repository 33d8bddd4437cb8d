import { auditLog } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import type { Actor } from './access.js';

export interface AuditEntry {
  action: string; // "<entity>.<verb>", e.g. "org_unit.move"
  entityType: string;
  entityId: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records a write; call it with the transaction that makes the change. */
export async function recordAudit(tx: Executor, actor: Pick<Actor, 'userId'> | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    userId: actor?.userId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitId: entry.unitId ?? null,
    before: entry.before === undefined ? null : stripSecrets(entry.before),
    after: entry.after === undefined ? null : stripSecrets(entry.after),
  });
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'password_hash', 'csrfToken']);

function stripSecrets(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stripSecrets);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!SECRET_KEYS.has(k)) out[k] = stripSecrets(v);
  return out;
}
