// The rules every record write checks (docs/activities.md "Rules"), after the
// write scope and before anything is written: a refusal writes nothing. Each
// answers a typed ACTIVITY_* error tied to its field.
import { sql } from 'drizzle-orm';
import { ONE_PER_YEAR_KINDS, type ActivityKind, type RecordPersonRole } from '../../../common/activities.js';
import type { ActivityRecordInput } from '../../../common/api/activities.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { todayInVietnam } from '../../lib/dates.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { vnDate } from '../org-units/tree-queries.js';

/** The roles a kind names people in (kinds not listed name nobody). */
export const PERSON_ROLES_BY_KIND: Partial<Record<ActivityKind, readonly RecordPersonRole[]>> = {
  training: ['participant'],
  legal_case: ['member_concerned'],
  party_introduction: ['introduced'],
  campaign: ['participant'],
  welfare: ['beneficiary'],
  award: ['recipient'],
};

export const isOnePerYearKind = (kind: string) => (ONE_PER_YEAR_KINDS as readonly string[]).includes(kind);

/** What a record's columns derive from its input. */
export interface RecordColumns {
  year: number | null;
  amountVnd: number | null;
  subjectUnitId: string | null;
}

export interface CheckedPerson {
  memberId: string;
  role: RecordPersonRole;
  fullName: string;
  unionPosition: string;
}

export interface CheckedRecord {
  columns: RecordColumns;
  people: CheckedPerson[];
  unitName: string;
}

/** The columns a record's input sets besides its own fields. */
export function recordColumns(input: ActivityRecordInput): RecordColumns {
  const d = input.details as Record<string, unknown>;
  let amountVnd: number | null = null;
  if (input.kind === 'welfare') amountVnd = input.details.amounts.reduce((s, a) => s + a.amountVnd, 0);
  if (input.kind === 'emulation_work') amountVnd = input.details.valueVnd ?? null;
  return {
    year: isOnePerYearKind(input.kind) ? (d.year as number) : null,
    amountVnd,
    subjectUnitId: input.kind === 'inspection' ? input.details.inspectedUnitId : null,
  };
}

/**
 * Checks the record against every rule; `recordId` is the record being edited
 * (left out of the one-per-year count). Reads the named people as they are
 * now (their union position is kept with the record).
 */
export async function checkRecord(
  tx: Executor,
  input: ActivityRecordInput,
  recordId: string | null = null,
  today = todayInVietnam(),
): Promise<CheckedRecord> {
  const date = input.occurredOn;
  if (date > today) throw fieldError('ACTIVITY_DATE_IN_FUTURE', 'occurredOn');
  const columns = recordColumns(input);
  if (columns.year !== null && Number(date.slice(0, 4)) !== columns.year) {
    throw fieldError('ACTIVITY_DATE_OUTSIDE_YEAR', 'occurredOn', { year: String(columns.year) });
  }

  const [unit] = await queryRows<{ short_name: string; kind: string; valid_from: unknown; valid_to: unknown }>(
    tx,
    sql`select short_name, kind, valid_from::text as valid_from, valid_to::text as valid_to from org_units where id = ${input.unitId}::uuid`,
  );
  if (!unit) throw fieldError('ACTIVITY_UNIT_NOT_VALID', 'unitId', { date: vnDate(date) });
  const validFrom = String(unit.valid_from).slice(0, 10);
  const validTo = unit.valid_to ? String(unit.valid_to).slice(0, 10) : null;

  if (input.kind === 'classification') {
    const year = input.details.year;
    if (unit.kind !== 'grassroots_union') throw fieldError('ACTIVITY_UNIT_NOT_GRASSROOTS', 'unitId');
    // A unit that existed for some of the year is classified for it (its decision may come after it ended).
    if (validFrom > `${year}-12-31` || (validTo !== null && validTo < `${year}-01-01`)) {
      throw fieldError('ACTIVITY_UNIT_NOT_IN_YEAR', 'unitId', { year: String(year) });
    }
    if (input.details.grade === 'not_classified' && Number(validFrom.slice(0, 4)) !== year) {
      throw fieldError('ACTIVITY_NOT_CLASSIFIED_NOT_ALLOWED', 'details.grade', { year: String(year) });
    }
  } else if (validFrom > date || (validTo !== null && validTo < date)) {
    throw fieldError('ACTIVITY_UNIT_NOT_VALID', 'unitId', { date: vnDate(date) });
  }

  if (input.kind === 'inspection') {
    const [row] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select exists (select 1 from org_unit_paths p
        where p.ancestor_id = ${input.unitId}::uuid and p.descendant_id = ${input.details.inspectedUnitId}::uuid
          and p.valid_from <= ${date}::date and p.valid_to >= ${date}::date) as ok`,
    );
    if (!row?.ok) throw fieldError('ACTIVITY_INSPECTED_OUT_OF_SCOPE', 'details.inspectedUnitId', { date: vnDate(date) });
  }

  const people = await checkPeople(tx, input, unit.short_name);

  if (columns.year !== null) {
    // The unit's row is locked so that two writes of the same year cannot both pass.
    await tx.execute(sql`select id from org_units where id = ${input.unitId}::uuid for update`);
    const [dup] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select exists (select 1 from activity_records
        where unit_id = ${input.unitId}::uuid and kind = ${input.kind} and year = ${columns.year} and deleted_at is null
          ${recordId ? sql`and id <> ${recordId}::uuid` : sql``}) as ok`,
    );
    if (dup?.ok)
      throw new AppError(
        'ACTIVITY_ONE_PER_YEAR',
        { year: String(columns.year) },
        {
          fields: [{ field: 'details.year', messageKey: 'errors.ACTIVITY_ONE_PER_YEAR', params: { year: String(columns.year) } }],
        },
      );
  }
  return { columns, people, unitName: unit.short_name };
}

