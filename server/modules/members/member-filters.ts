import { sql, type SQL } from 'drizzle-orm';
import { AGE_BAND_RANGES, type MemberSort } from '../../../common/members.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { foldText } from '../../lib/search-text.js';
import { memberListScope, memberManageScope } from './policy.js';
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
export function memberConditions(actor: Actor, filter: MemberFilter, today = todayInVietnam()): SQL {
  const parts: SQL[] = [memberListScope(sql`m.unit_id`, actor)];
  if (filter.unitId) {
    parts.push(
      filter.includeSubtree
        ? sql`m.unit_id in (select descendant_id from org_unit_paths where ancestor_id = ${filter.unitId}::uuid)`
        : sql`m.unit_id = ${filter.unitId}::uuid`,
    );
  }
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
  return sql.join(parts, sql` and `);
}

/**
 * The FROM item `m` of the member list and its export. A search (q) is run
 * first, on its own, behind an optimisation fence (OFFSET 0): each of its
 * branches has an index (trigram on the folded name, the unique CCCD and card
 * numbers) that PostgreSQL ORs together, whereas inside the scoped query the
 * planner, misjudging the scope subquery as one unit, would read every member
 * of every unit in scope and filter them.
 *
 * An exact CCCD or card number matches only members of units the caller
 * manages (those whose number the caller sees unmasked): otherwise a reader
 * who sees "09*******529" could recover the number by searching candidates.
 */
export function memberSource(actor: Actor, filter: Pick<MemberFilter, 'q'>): SQL {
  const q = filter.q?.trim();
  if (!q) return sql`members m`;
  const like = `%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const code = q.replace(/\s+/g, '');
  return sql`(select * from members
    where name_folded like ${like}
      or ((citizen_id = ${code} or card_number in (${code}, ${code.toUpperCase()})) and ${memberManageScope(sql`unit_id`, actor)})
    offset 0) m`;
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
      return sql`m.name_folded ${dir}, m.full_name ${dir}, m.id`;
  }
}
