import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { members, orgUnits } from '../../db/schema/index.js';
import { heldOn, isSystemAdmin, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { recordAudit } from '../../lib/audit.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { MANAGE_MEMBER_ROLES, memberManageScope, memberReadScope, requireMemberReader } from './policy.js';
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
  // One statement: the record, its unit, what the caller may do with it and its events, in order.
  const [row] = await db
    .select({
      member: members,
      unitCode: orgUnits.code,
      unitName: orgUnits.shortName,
      // Personal data in full: a manageMembers role whose (historical, read) scope reaches the unit.
      manages: sql<boolean>`${memberManageScope(sql`${members.unitId}`, actor)}`,
      // canManageMembersOf today: the caller holds the unit (access.ts heldOn).
      writes: sql<boolean>`${heldOn(sql`${members.unitId}`, actor, MANAGE_MEMBER_ROLES, todayInVietnam())}`,
      events: sql<MemberEventModel[]>`(select coalesce(json_agg(json_build_object(
          'id', e.id, 'kind', e.kind, 'eventDate', e.event_date, 'unitId', e.unit_id, 'unitName', eu.short_name,
          'toUnitId', e.to_unit_id, 'toUnitName', tu.short_name, 'toOutsideName', e.to_outside_name,
          'transferState', e.transfer_state, 'decidedOn', e.decided_on, 'cardNumber', e.card_number, 'note', e.note,
          'createdByName', cu.full_name) order by e.event_date, e.seq, e.created_at), '[]')
        from member_events e
        join org_units eu on eu.id = e.unit_id
        left join org_units tu on tu.id = e.to_unit_id
        left join users cu on cu.id = e.created_by
        where e.member_id = ${members.id})`,
    })
    .from(members)
    .innerJoin(orgUnits, eq(orgUnits.id, members.unitId))
    .where(sql`${members.id} = ${memberId} and ${memberReadScope(sql`${members.unitId}`, actor)}`);
  if (!row) throw isSystemAdmin(actor) ? notFound() : forbidden();
  const { events } = row;
  const manages = Boolean(row.manages);
  const writes = manages && Boolean(row.writes);
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
