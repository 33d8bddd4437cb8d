import { sql, type SQL } from 'drizzle-orm';
import { AGE_BAND_RANGES, type MemberSort } from '../../../common/members.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { MEMBER_NAME_WORDS } from '../../db/schema/members.js';
import { foldText } from '../../lib/search-text.js';
import { memberListScope, memberManageScope, memberMergedScope, memberReadScopeProbe } from './policy.js';
import type { MemberFilter } from './schemas.js';

/** 'YYYY-MM-DD' minus whole years (29 Feb → 28 Feb). */
function yearsBefore(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) - years;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/**
 * The WHERE condition of the member list and its export, over memberSource():
 * the caller's scope, then each filter but the search (in memberSource).
 */
export function memberConditions(actor: Actor, filter: MemberFilter, today = todayInVietnam(), scope = memberListScope): SQL {
  return sql.join([memberUnitConditions(actor, filter, sql`m.unit_id`, scope), ...memberRowConditions(filter, today)], sql` and `);
}

/**
 * The conditions on the member's unit: the caller's scope (hashed by default;
 * memberReadScope, a join from the scope's units, for a count without search),
 * then the unit filter (memberUnitFilter).
 */
function memberUnitConditions(actor: Actor, filter: MemberFilter, unitColumn: SQL, scope = memberListScope): SQL {
  return sql.join([scope(unitColumn, actor), ...memberUnitFilter(filter, unitColumn)], sql` and `);
}

/** The unit filter (with its subtree or not); empty when none is set. */
export function memberUnitFilter(filter: MemberFilter, unitColumn: SQL): SQL[] {
  if (!filter.unitId) return [];
  return [
    filter.includeSubtree
      ? sql`${unitColumn} in (select descendant_id from org_unit_paths where ancestor_id = ${filter.unitId}::uuid)`
      : sql`${unitColumn} = ${filter.unitId}::uuid`,
  ];
}

/** The filters on the member's own columns (status, gender, position, admission year, age band); empty when none is set. */
function memberRowConditions(filter: MemberFilter, today: string): SQL[] {
  const parts: SQL[] = [];
  if (filter.status) parts.push(sql`m.status = ${filter.status}`);
  if (filter.gender) parts.push(sql`m.gender = ${filter.gender}`);
  if (filter.position) parts.push(sql`m.union_position = ${filter.position}`);
  if (filter.admissionYear) {
    parts.push(sql`m.admitted_on between ${`${filter.admissionYear}-01-01`}::date and ${`${filter.admissionYear}-12-31`}::date`);
  }
  if (filter.ageBand) {
    const [min, max] = AGE_BAND_RANGES[filter.ageBand];
    // age >= min ⇔ born on or before today − min years; age <= max ⇔ born after today − (max + 1) years.
    parts.push(sql`m.birth_date <= ${yearsBefore(today, min)}::date`);
    if (max !== null) parts.push(sql`m.birth_date > ${yearsBefore(today, max + 1)}::date`);
  }
  return parts;
}

/**
 * A search the index rows answer alone (searchHits): a query, no filter on
 * the member's own columns — the list's count, and its page in name order.
 */
export function isIndexOnlySearch(filter: MemberFilter): filter is MemberFilter & { q: string } {
  return Boolean(filter.q?.trim()) && memberRowConditions(filter, todayInVietnam()).length === 0;
}

/**
 * The members a search finds, as the FROM item `h(id, unit_id, name_folded,
 * full_name)`: a name in which the folded query starts at the start of a
 * word ("van an" finds "Nguyễn Văn An", "an" finds "Hoàng An" and "Lê Anh",
 * not "Lan"), each word position read from its own index alone
 * (MEMBER_NAME_WORDS), so that a common name among millions costs an index
 * range, not a visit of every matching row; or an exact CCCD or card number.
 * Each member once: a branch keeps only the names no earlier branch matched
 * (tested on the index row), so the branches are appended, not sorted to
 * drop duplicates (40,000 rows of a common name: a sort that spilled to disk).
 *
 * An exact CCCD or card number matches only members of units the caller
 * manages (those whose number the caller sees unmasked): otherwise a reader
 * who sees "09*******529" could recover the number by searching candidates.
 */
