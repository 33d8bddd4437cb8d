// Wire schemas of the member registry (sổ đoàn viên): request bodies and
// queries, and responses. The server validates and documents (OpenAPI) with
// them; the web takes its types from them (z.output / z.input), so a changed
// field breaks the type check on both sides. See docs/decisions/0005.
import { z } from 'zod';
import { citizenId, emailAddress, memberCardNumber, optionalLabel, personName, phoneNumber } from '../fields.js';
import { LIMITS } from '../limits.js';
import {
  AGE_BANDS,
  GENDERS,
  IMPORT_STATES,
  MEMBER_EVENT_KINDS,
  MEMBER_LIMITS,
  MEMBER_SORTS,
  MEMBER_STATUSES,
  TRANSFER_STATES,
  UNION_POSITIONS,
} from '../members.js';
import { isoDate, optionalCleanText, pageQuery, queryBoolean } from '../schemas.js';

const optionalText = optionalCleanText;

/** The person's fields (thông tin cá nhân), shared by admit and edit; no defaults (an edit changes only what it sends). */
const memberPersonShape = {
  fullName: personName,
  gender: z.enum(GENDERS),
  birthDate: isoDate,
  citizenId: citizenId.nullable().optional(),
  phone: phoneNumber.nullable().optional(),
  email: emailAddress.nullable().optional(),
  ethnicity: optionalLabel(64),
  job: optionalLabel(LIMITS.nameMax),
  workplace: optionalLabel(LIMITS.nameMax),
  unionPosition: z.enum(UNION_POSITIONS),
  partyMember: z.boolean(),
};

/** The person's fields of a new member: an ordinary member, not a party member, unless said. */
export const MemberPersonFields = z.object({
  ...memberPersonShape,
  unionPosition: memberPersonShape.unionPosition.default('member'),
  partyMember: memberPersonShape.partyMember.default(false),
});

/** Kết nạp: a new member admitted into a grassroots union (or section) on a date. */
export const AdmitMemberBody = MemberPersonFields.extend({
  unitId: z.uuid(),
  admittedOn: isoDate,
  cardNumber: memberCardNumber.nullable().optional(),
  note: optionalText(LIMITS.addressMax),
});
export type AdmitMemberInput = z.infer<typeof AdmitMemberBody>;

// Built from the shape without defaults: `.partial()` keeps a field's default, so an edit of the phone alone would
// have reset the union position and party membership.
export const UpdateMemberBody = z
  .object(memberPersonShape)
  .partial()
  .extend({
    /** The rowVersion the edit was made on (server/lib/row-version.ts); 409 STALE_WRITE when someone changed the member since. */
    expectedVersion: z.number().int().min(1),
  });
export type UpdateMemberInput = z.infer<typeof UpdateMemberBody>;

/** Chuyển sinh hoạt: to a unit of the tree (it accepts) or to a union outside the system. */
export const TransferMemberBody = z.object({
  date: isoDate,
  toUnitId: z.uuid().nullable().optional(),
  toOutsideName: optionalText(LIMITS.nameMax),
  note: optionalText(LIMITS.addressMax),
});
export type TransferMemberInput = z.infer<typeof TransferMemberBody>;

export const DecideTransferBody = z.object({
  accept: z.boolean(),
  note: optionalText(LIMITS.addressMax),
});
export type DecideTransferInput = z.infer<typeof DecideTransferBody>;
/** The decision (a refused member stays out of the receiver's scope, so no member record is returned). */
export const DecideTransferResponse = z
  .object({ memberId: z.uuid(), eventId: z.uuid(), transferState: z.enum(TRANSFER_STATES) })
  .meta({ id: 'DecideTransferResponse' });

/** Ra khỏi tổ chức / từ trần. */
export const LeaveMemberBody = z.object({
  date: isoDate,
  reason: z.enum(['left', 'died']),
  note: optionalText(LIMITS.addressMax),
});
export type LeaveMemberInput = z.infer<typeof LeaveMemberBody>;

