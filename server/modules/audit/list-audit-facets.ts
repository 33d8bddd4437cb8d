import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { auditScope, requireAuditReader } from './policy.js';

/** Distinct entity types and actions in the actor's scope, for the filter selects (one query). */
export async function listAuditFacets(db: Executor, actor: Actor): Promise<{ entityTypes: string[]; actions: string[] }> {
  requireAuditReader(actor);
  const scope = auditScope(actor);
  const rows = await queryRows<{ kind: string; value: string }>(
    db,
    sql`select 'entity' as kind, entity_type as value from audit_log where ${scope} group by entity_type
        union all
        select 'action' as kind, action as value from audit_log where ${scope} group by action
        order by 1, 2`,
  );
  return {
    entityTypes: rows.filter((r) => r.kind === 'entity').map((r) => r.value),
    actions: rows.filter((r) => r.kind === 'action').map((r) => r.value),
  };
}
