import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog, orgUnits, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { auditColumnsFor, auditConditions } from './filters.js';
import { requireAuditReader } from './policy.js';
import type { AuditFilter } from './schemas.js';

export interface AuditListInput extends AuditFilter {
  page: number;
  pageSize: number;
}

/** A page of the audit log in the actor's scope, newest first (rows; the route presents them): one query for the page, one for the total. */
export async function listAuditEntries(db: Executor, actor: Actor, input: AuditListInput) {
  requireAuditReader(actor);
  const where = auditConditions(actor, input);
  const [rows, [total]] = await Promise.all([
    db
      .select(auditColumnsFor(actor))
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(orgUnits, eq(orgUnits.id, auditLog.unitId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(orgUnits, eq(orgUnits.id, auditLog.unitId))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), page: input.page, pageSize: input.pageSize };
}