/** Kết nạp lại: a former member joins again, in a unit of the caller's scope. */
export const RejoinMemberBody = z.object({
  date: isoDate,
  unitId: z.uuid(),
  note: optionalText(LIMITS.addressMax),
});
export type RejoinMemberInput = z.infer<typeof RejoinMemberBody>;

/** Cấp thẻ đoàn viên. */
export const IssueCardBody = z.object({
  cardNumber: memberCardNumber,
  date: isoDate,
});
export type IssueCardInput = z.infer<typeof IssueCardBody>;

/**
 * A later event of a new member's history, in the shape its single use-case
 * takes (issue a card, transfer, leave, re-admit), plus `kind`. A transfer to
 * a unit of the tree may say it is still waiting for the receiver
 * (`transferState: 'pending'`) or was accepted (`'accepted'`, on `decidedOn`,
 * default today: only by whoever manages the receiving unit on the transfer's
 * date); left out, it is accepted when the writer also manages the receiving
 * unit on that date and pending otherwise, as transferMember decides.
 */
export const MemberHistoryEvent = z.discriminatedUnion('kind', [
  IssueCardBody.extend({ kind: z.literal('card_issued') }),
  TransferMemberBody.extend({
    kind: z.literal('transferred'),
    transferState: z.enum(['pending', 'accepted']).optional(),
    decidedOn: isoDate.optional(),
  }),
  LeaveMemberBody.omit({ reason: true }).extend({ kind: z.enum(['left', 'died']) }),
  RejoinMemberBody.extend({ kind: z.literal('rejoined') }),
]);
export type MemberHistoryEventInput = z.infer<typeof MemberHistoryEvent>;

/** Events of one member's history written by one batch (the longest demo history has 6). */
export const MEMBER_HISTORY_MAX = 100;

/**
 * Many new members at once (kết nạp hàng loạt), each admitted as by
 * AdmitMemberBody and then, in order, the later events of their history (the
 * demo registry, the Excel import). All or nothing.
 */
export const AdmitMembersBody = z.object({
  members: z
    .array(AdmitMemberBody.extend({ history: z.array(MemberHistoryEvent).max(MEMBER_HISTORY_MAX).default([]) }))
    .min(1)
    .max(MEMBER_LIMITS.importMaxRows),
});
export type AdmitMembersInput = z.infer<typeof AdmitMembersBody>;
export type AdmitMembersItem = AdmitMembersInput['members'][number];

