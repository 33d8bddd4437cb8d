import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly, withPlannerSettings } from '../../db/sql.js';
import { todayInVietnam } from '../../lib/dates.js';
import { MERGED_SCOPE_PLAN, type Actor } from '../../lib/access.js';
import {
  isIndexOnlySearch,
  memberConditions,
  memberOrder,
  memberSource,
  memberUnitFilter,
  nameOrder,
  searchHitsWith,
} from './member-filters.js';
import { memberReadScope, requireMemberReader } from './policy.js';
import type { ListMembersInput, MemberFilter } from './schemas.js';

export interface MemberListRow {
  id: string;
  fullName: string;
  gender: string;
  birthDate: string;
  citizenId: string | null;
  phone: string | null;
  unionPosition: string;
  partyMember: boolean;
  cardNumber: string | null;
  status: string;
  admittedOn: string;
  unitId: string;
  unitCode: string;
  /** Short name (lists and cards); the long name is for the export, a document. */
  unitName: string;
  unitFullName: string;
  pendingTransfer: boolean;
}

interface RawRow extends Omit<MemberListRow, 'birthDate' | 'admittedOn'> {
  birthDate: unknown;
  admittedOn: unknown;
}

/** The member columns of the list and the export, over `members m join org_units u`. */
export const memberListColumns = sql`m.id, m.full_name as "fullName", m.gender, m.birth_date as "birthDate",
  m.citizen_id as "citizenId", m.phone, m.union_position as "unionPosition", m.party_member as "partyMember",
  m.card_number as "cardNumber", m.status, m.admitted_on as "admittedOn", m.unit_id as "unitId",
  u.code as "unitCode", u.short_name as "unitName", u.full_name as "unitFullName",
  exists (select 1 from member_events e where e.member_id = m.id and e.transfer_state = 'pending') as "pendingTransfer"`;

export function toListRow(r: RawRow): MemberListRow {
  return { ...r, birthDate: toDateOnly(r.birthDate)!, admittedOn: toDateOnly(r.admittedOn)!, pendingTransfer: Boolean(r.pendingTransfer) };
}

/** Reads one page of members in the caller's scope (counted apart: countMembers). */
async function readMemberRows(db: Executor, actor: Actor, filter: MemberFilter, limit: number, offset: number): Promise<MemberListRow[]> {
  const rows = await queryRows<RawRow>(
    db,
    sql`select ${memberListColumns}
      from ${memberSource(actor, filter)} join org_units u on u.id = m.unit_id
      where ${memberConditions(actor, filter)}
      order by ${memberOrder(filter.sort, filter.order)}
      limit ${limit} offset ${offset}`,
  );
  return rows.map(toListRow);
}

/**
 * A search in name order, page and total in one statement: the hits (searchHitsWith) are found once, kept within the
 * scope and the unit filter, counted, and the page chosen among their index rows; only the page's members are read
 * (the conditions are not asked again of them). The total rides on each row; a page past the end has no row to carry
 * it, and is then counted apart.
 */
async function searchPage(
  db: Executor,
  actor: Actor,
  filter: MemberFilter & { q: string },
  limit: number,
  offset: number,
  fewHits?: number,
): Promise<{ rows: MemberListRow[]; total: number | null }> {
  const hits = searchHitsWith(actor, filter.q, fewHits);
  const rows = await withPlannerSettings(db, MERGED_SCOPE_PLAN, (tx) =>
    queryRows<RawRow & { total: number }>(
      tx,
      sql`with ${hits.cte},
        found as materialized (${hits.found((unit) => memberUnitFilter(filter, unit))}),
        page as (select h.id from found h order by ${nameOrder(sql`h`, filter.order)} limit ${limit} offset ${offset})
      select ${memberListColumns}, (select count(*)::int from found) as total
      from page p join members m on m.id = p.id join org_units u on u.id = m.unit_id
      order by ${memberOrder('name', filter.order)}`,
    ),
  );
  return { rows: rows.map(({ total: _total, ...r }) => toListRow(r)), total: rows[0]?.total ?? null };
}

/** How many members the list finds: counted on the index rows of a search's hits when no other column is filtered. */
function countMembers(db: Executor, actor: Actor, filter: MemberFilter, fewHits?: number) {
  if (isIndexOnlySearch(filter)) {
    const hits = searchHitsWith(actor, filter.q, fewHits);
    return withPlannerSettings(db, MERGED_SCOPE_PLAN, (tx) =>
      queryRows<{ n: number | string }>(
        tx,
        sql`with ${hits.cte} select count(*)::int as n from (${hits.found((unit) => memberUnitFilter(filter, unit))}) h`,
      ),
    );
  }
  return queryRows<{ n: number | string }>(
    db,
    filter.q?.trim()
      ? sql`select count(*)::int as n from ${memberSource(actor, filter)} where ${memberConditions(actor, filter)}`
      : // No search: counted from the scope's units through the members' (unit, status) index, not by probing the
        // scope for every member of the country (a province's 205,000 among 10.5 million: 1.7 s).
        sql`select count(*)::int as n from members m where ${memberConditions(actor, filter, todayInVietnam(), memberReadScope)}`,
  );
}

/** The member list (sổ đoàn viên): search, filters, sort, pages; personal data masked by the presenter. */
export async function listMembers(
  db: Executor,
  actor: Actor,
  input: ListMembersInput,
  /** Tests: the hit count up to which a search probes the scope per hit (member-filters.ts FEW_HITS). */
  options: { fewHits?: number } = {},
) {
  requireMemberReader(actor);
  const offset = (input.page - 1) * input.pageSize;
  const { fewHits } = options;
  if (isIndexOnlySearch(input) && input.sort === 'name') {
    const { rows, total } = await searchPage(db, actor, input, input.pageSize, offset, fewHits);
    const counted = total ?? (offset === 0 ? 0 : Number((await countMembers(db, actor, input, fewHits))[0]?.n ?? 0));
    return { items: rows, total: counted, page: input.page, pageSize: input.pageSize };
  }
  const [items, [count]] = await Promise.all([
    readMemberRows(db, actor, input, input.pageSize, offset),
    countMembers(db, actor, input, fewHits),
  ]);
  return { items, total: Number(count?.n ?? 0), page: input.page, pageSize: input.pageSize };
}