/** Roles per kind, counts per kind, no one twice, and every person a member of the unit on the date. */
async function checkPeople(tx: Executor, input: ActivityRecordInput, unitName: string): Promise<CheckedPerson[]> {
  const allowed = PERSON_ROLES_BY_KIND[input.kind] ?? [];
  const seen = new Set<string>();
  input.people.forEach((p, i) => {
    if (!allowed.includes(p.role)) throw fieldError('ACTIVITY_PERSON_ROLE_INVALID', `people.${i}.role`);
    const key = `${p.memberId}|${p.role}`;
    if (seen.has(key)) throw fieldError('ACTIVITY_PERSON_DUPLICATE', `people.${i}.memberId`);
    seen.add(key);
  });
  const n = (role: RecordPersonRole) => input.people.filter((p) => p.role === role).length;
  if (input.kind === 'legal_case' && n('member_concerned') < 1) throw fieldError('ACTIVITY_MEMBER_CONCERNED_REQUIRED', 'people');
  if (input.kind === 'party_introduction' && n('introduced') !== 1) throw fieldError('ACTIVITY_INTRODUCED_EXACTLY_ONE', 'people');
  if (input.kind === 'welfare' && input.details.welfareKind === 'mai_am_house' && n('beneficiary') !== 1) {
    throw fieldError('ACTIVITY_BENEFICIARY_EXACTLY_ONE', 'people');
  }
  if (input.kind === 'award' && n('recipient') > 1) throw fieldError('ACTIVITY_RECIPIENT_AT_MOST_ONE', 'people');
  if (input.people.length === 0) return [];

  const ids = [...new Set(input.people.map((p) => p.memberId))];
  const rows = await queryRows<{ id: string; full_name: string; union_position: string; is_member: boolean }>(
    tx,
    sql`select m.id::text as id, m.full_name, m.union_position,
        exists (select 1 from member_unit_periods mp where mp.member_id = m.id and mp.unit_id = ${input.unitId}::uuid
          and mp.valid_from <= ${input.occurredOn}::date and coalesce(mp.valid_to, '9999-12-31'::date) >= ${input.occurredOn}::date) as is_member
      from members m where m.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return input.people.map((p, i) => {
    const m = byId.get(p.memberId);
    if (!m || !m.is_member) {
      throw fieldError('ACTIVITY_PERSON_NOT_MEMBER', `people.${i}.memberId`, {
        name: m?.full_name ?? '—',
        unit: unitName,
        date: vnDate(input.occurredOn),
      });
    }
    return { memberId: p.memberId, role: p.role, fullName: m.full_name, unionPosition: m.union_position };
  });
}
