import { and, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { vietnamDayEnd, vietnamDayStart } from '../../../common/format.js';
import { auditLog, orgUnits, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { auditScope, personalDataVisible } from './policy.js';
import { PERSONAL_DATA_KEYS } from './presenter.js';
import type { AuditFilter } from './schemas.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE condition of an audit query: the actor's scope and the filters.
 * Expects audit_log joined with users and org_units (for the text search).
 */
export function auditConditions(actor: Actor, f: AuditFilter): SQL {
  const conds: SQL[] = [auditScope(actor)];
  if (f.userId) conds.push(eq(auditLog.userId, f.userId));
  if (f.unitId) {
    conds.push(
      f.includeSubtree
        ? // Any unit that was ever below the chosen one (closure table, every period).
          sql`${auditLog.unitId} in (select p.descendant_id from org_unit_paths p where p.ancestor_id = ${f.unitId}::uuid)`
        : eq(auditLog.unitId, f.unitId),
    );
  }
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.from) conds.push(gte(auditLog.at, vietnamDayStart(f.from)));
  if (f.to) conds.push(lt(auditLog.at, vietnamDayEnd(f.to)));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conds.push(
      or(
        ilike(users.username, pattern),
        ilike(users.fullName, pattern),
        ilike(auditLog.action, pattern),
        ilike(auditLog.entityType, pattern),
        ilike(auditLog.entityId, pattern),
        ilike(auditLog.entityLabel, pattern),
        ilike(orgUnits.code, pattern),
        ilike(orgUnits.shortName, pattern),
        // Personal data the reader may not see is not searched either (else a search for a
        // CCCD would tell whose it is).
        sql`(case when ${personalDataVisible(actor)} then ${auditLog.before} else ${withoutPersonalData(auditLog.before)} end)::text ilike ${pattern}`,
        sql`(case when ${personalDataVisible(actor)} then ${auditLog.after} else ${withoutPersonalData(auditLog.after)} end)::text ilike ${pattern}`,
      )!,
    );
  }
  return and(...conds)!;
}

/** A jsonb value without the personal-data keys (top level, as member snapshots store them). */
function withoutPersonalData(column: AnyPgColumn): SQL {
  return sql`(${column} - ${sql.raw(PERSONAL_DATA_KEYS.map((k) => `'${k}'`).join(' - '))})`;
}

/** The columns every audit read returns (one row per entry, users and units joined), and whether the reader sees its personal data. */
export function auditColumnsFor(actor: Actor) {
  return { ...auditColumns, personalDataVisible: sql<boolean>`${personalDataVisible(actor)}` };
}

const auditColumns = {
  id: auditLog.id,
  at: auditLog.at,
  userId: auditLog.userId,
  username: users.username,
  userFullName: users.fullName,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  entityLabel: auditLog.entityLabel,
  unitId: auditLog.unitId,
  unitCode: orgUnits.code,
  unitName: orgUnits.shortName,
  before: auditLog.before,
  after: auditLog.after,
};
