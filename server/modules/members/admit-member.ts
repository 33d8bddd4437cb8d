import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { members } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { foldText } from '../../lib/search-text.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import {
  appendMemberEvent,
  rederiveMember,
  requireMemberUnit,
  requireNotFuture,
  snapshotMember,
  withMemberUniqueness,
} from './member-writes.js';
import { memberManageScope, requireManageMembersOf } from './policy.js';
import type { AdmitMemberInput, UpdateMemberInput } from './schemas.js';

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

/**
 * Kết nạp đoàn viên: a person joins a grassroots union (or section) on a
 * date; with a card number, the card is issued that day. The member's status
 * and periods come from the events written here.
 */
export async function admitMember(db: Executor, actor: Actor, input: AdmitMemberInput): Promise<MemberDetailModel> {
  await requireManageMembersOf(db, actor, input.unitId, input.admittedOn);
  requireNotFuture(input.admittedOn, 'admittedOn');
  checkBirthDate(input.birthDate, input.admittedOn);
  const id = await withMemberUniqueness(() =>
    inTransaction(db, async (tx) => {
      await requireMemberUnit(tx, input.unitId, input.admittedOn, 'unitId');
      await checkMemberIdentity(tx, { ...input, cardNumber: input.cardNumber ?? null }, input.unitId, null, actor);
      const [member] = await tx
        .insert(members)
        .values({
          ...(personColumns(input) as typeof members.$inferInsert),
          cardNumber: input.cardNumber ?? null,
          cardIssuedOn: input.cardNumber ? input.admittedOn : null,
          unitId: input.unitId,
          status: 'active',
          admittedOn: input.admittedOn,
        })
        .returning({ id: members.id });
      const memberId = member!.id;
      await appendMemberEvent(tx, actor, memberId, {
        kind: 'admitted',
        eventDate: input.admittedOn,
        unitId: input.unitId,
        note: input.note ?? null,
      });
      if (input.cardNumber) {
        await appendMemberEvent(tx, actor, memberId, {
          kind: 'card_issued',
          eventDate: input.admittedOn,
          unitId: input.unitId,
          cardNumber: input.cardNumber,
        });
      }
      await rederiveMember(tx, memberId, actor);
      await recordAudit(tx, actor, {
        action: 'member.admit',
        entityType: 'member',
        entityId: memberId,
        unitId: input.unitId,
        before: null,
        after: await snapshotMember(tx, memberId),
      });
      return memberId;
    }),
  );
  return getMember(db, actor, id);
}
