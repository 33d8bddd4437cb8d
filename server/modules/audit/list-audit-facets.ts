import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { auditScope, requireAuditReader } from './policy.js';

export interface AuditFacets {
  entityTypes: string[];
  actions: string[];
  users: Array<{ id: string; username: string; fullName: string }>;
}

/** Distinct entity types, actions and acting users in the actor's scope, for the filter selects (one query). */
export async function listAuditFacets(db: Executor, actor: Actor): Promise<AuditFacets> {
  requireAuditReader(actor);
  const scope = auditScope(actor);
  const rows = await queryRows<{ kind: string; value: string; username: string | null; full_name: string | null }>(
    db,
    sql`select 'entity' as kind, entity_type as value, null as username, null as full_name from audit_log where ${scope} group by entity_type
        union all
        select 'action' as kind, action as value, null, null from audit_log where ${scope} group by action
        union all
        select 'user' as kind, u.id::text as value, u.username, u.full_name
          from users u where u.id in (select user_id from audit_log where ${scope} and user_id is not null)
        order by 1, 2`,
  );
  return {
    entityTypes: rows.filter((r) => r.kind === 'entity').map((r) => r.value),
    actions: rows.filter((r) => r.kind === 'action').map((r) => r.value),
    users: rows
      .filter((r) => r.kind === 'user')
      .map((r) => ({ id: r.value, username: r.username ?? '', fullName: r.full_name ?? '' }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
  };
}