export function searchHits(actor: Actor, q: string): SQL {
  const prefix = `${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const code = q.replace(/\s+/g, '');
  const columns = sql`id, unit_id, name_folded, full_name`;
  const matches = MEMBER_NAME_WORDS.map((word) => (name: SQL) => sql`${word(name)} like ${prefix}`);
  // A word position that does not exist is null: "is not true" keeps the row.
  const matchedBefore = (count: number, name: SQL) => matches.slice(0, count).map((match) => sql` and (${match(name)}) is not true`);
  const branches = [
    ...matches.map(
      (match, i) => sql`select ${columns} from members where ${match(sql`name_folded`)}${sql.join(matchedBefore(i, sql`name_folded`))}`,
    ),
    // The number first (its unique index, behind a fence), then the scope of that one member: joined the other way,
    // the planner read every member of the caller's scope by unit to find the number (1.3 s for a national officer).
    sql`select ${columns} from (select ${columns} from members
        where citizen_id = ${code} or card_number in (${code}, ${code.toUpperCase()}) offset 0) c
      where ${memberManageScope(sql`c.unit_id`, actor)}${sql.join(matchedBefore(matches.length, sql`c.name_folded`))}`,
  ];
  return sql`(${sql.join(branches, sql` union all `)}) h`;
}

/** Up to this many hits, a search's scope is probed per hit; above, the hits are merged with the caller's scope. */
const FEW_HITS = 2_000;

/**
 * The hits of a search as the CTEs `hits` (searchHits, computed once) and `hit_count`, and
 * `found(conditions)`: the hits `h` within the caller's scope and the given
 * conditions. Few hits (an exact CCCD, a rare name): each probes the scope.
 * Many (a common name): the hits, sorted by unit, are merged with the scope's
 * paths read in unit order (access.ts inUnitScopeMerged), under
 * MERGED_SCOPE_PLAN — a national officer's scope is 256,000 path rows, which
 * hashing cost 150 ms and probing 40,000 hits one by one more; the merge reads
 * them once. Only the branch the hit count selects runs (a one-time filter).
 */
export function searchHitsWith(
  actor: Actor,
  q: string,
  fewHits = FEW_HITS,
): { cte: SQL; found: (conditions: (unitColumn: SQL) => SQL[]) => SQL } {
  const found = (scope: SQL, conditions: SQL[], many: boolean) =>
    sql`select h.id, h.unit_id, h.name_folded, h.full_name from hits h
      where (select n from hit_count) ${many ? sql`>` : sql`<=`} ${fewHits} and ${sql.join([scope, ...conditions], sql` and `)}`;
  return {
    cte: sql`hits as materialized (select * from ${searchHits(actor, q)}), hit_count as materialized (select count(*) as n from hits)`,
    found: (conditions) =>
      sql`${found(memberReadScopeProbe(sql`h.unit_id`, actor), conditions(sql`h.unit_id`), false)}
        union all ${found(memberMergedScope(sql`h.unit_id`, actor), conditions(sql`h.unit_id`), true)}`,
  };
}

/**
 * The FROM item `m` of the member list and its export: every member, or those
 * a search finds (searchHits), run first, on its own, behind an optimisation
 * fence (OFFSET 0): inside the scoped query the planner, misjudging the scope
 * subquery as one unit, would read every member in scope and filter them.
 */
export function memberSource(actor: Actor, filter: Pick<MemberFilter, 'q'>): SQL {
  const q = filter.q?.trim();
  if (!q) return sql`members m`;
  return sql`(select * from members where id in (select id from ${searchHits(actor, q)}) offset 0) m`;
}

/** ORDER BY for a sort key, always ending on the id so pages are stable. */
export function memberOrder(sort: MemberSort, order: 'asc' | 'desc'): SQL {
  const dir = order === 'desc' ? sql`desc` : sql`asc`;
  switch (sort) {
    case 'birthDate':
      return sql`m.birth_date ${dir}, m.name_folded, m.id`;
    case 'admittedOn':
      return sql`m.admitted_on ${dir}, m.name_folded, m.id`;
    case 'unit':
      return sql`u.short_name ${dir}, m.name_folded, m.id`;
    case 'cardNumber':
      return sql`m.card_number ${dir} nulls last, m.name_folded, m.id`;
    case 'name':
    default:
      return nameOrder(sql`m`, order);
  }
}

/** The list's name order over a row alias (m, or h of searchHits). */
export function nameOrder(alias: SQL, order: 'asc' | 'desc'): SQL {
  const dir = order === 'desc' ? sql`desc` : sql`asc`;
  return sql`${alias}.name_folded ${dir}, ${alias}.full_name ${dir}, ${alias}.id`;
}
