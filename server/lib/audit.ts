import { eq, sql } from 'drizzle-orm';
import {
  auditLog,
  dataElements,
  indicators,
  memberImports,
  members,
  orgUnits,
  programs,
  reportPeriods,
  reports,
  roleAssignments,
  targets,
  users,
} from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import type { Actor } from './access.js';

export interface AuditEntry {
  action: string; // "<entity>.<verb>", e.g. "org_unit.move"
  entityType: string;
  entityId: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The object's readable name as it is now (unit short name, user name, member name,
   * program title…), kept with the entry so the log names it even after a rename or
   * deletion. Left out, it is taken from the recorded values or looked up by id.
   */
  entityLabel?: string | null;
}

/** Records a write; call it with the transaction that makes the change. */
export async function recordAudit(tx: Executor, actor: Pick<Actor, 'userId'> | null, entry: AuditEntry): Promise<void> {
  const entityLabel =
    entry.entityLabel !== undefined
      ? entry.entityLabel
      : (labelFromValues(entry.entityType, entry.after) ??
        labelFromValues(entry.entityType, entry.before) ??
        (entry.entityType === 'role_assignment' ? await assignmentLabel(tx, entry.after ?? entry.before) : null) ??
        (entry.entityId ? await lookUpLabel(tx, entry.entityType, entry.entityId) : null));
  await tx.insert(auditLog).values({
    userId: actor?.userId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityLabel: entityLabel ? entityLabel.slice(0, LABEL_MAX) : null,
    unitId: entry.unitId ?? null,
    before: entry.before === undefined ? null : stripSecrets(entry.before),
    after: entry.after === undefined ? null : stripSecrets(entry.after),
  });
}

/** Audit rows per INSERT (one JSON parameter each). */
const AUDIT_BATCH = 2_500;

/**
 * Records many writes of one batch use-case (one entry per object) in a few
 * multi-row INSERTs (INSERT … SELECT FROM json_to_recordset of one JSON
 * parameter); call it with the transaction that makes the change. Each entry
 * is named by entityLabel or its recorded values (no look-up by id).
 */
export async function recordAudits(tx: Executor, actor: Pick<Actor, 'userId'> | null, entries: readonly AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => {
    const label =
      entry.entityLabel !== undefined
        ? entry.entityLabel
        : (labelFromValues(entry.entityType, entry.after) ?? labelFromValues(entry.entityType, entry.before));
    return {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityLabel: label ? label.slice(0, LABEL_MAX) : null,
      unitId: entry.unitId ?? null,
      before: entry.before === undefined ? null : stripSecrets(entry.before),
      after: entry.after === undefined ? null : stripSecrets(entry.after),
    };
  });
  for (let i = 0; i < rows.length; i += AUDIT_BATCH) {
    await tx.execute(sql`
      insert into audit_log (user_id, action, entity_type, entity_id, entity_label, unit_id, before, after)
      select ${actor?.userId ?? null}::uuid, r.action, r."entityType", r."entityId", r."entityLabel", r."unitId", r.before, r.after
      from json_to_recordset(${JSON.stringify(rows.slice(i, i + AUDIT_BATCH))}::json)
        as r(action text, "entityType" text, "entityId" text, "entityLabel" text, "unitId" uuid, before jsonb, after jsonb)`);
  }
}

const LABEL_MAX = 200;
/** Keys that name an object, best first: Vietnamese names before codes ("chair_trained"). */
const LABEL_KEYS = ['shortName', 'username', 'fullName', 'title', 'nameVi', 'fileName', 'name', 'code'] as const;

/** The first readable name found in recorded values (a target is named by its code and sentence). */
export function labelFromValues(entityType: string, values: unknown): string | null {
  if (!values || typeof values !== 'object') return null;
  const record = values as Record<string, unknown>;
  if (entityType === 'target' && typeof record.text === 'string') return targetLabel(record.code, record.text);
  for (const key of LABEL_KEYS) {
    const v = record[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

function targetLabel(code: unknown, text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return typeof code === 'string' && code ? `${code}. ${short}` : short;
}

/** A role assignment is named by its user and unit ("vanphong.vt — LĐLĐ Vĩnh Thuận"), also once deleted. */
async function assignmentLabel(tx: Executor, values: unknown): Promise<string | null> {
  const v = (values ?? {}) as { userId?: unknown; unitId?: unknown };
  if (typeof v.userId !== 'string' || typeof v.unitId !== 'string' || !UUID.test(v.userId) || !UUID.test(v.unitId)) return null;
  const [u] = await tx.select({ v: users.username }).from(users).where(eq(users.id, v.userId));
  const [o] = await tx.select({ v: orgUnits.shortName }).from(orgUnits).where(eq(orgUnits.id, v.unitId));
  return u && o ? `${u.v} — ${o.v}` : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The object's current name, read in the writing transaction (so as it is when logged). */
async function lookUpLabel(tx: Executor, entityType: string, id: string): Promise<string | null> {
  if (!UUID.test(id)) return null;
  switch (entityType) {
    case 'user': {
      const [r] = await tx.select({ v: users.username }).from(users).where(eq(users.id, id));
      return r?.v ?? null;
    }
    case 'role_assignment': {
      const [r] = await tx
        .select({ user: users.username, unit: orgUnits.shortName })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId))
        .where(eq(roleAssignments.id, id));
      return r ? `${r.user} — ${r.unit}` : null;
    }
    case 'org_unit': {
      const [r] = await tx.select({ v: orgUnits.shortName }).from(orgUnits).where(eq(orgUnits.id, id));
      return r?.v ?? null;
    }
    case 'member': {
      const [r] = await tx.select({ v: members.fullName }).from(members).where(eq(members.id, id));
      return r?.v ?? null;
    }
    case 'program': {
      const [r] = await tx.select({ v: programs.title }).from(programs).where(eq(programs.id, id));
      return r?.v ?? null;
    }
    case 'target': {
      const [r] = await tx.select({ code: targets.code, text: targets.text }).from(targets).where(eq(targets.id, id));
      return r ? targetLabel(r.code, r.text) : null;
    }
    case 'indicator': {
      const [r] = await tx.select({ v: indicators.nameVi }).from(indicators).where(eq(indicators.id, id));
      return r?.v ?? null;
    }
    case 'data_element': {
      const [r] = await tx.select({ v: dataElements.nameVi }).from(dataElements).where(eq(dataElements.id, id));
      return r?.v ?? null;
    }
    case 'report': {
      // As the submission names it: "CĐCS … · monthly 2024-05-25" (unit, kind, data to).
      const [r] = await tx
        .select({ unit: orgUnits.shortName, kind: reportPeriods.kind, dataTo: reportPeriods.dataTo })
        .from(reports)
        .innerJoin(orgUnits, eq(orgUnits.id, reports.unitId))
        .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
        .where(eq(reports.id, id));
      return r ? `${r.unit} · ${r.kind} ${String(r.dataTo).slice(0, 10)}` : null;
    }
    case 'member_import': {
      const [r] = await tx.select({ v: memberImports.fileName }).from(memberImports).where(eq(memberImports.id, id));
      return r?.v ?? null;
    }
    default:
      return null;
  }
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
