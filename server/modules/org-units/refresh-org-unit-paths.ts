import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/** Advisory lock key serialising rebuilds of the closure table. */
const ORG_TREE_LOCK = 724_303;

/**
 * Rebuilds the closure table org_unit_paths from units and their parent
 * history: each (ancestor, descendant, depth) row is valid over the
 * intersection of the unit's validity and every parent link on the path.
 * Call it inside the transaction that changed the tree. See docs/scopes.md.
 */
export async function refreshOrgUnitPaths(tx: Executor): Promise<void> {
  // One rebuild at a time: two transactions rebuilding at once (two units created
  // in parallel) both inserted the whole table and one failed on its primary key
  // (500, found by bench/load.ts). The lock is held to the end of the transaction.
  await tx.execute(sql`select pg_advisory_xact_lock(${ORG_TREE_LOCK})`);
  await tx.execute(sql`delete from org_unit_paths`);
  await tx.execute(sql`
    insert into org_unit_paths (ancestor_id, descendant_id, depth, valid_from, valid_to)
    with recursive paths (ancestor_id, descendant_id, depth, valid_from, valid_to) as (
      select u.id, u.id, 0, u.valid_from, coalesce(u.valid_to, '9999-12-31'::date)
      from org_units u
      union all
      select e.parent_id, p.descendant_id, p.depth + 1,
             greatest(p.valid_from, e.valid_from),
             least(p.valid_to, coalesce(e.valid_to, '9999-12-31'::date))
      from paths p
      join org_unit_parents e on e.unit_id = p.ancestor_id
      where greatest(p.valid_from, e.valid_from) <= least(p.valid_to, coalesce(e.valid_to, '9999-12-31'::date))
        and p.depth < 32
    )
    select ancestor_id, descendant_id, min(depth), valid_from, max(valid_to)
    from paths
    group by ancestor_id, descendant_id, valid_from
  `);
}
