// Helpers shared by the org-unit tests (not used by the app).
import { sql } from 'drizzle-orm';
import { createUnit, createUser } from '../../../test/factories.js';
import { signInAs } from '../../../test/app.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { App } from '../../lib/http.js';

/** Row counts of the tables a tree write touches, to prove a refused write changed nothing. */
export async function treeCounts(db: Database) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from org_units) as units,
      (select count(*)::int from org_unit_parents) as parents,
      (select count(*)::int from org_unit_links) as links,
      (select count(*)::int from audit_log where action like 'org_unit.%') as audits,
      (select coalesce(string_agg(id::text || coalesce(valid_to::text, '-') || code, ',' order by id), '') from org_units) as units_sig,
      (select coalesce(string_agg(id::text || parent_id::text || valid_from::text || coalesce(valid_to::text, '-'), ',' order by id), '') from org_unit_parents) as parents_sig`,
  );
  return row!;
}

export async function auditRows(db: Database, entityId: string) {
  return queryRows<{ action: string; unit_id: string; before: unknown; after: unknown; user_id: string }>(
    db,
    sql`select action, unit_id, before, after, user_id from audit_log where entity_id = ${entityId} and action like 'org_unit.%' order by id`,
  );
}

/** A system administrator signed in at a fresh top unit. */
export async function signInAdmin(app: App, db: Database) {
  const root = await createUnit(db, { kind: 'national_confederation', validFrom: '1929-07-28' });
  const user = await createUser(db, { role: 'system_admin', unitId: root.id });
  return { root, client: await signInAs(app, user.username) };
}

/** A user with one role at a unit, signed in. */
export async function signInWithRole(
  app: App,
  db: Database,
  role: Parameters<typeof createUser>[1] extends infer I ? (I extends { role?: infer R } ? NonNullable<R> : never) : never,
  unitId: string,
  includesSubtree = true,
) {
  const user = await createUser(db, { role, unitId, includesSubtree });
  return signInAs(app, user.username);
}