export const MemberFilterQuery = z.object({
  q: z.string().trim().max(LIMITS.nameMax).optional(),
  unitId: z.uuid().optional(),
  includeSubtree: queryBoolean.default(true),
  status: z.enum(MEMBER_STATUSES).optional(),
  gender: z.enum(GENDERS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  position: z.enum(UNION_POSITIONS).optional(),
  admissionYear: z.coerce.number().int().min(1900).max(2100).optional(),
  sort: z.enum(MEMBER_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type MemberFilter = z.infer<typeof MemberFilterQuery>;

export const ListMembersQuery = MemberFilterQuery.extend(pageQuery.shape);
export type ListMembersInput = z.infer<typeof ListMembersQuery>;

/** A row of the list: personal data always masked (CCCD, phone, birth date). */
export const MemberListItem = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    gender: z.enum(GENDERS),
    /** "1985-**-**" in lists. */
    birthDate: z.string(),
    citizenId: z.string().nullable(),
    phone: z.string().nullable(),
    unionPosition: z.enum(UNION_POSITIONS),
    partyMember: z.boolean(),
    cardNumber: z.string().nullable(),
    status: z.enum(MEMBER_STATUSES),
    admittedOn: z.string(),
    unitId: z.uuid(),
    unitCode: z.string(),
    unitName: z.string(),
    pendingTransfer: z.boolean(),
  })
  .meta({ id: 'MemberListItem' });

export const MemberListResponse = z
  .object({ items: z.array(MemberListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'MemberList' });

export const MemberEvent = z
  .object({
    id: z.uuid(),
    kind: z.enum(MEMBER_EVENT_KINDS),
    eventDate: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    toUnitId: z.uuid().nullable(),
    toUnitName: z.string().nullable(),
    toOutsideName: z.string().nullable(),
    transferState: z.enum(TRANSFER_STATES).nullable(),
    decidedOn: z.string().nullable(),
    cardNumber: z.string().nullable(),
    note: z.string().nullable(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'MemberEvent' });

export const MemberDetail = MemberListItem.extend({
  /** Full CCCD, phone and birth date only when the caller manages the member's unit. */
  personalDataMasked: z.boolean(),
  email: z.string().nullable(),
  ethnicity: z.string().nullable(),
  job: z.string().nullable(),
  workplace: z.string().nullable(),
  cardIssuedOn: z.string().nullable(),
  events: z.array(MemberEvent),
  /** Optimistic version: send it back as expectedVersion when editing. */
  rowVersion: z.number().int(),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), transfer: z.boolean(), leave: z.boolean(), rejoin: z.boolean(), issueCard: z.boolean() }),
}).meta({ id: 'MemberDetail' });

/** A transfer waiting for a unit of the caller's scope (or sent from one). */
export const PendingTransfer = z
  .object({
    eventId: z.uuid(),
    memberId: z.uuid(),
    memberName: z.string(),
    date: z.string(),
    fromUnitId: z.uuid(),
    fromUnitName: z.string(),
    toUnitId: z.uuid(),
    toUnitName: z.string(),
    note: z.string().nullable(),
    /** The caller may accept or refuse it (manages the receiving unit). */
    canDecide: z.boolean(),
  })
  .meta({ id: 'PendingTransfer' });
export const PendingTransferList = z.object({ items: z.array(PendingTransfer) });

/** The receiving union named by its code (on the transfer letter), for a transfer out of the caller's scope. */
export const ReceivingUnitQuery = z.object({
  code: z.string().trim().min(1).max(LIMITS.codeMax),
  /** The transfer date: the unit must be active then. */
  date: isoDate,
});
export type ReceivingUnitInput = z.infer<typeof ReceivingUnitQuery>;

export const ReceivingUnit = z
  .object({
    id: z.uuid(),
    code: z.string(),
    fullName: z.string(),
    shortName: z.string(),
    /** The caller manages members there: a transfer takes effect at once (otherwise it waits for the unit to accept). */
    inScope: z.boolean(),
  })
  .meta({ id: 'ReceivingUnit' });

export const MemberStats = z
  .object({
    active: z.number().int(),
    /** Of the active members: men and women (gender-split figures, women's affairs). */
    activeMale: z.number().int(),
    activeFemale: z.number().int(),
    /** Women's share of the active members in percent (0–100), null with no active member. */
    femaleShare: z.number().nullable(),
    admittedThisYear: z.number().int(),
    pendingTransfers: z.number().int(),
  })
  .meta({ id: 'MemberStats' });

// ---- Excel import (nhập từ Excel) ----

export const ImportCellError = z.object({
  /** Row number in the sheet (the header is row 1). */
  row: z.number().int(),
  /** Column header as in the template (Vietnamese). */
  column: z.string(),
  message: z.string(),
});

export const MemberImportStatus = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    state: z.enum(IMPORT_STATES),
    /** 0..100 of the current phase (validating or importing). */
    progress: z.number().int(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    /** Rows with at least one error. */
    invalidRows: z.number().int(),
    errorCount: z.number().int(),
    fileError: z.string().nullable(),
    /** The first errors (at most MEMBER_LIMITS.importMaxErrorsShown), by row then column. */
    errors: z.array(ImportCellError),
    importedRows: z.number().int(),
    /** Rows already in the registry (same member found), left as they are. */
    skippedRows: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'MemberImportStatus' });

export const CommitImportBody = z.object({
  /** Import only the valid rows when some rows have errors (the user chose so explicitly). */
  validRowsOnly: z.boolean().default(false),
});
