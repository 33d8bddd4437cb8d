import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { inUnitScope, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { matchesText } from '../../lib/search-text.js';
import { compareUnits, type OrgUnitRow } from './tree-queries.js';

export interface OrgUnitListModel {
  asOf: string;
  items: Array<{ unit: Omit<OrgUnitRow, 'createdAt' | 'updatedAt' | 'rowVersion' | 'updatedBy'>; parentId: string | null }>;
  matchIds: string[];
}

interface Row {
  id: string;
  code: string;
  full_name: string;
  short_name: string;
  kind: string;
  sector: string | null;
  address: string | null;
  founding_decision: string | null;
  initial_member_count: number | null;
  valid_from: string;
  valid_to: string | null;
  parent_id: string | null;
  has_parent: boolean;
  is_match: boolean;
}

/**
 * The units valid on `asOf` within the caller's scope, each with its parent
 * on that day (null when the parent is outside the scope). With `q`, only the
 * units whose code or names contain q (ignoring case and diacritics), plus
 * their ancestors on that day within scope, so the client can show the path.
 * One query either way.
 */
export async function listOrgUnits(db: Executor, actor: Actor, input: { asOf?: string; q?: string }): Promise<OrgUnitListModel> {
  const asOf = input.asOf ?? todayInVietnam();
  const q = input.q?.trim() ?? '';
  const visible = sql`select u.id, u.code, u.full_name, u.short_name, u.kind, u.sector, u.address,
        u.founding_decision, u.initial_member_count,
        u.valid_from::text as valid_from, u.valid_to::text as valid_to,
        (select e.parent_id from org_unit_parents e
          where e.unit_id = u.id and e.valid_from <= ${asOf}::date and (e.valid_to is null or e.valid_to >= ${asOf}::date)
            and ${inUnitScope(sql`e.parent_id`, actor)}
          order by e.valid_from desc limit 1) as parent_id,
        exists (select 1 from org_unit_parents e
          where e.unit_id = u.id and e.valid_from <= ${asOf}::date and (e.valid_to is null or e.valid_to >= ${asOf}::date)) as has_parent
      from org_units u
      where u.valid_from <= ${asOf}::date and (u.valid_to is null or u.valid_to >= ${asOf}::date)
        and ${inUnitScope(sql`u.id`, actor)}`;

  const rows = q
    ? await queryRows<Row>(
        db,
        sql`with visible as (${visible}),
          matches as (select v.id from visible v where ${matchesText([sql`v.code`, sql`v.full_name`, sql`v.short_name`], q)})
        select v.*, (v.id in (select id from matches)) as is_match from visible v
        where v.id in (select id from matches)
           or v.id in (select p.ancestor_id from org_unit_paths p
                        where p.descendant_id in (select id from matches)
                          and p.valid_from <= ${asOf}::date and p.valid_to >= ${asOf}::date)`,
      )
    : await queryRows<Row>(db, sql`select v.*, false as is_match from (${visible}) v`);

  const items = rows
    .map((r) => ({
      unit: {
        id: r.id,
        code: r.code,
        fullName: r.full_name,
        shortName: r.short_name,
        kind: r.kind,
        sector: r.sector,
        address: r.address,
        foundingDecision: r.founding_decision,
        initialMemberCount: r.initial_member_count == null ? null : Number(r.initial_member_count),
        validFrom: r.valid_from,
        validTo: r.valid_to,
      },
      parentId: r.parent_id,
      hasParent: Boolean(r.has_parent),
      isMatch: Boolean(r.is_match),
    }))
    .sort((a, b) => compareUnits(a.unit, b.unit));
  const shown = connectedToScope(items, new Set(actor.assignments.map((a) => a.unitId)));
  return {
    asOf,
    items: shown.map(({ unit, parentId }) => ({ unit, parentId })),
    matchIds: q ? shown.filter((i) => i.isMatch).map((i) => i.unit.id) : [],
  };
}

/**
 * Units the caller reaches only through history (once under their unit, now under a
 * parent outside their scope: the CĐCS of a district federation ended on 1 July 2025)
 * are left out rather than shown as orphans at the top of the tree. A unit is shown
 * when its parent on the day is shown, when it is one of the caller's own units, or
 * when it has no parent at all that day (a root).
 */
function connectedToScope<T extends { unit: { id: string }; parentId: string | null; hasParent: boolean }>(
  items: T[],
  ownUnits: Set<string>,
): T[] {
  let kept = items;
  for (;;) {
    const ids = new Set(kept.map((i) => i.unit.id));
    const next = kept.filter((i) => (i.parentId !== null ? ids.has(i.parentId) : ownUnits.has(i.unit.id) || !i.hasParent));
    if (next.length === kept.length) return kept;
    kept = next;
  }
}
