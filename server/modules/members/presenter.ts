import {
  maskBirthDate,
  maskCitizenId,
  maskPhone,
  type Gender,
  type MemberEventKind,
  type MemberStatus,
  type TransferState,
  type UnionPosition,
} from '../../../common/members.js';
import type { z } from 'zod';
import type { MemberDetailModel } from './get-member.js';
import type { MemberListRow } from './list-members.js';
import type { MemberDetail, MemberListItem } from './schemas.js';

/** A list row: personal data always masked. */
export function presentMemberListItem(row: MemberListRow): z.infer<typeof MemberListItem> {
  return {
    id: row.id,
    fullName: row.fullName,
    gender: row.gender as Gender,
    birthDate: maskBirthDate(row.birthDate)!,
    citizenId: maskCitizenId(row.citizenId),
    phone: maskPhone(row.phone),
    unionPosition: row.unionPosition as UnionPosition,
    partyMember: row.partyMember,
    cardNumber: row.cardNumber,
    status: row.status as MemberStatus,
    admittedOn: row.admittedOn,
    unitId: row.unitId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    pendingTransfer: row.pendingTransfer,
  };
}

export function presentMemberDetail(model: MemberDetailModel): z.infer<typeof MemberDetail> {
  const { member: m, manages, writes } = model;
  const pendingTransfer = model.events.some((e) => e.transferState === 'pending');
  const active = m.status === 'active';
  return {
    id: m.id,
    fullName: m.fullName,
    gender: m.gender as Gender,
    birthDate: manages ? m.birthDate : maskBirthDate(m.birthDate)!,
    citizenId: manages ? m.citizenId : maskCitizenId(m.citizenId),
    phone: manages ? m.phone : maskPhone(m.phone),
    personalDataMasked: !manages,
    unionPosition: m.unionPosition as UnionPosition,
    partyMember: m.partyMember,
    cardNumber: m.cardNumber,
    cardIssuedOn: m.cardIssuedOn,
    status: m.status as MemberStatus,
    admittedOn: m.admittedOn,
    unitId: m.unitId,
    unitCode: model.unitCode,
    unitName: model.unitName,
    pendingTransfer,
    email: manages ? m.email : null,
    ethnicity: m.ethnicity,
    job: m.job,
    workplace: m.workplace,
    events: model.events.map((e) => ({
      ...e,
      kind: e.kind as MemberEventKind,
      transferState: e.transferState as TransferState | null,
    })),
    rowVersion: m.rowVersion,
    can: {
      edit: writes,
      transfer: writes && active && !pendingTransfer,
      leave: writes && active,
      rejoin: writes && !active && m.status !== 'deceased',
      issueCard: writes && active,
    },
  };
}
