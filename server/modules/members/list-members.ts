import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { todayInVietnam } from '../../lib/dates.js';
import type { Actor } from '../../lib/access.js';
import {
  isIndexOnlySearch,
  memberConditions,
  memberOrder,
  memberSource,
  memberUnitConditions,
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

/** Reads one page of members in the caller's scope, with the filter's total. */
export async function readMemberRows(
  db: Executor,
  actor: Actor,
  filter: MemberFilter,
  limit: number,
  offset: number,
): Promise<MemberListRow[]> {
  // A search in name order: the page is chosen among the index rows of the hits (searchHits), within the scope and
  // the unit filter, then only its members are read (the conditions are not asked again of the page's rows).
  const hits = isIndexOnlySearch(filter) && filter.sort === 'name' ? searchHitsWith(actor, filter.q) : null;
  const source = hits
    ? sql`(select m.* from (with ${hits.cte} select h.id from hits h
            where ${memberUnitConditions(actor, filter, sql`h.unit_id`, hits.scope)}
            order by ${nameOrder(sql`h`, filter.order)} limit ${limit} offset ${offset}) p
          join members m on m.id = p.id) m`
    : null;
  const rows = await queryRows<RawRow>(
    db,
    sql`select ${memberListColumns}
      from ${source ?? memberSource(actor, filter)} join org_units u on u.id = m.unit_id
      where ${source ? sql`true` : memberConditions(actor, filter)}
      order by ${memberOrder(filter.sort, filter.order)}
      limit ${limit} offset ${source ? 0 : offset}`,
  );
  return rows.map(toListRow);
}

/** How many members the list finds: counted on the index rows of a search's hits when no other column is filtered. */
function countMembers(db: Executor, actor: Actor, filter: MemberFilter) {
  const hits = isIndexOnlySearch(filter) ? searchHitsWith(actor, filter.q) : null;
  return queryRows<{ n: number | string }>(
    db,
    hits
      ? sql`with ${hits.cte} select count(*)::int as n from hits h where ${memberUnitConditions(actor, filter, sql`h.unit_id`, hits.scope)}`
      : filter.q?.trim()
        ? sql`select count(*)::int as n from ${memberSource(actor, filter)} where ${memberConditions(actor, filter)}`
        : // No search: counted from the scope's units through the members' (unit, status) index, not by probing the
          // scope for every member of the country (a province's 205,000 among 10.5 million: 1.7 s).
          sql`select count(*)::int as n from members m where ${memberConditions(actor, filter, todayInVietnam(), memberReadScope)}`,
  );
}

/** The member list (sổ đoàn viên): search, filters, sort, pages; personal data masked by the presenter. */
export async function listMembers(db: Executor, actor: Actor, input: ListMembersInput) {
  requireMemberReader(actor);
  const [items, [count]] = await Promise.all([
    readMemberRows(db, actor, input, input.pageSize, (input.page - 1) * input.pageSize),
    countMembers(db, actor, input),
  ]);
  return { items, total: Number(count?.n ?? 0), page: input.page, pageSize: input.pageSize };
}
