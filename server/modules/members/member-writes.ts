// What every write to a member shares: finding the member within the
// caller's reach, checking an event's date and unit, appending the event and
// deriving the member's status, unit and periods from all their events again
// (never typed), the person's checks (birth date, CCCD, card number, same
// person) and columns shared by admission and edit, and the snapshot the
// audit log keeps.
import { and, asc, eq, sql } from 'drizzle-orm';
import { deriveMemberState, type MemberEventFact, type MemberEventKind, type TransferState } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { memberEvents, members, memberUnitPeriods, orgUnits } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { heldOn, isSystemAdmin, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { nextVersion } from '../../lib/row-version.js';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { foldText } from '../../lib/search-text.js';
import { vnDate } from '../org-units/tree-queries.js';
import { refreshMemberFacts } from './member-facts.js';
import { MANAGE_MEMBER_ROLES, memberManageScope } from './policy.js';
import type { UpdateMemberInput } from './schemas.js';

export type MemberRow = typeof members.$inferSelect;

/** The earliest birth date accepted (also by the Excel import). */
export const MIN_BIRTH_DATE = '1900-01-01';

/** Birth date from 1900 and before the admission. */
export function checkBirthDate(birthDate: string, admittedOn: string): void {
  if (birthDate < MIN_BIRTH_DATE || birthDate >= admittedOn) throw fieldError('MEMBER_BIRTH_DATE_INVALID', 'birthDate');
}

/**
 * Refuses a CCCD or card number that another member holds, and a same-name,
 * same-birth-date member of the unit. A CCCD held in a unit the actor does not
 * manage is reported only as a duplicate for the federation to resolve (not
 * that the number is registered somewhere), as in the Excel import.
 */
export async function checkMemberIdentity(
  tx: Executor,
  person: { fullName?: string; birthDate?: string; citizenId?: string | null; cardNumber?: string | null },
  unitId: string,
  exceptId: string | null,
  actor?: Actor,
): Promise<void> {
  const other = exceptId ? sql`and id <> ${exceptId}::uuid` : sql``;
  if (person.citizenId) {
    const [hit] = await queryRows<{ manageable: boolean }>(
      tx,
      sql`select ${actor ? memberManageScope(sql`members.unit_id`, actor) : sql`true`} as manageable
        from members where citizen_id = ${person.citizenId} ${other} limit 1`,
    );
    if (hit) throw fieldError(hit.manageable ? 'MEMBER_CITIZEN_ID_TAKEN' : 'MEMBER_CITIZEN_ID_DUPLICATE', 'citizenId');
  }
  if (person.cardNumber) {
    const [hit] = await queryRows(tx, sql`select 1 from members where card_number = ${person.cardNumber} ${other} limit 1`);
    if (hit) throw fieldError('MEMBER_CARD_TAKEN', 'cardNumber');
  }
  if (person.fullName && person.birthDate) {
    const [hit] = await tx
      .select({ id: members.id })
      .from(members)
      .where(
        and(
          eq(members.nameFolded, foldText(person.fullName)),
          eq(members.birthDate, person.birthDate),
          eq(members.unitId, unitId),
          exceptId ? sql`${members.id} <> ${exceptId}::uuid` : undefined,
        ),
      )
      .limit(1);
    if (hit) throw fieldError('MEMBER_DUPLICATE_PERSON', 'fullName');
  }
}

/** The person's columns from a validated body (search name folded). */
export function personColumns(input: Omit<UpdateMemberInput, 'expectedVersion'>) {
  const out: Partial<typeof members.$inferInsert> = {};
  if (input.fullName !== undefined) {
    out.fullName = input.fullName;
    out.nameFolded = foldText(input.fullName);
  }
  if (input.gender !== undefined) out.gender = input.gender;
  if (input.birthDate !== undefined) out.birthDate = input.birthDate;
  if (input.citizenId !== undefined) out.citizenId = input.citizenId ?? null;
  if (input.phone !== undefined) out.phone = input.phone ?? null;
  if (input.email !== undefined) out.email = input.email ?? null;
  if (input.ethnicity !== undefined) out.ethnicity = input.ethnicity ?? null;
  if (input.job !== undefined) out.job = input.job ?? null;
  if (input.workplace !== undefined) out.workplace = input.workplace ?? null;
  if (input.unionPosition !== undefined) out.unionPosition = input.unionPosition;
  if (input.partyMember !== undefined) out.partyMember = input.partyMember;
  return out;
}

/** Units a member can belong to. */
export const MEMBER_UNIT_KINDS = ['grassroots_union', 'section'] as const;

/**
 * The member, for a write by a manageMembers role that holds their unit on
 * the date the write takes effect (default today). Unknown and out-of-scope
 * ids give the same 403 (404 for an administrator).
 */
export async function findMemberToManage(tx: Executor, actor: Actor, memberId: string, date?: string): Promise<MemberRow> {
  // The row, locked, and the write rule on its unit (canManageMembersOf) in one statement.
  const [row] = await tx
    .select({
      member: members,
      held: sql<boolean>`${heldOn(sql`${members.unitId}`, actor, MANAGE_MEMBER_ROLES, date ?? todayInVietnam())}`,
    })
    .from(members)
    .where(eq(members.id, memberId))
    .for('update');
  if (!row) throw isSystemAdmin(actor) ? notFound() : forbidden();
  if (!row.held) throw forbidden();
  return row.member;
}

/** What the member unit rule reads of a unit. */
export interface MemberUnitFacts {
  kind: string;
  validFrom: string;
  validTo: string | null;
}

/** A grassroots union or section that exists on the date, or a field error. */
export async function requireMemberUnit(tx: Executor, unitId: string, date: string, field: string): Promise<void> {
  const [unit] = await tx
    .select({ kind: orgUnits.kind, validFrom: orgUnits.validFrom, validTo: orgUnits.validTo })
    .from(orgUnits)
    .where(eq(orgUnits.id, unitId));
  checkMemberUnit(unit, date, field);
}

/** The member unit rule on a unit already read (undefined: no such unit); batch writes read their units in one query. */
export function checkMemberUnit(unit: MemberUnitFacts | undefined, date: string, field: string): void {
  if (!unit) throw fieldError('MEMBER_UNIT_NOT_VALID', field, { date: vnDate(date) });
  if (!(MEMBER_UNIT_KINDS as readonly string[]).includes(unit.kind)) throw fieldError('MEMBER_UNIT_NOT_GRASSROOTS', field);
  if (unit.validFrom > date || (unit.validTo !== null && unit.validTo < date)) {
    throw fieldError('MEMBER_UNIT_NOT_VALID', field, { date: vnDate(date) });
  }
}

/** No event in the future. */
export function requireNotFuture(date: string, field: string, today = todayInVietnam()): void {
  if (date > today) throw fieldError('MEMBER_DATE_IN_FUTURE', field);
}

/** Events are kept in order: a new one may not come before the member's latest. */
export async function requireAfterLastEvent(tx: Executor, memberId: string, date: string, field: string): Promise<void> {
  const [row] = await queryRows<{ last: string | Date | null }>(
    tx,
    sql`select max(event_date)::text as last from member_events where member_id = ${memberId}::uuid and kind <> 'card_issued'`,
  );
  const last = row?.last ? String(row.last).slice(0, 10) : null;
  if (last && date < last) throw fieldError('MEMBER_DATE_BEFORE_LAST_EVENT', field, { date: vnDate(last) });
}

export interface NewMemberEvent {
  kind: MemberEventKind;
  eventDate: string;
  unitId: string;
  toUnitId?: string | null;
  toOutsideName?: string | null;
  transferState?: TransferState | null;
  decidedOn?: string | null;
  decidedBy?: string | null;
  cardNumber?: string | null;
  note?: string | null;
}

/** Appends an event after the member's others (seq orders events of one day). */
export async function appendMemberEvent(tx: Executor, actor: Actor, memberId: string, event: NewMemberEvent): Promise<string> {
  const [row] = await queryRows<{ seq: number }>(
    tx,
    sql`select coalesce(max(seq), -1)::int + 1 as seq from member_events where member_id = ${memberId}::uuid`,
  );
  const [inserted] = await tx
    .insert(memberEvents)
    .values({ ...event, memberId, seq: Number(row?.seq ?? 0), createdBy: actor.userId })
    .returning({ id: memberEvents.id });
  return inserted!.id;
}

/**
 * Derives the member's status, unit, first admission and unit periods from all
 * their events, writes them, and refreshes the derived facts of every unit
 * the member was or is in. Call after any change to the member's events, in
 * the same transaction.
 */
export async function rederiveMember(tx: Executor, memberId: string, actor: Actor | null = null): Promise<void> {
  const events = await tx
    .select()
    .from(memberEvents)
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(asc(memberEvents.eventDate), asc(memberEvents.seq), asc(memberEvents.createdAt));
  const state = deriveMemberState(events.map(toFact));
  const before = await tx
    .select({ unitId: memberUnitPeriods.unitId })
    .from(memberUnitPeriods)
    .where(eq(memberUnitPeriods.memberId, memberId));
  await tx
    .update(members)
    .set({ status: state.status, unitId: state.unitId, admittedOn: state.admittedOn, ...nextVersion(actor) })
    .where(eq(members.id, memberId));
  await tx.delete(memberUnitPeriods).where(eq(memberUnitPeriods.memberId, memberId));
  if (state.periods.length) await tx.insert(memberUnitPeriods).values(state.periods.map((p) => ({ memberId, ...p })));
  await refreshMemberFacts(tx, [...before.map((b) => b.unitId), ...state.periods.map((p) => p.unitId)]);
}

function toFact(e: typeof memberEvents.$inferSelect): MemberEventFact {
  return {
    kind: e.kind as MemberEventKind,
    eventDate: e.eventDate,
    unitId: e.unitId,
    toUnitId: e.toUnitId,
    toOutsideName: e.toOutsideName,
    transferState: e.transferState as TransferState | null,
    decidedOn: e.decidedOn,
  };
}

/** A pending transfer of the member, if any. */
export async function pendingTransferOf(tx: Executor, memberId: string) {
  const [row] = await tx
    .select({ id: memberEvents.id })
    .from(memberEvents)
    .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.transferState, 'pending')));
  return row ?? null;
}

