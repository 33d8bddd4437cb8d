import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { memberEvents, members, orgUnits, users } from '../../db/schema/index.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { alias } from 'drizzle-orm/pg-core';
import { canManageMembersOf, canSeePersonalDataOf, memberReadScope, requireMemberReader } from './policy.js';
import type { MemberRow } from './member-writes.js';

export interface MemberEventModel {
  id: string;
  kind: string;
  eventDate: string;
  unitId: string;
  unitName: string;
  toUnitId: string | null;
  toUnitName: string | null;
  toOutsideName: string | null;
  transferState: string | null;
  decidedOn: string | null;
  cardNumber: string | null;
  note: string | null;
  createdByName: string | null;
}

export interface MemberDetailModel {
  member: MemberRow;
  unitCode: string;
  unitName: string;
  events: MemberEventModel[];
  /** The caller manages (or managed) the member's unit: full personal data. */
  manages: boolean;
  /** The caller holds the member's unit today (access.ts heldOn): the actions. */
  writes: boolean;
}

const toUnit = alias(orgUnits, 'to_unit');

/**
 * A member's page: the record, its events, and whether the caller manages it.
 * Opening the record with its personal data unmasked (CCCD, phone, birth date)
 * is audited when the page is opened (auditView): who, when, which member.
 */
export async function getMember(
  db: Executor,
  actor: Actor,
  memberId: string,
  options: { auditView?: boolean } = {},
): Promise<MemberDetailModel> {
  requireMemberReader(actor);
  const [row] = await db
    .select({ member: members, unitCode: orgUnits.code, unitName: orgUnits.shortName })
    .from(members)
    .innerJoin(orgUnits, eq(orgUnits.id, members.unitId))
    .where(sql`${members.id} = ${memberId} and ${memberReadScope(sql`${members.unitId}`, actor)}`);
  if (!row) throw isSystemAdmin(actor) ? notFound() : forbidden();
  const events = await db
    .select({
      id: memberEvents.id,
      kind: memberEvents.kind,
      eventDate: memberEvents.eventDate,
      unitId: memberEvents.unitId,
      unitName: orgUnits.shortName,
      toUnitId: memberEvents.toUnitId,
      toUnitName: toUnit.shortName,
      toOutsideName: memberEvents.toOutsideName,
      transferState: memberEvents.transferState,
      decidedOn: memberEvents.decidedOn,
      cardNumber: memberEvents.cardNumber,
      note: memberEvents.note,
      createdByName: users.fullName,
    })
    .from(memberEvents)
    .innerJoin(orgUnits, eq(orgUnits.id, memberEvents.unitId))
    .leftJoin(toUnit, eq(toUnit.id, memberEvents.toUnitId))
    .leftJoin(users, eq(users.id, memberEvents.createdBy))
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(asc(memberEvents.eventDate), asc(memberEvents.seq), asc(memberEvents.createdAt));
  const manages = await canSeePersonalDataOf(db, actor, row.member.unitId);
  const writes = manages && (await canManageMembersOf(db, actor, row.member.unitId));
  if (manages && options.auditView) {
    await recordAudit(db, actor, {
      action: 'member.view_personal_data',
      entityType: 'member',
      entityId: memberId,
      unitId: row.member.unitId,
    });
  }
  return { member: row.member, unitCode: row.unitCode, unitName: row.unitName, events, manages, writes };
}