/** The member as the audit log keeps it (no search helper columns). */
export async function snapshotMember(tx: Executor, memberId: string): Promise<Record<string, unknown> | null> {
  const [m] = await tx.select().from(members).where(eq(members.id, memberId));
  return m ? snapshotOf(m) : null;
}

/** snapshotMember of a row already read (a row locked for the write, or one an update returned). */
export function snapshotOf(m: MemberRow): Record<string, unknown> {
  const { nameFolded: _n, importKey: _k, createdAt: _c, updatedAt: _u, rowVersion: _v, updatedBy: _b, ...rest } = m;
  return rest;
}

/** Turns unique-index violations on CCCD and card number into field errors. */
export async function withMemberUniqueness<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const err = e as {
      code?: string;
      constraint?: string;
      message?: string;
      cause?: { code?: string; constraint?: string; message?: string };
    };
    const code = err.code ?? err.cause?.code;
    const text = `${err.constraint ?? ''} ${err.cause?.constraint ?? ''} ${err.message ?? ''} ${err.cause?.message ?? ''}`;
    if (code === '23505' && text.includes('members_citizen_id_uq')) throw fieldError('MEMBER_CITIZEN_ID_TAKEN', 'citizenId');
    if (code === '23505' && text.includes('members_card_number_uq')) throw fieldError('MEMBER_CARD_TAKEN', 'cardNumber');
    throw e;
  }
}

export { AppError };
