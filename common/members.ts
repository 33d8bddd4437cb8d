// The member registry's vocabulary (sổ đoàn viên), shared by the API schemas,
// the server and the web app. See docs/members.md.
import type { RecordDerivedSource } from './activities.js';
import { dayBefore } from './format.js';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Union position (chức vụ công đoàn). */
export const UNION_POSITIONS = [
  'chair', // Chủ tịch
  'vice_chair', // Phó Chủ tịch
  'standing_committee', // Ủy viên Ban Thường vụ
  'executive_committee', // Ủy viên Ban Chấp hành
  'inspection_committee', // Ủy viên Ủy ban kiểm tra
  'team_leader', // Tổ trưởng công đoàn
  'member', // Đoàn viên
] as const;
export type UnionPosition = (typeof UNION_POSITIONS)[number];

/** Status (trạng thái), derived from the events, never typed. */
export const MEMBER_STATUSES = ['active', 'transferred_out', 'left', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_EVENT_KINDS = ['admitted', 'rejoined', 'transferred', 'left', 'died', 'card_issued'] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

export const TRANSFER_STATES = ['pending', 'accepted', 'refused'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** Age bands for the list filter (độ tuổi). */
export const AGE_BANDS = ['under_30', '30_39', '40_49', '50_59', '60_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_RANGES: Record<AgeBand, [number, number | null]> = {
  under_30: [0, 29],
  '30_39': [30, 39],
  '40_49': [40, 49],
  '50_59': [50, 59],
  '60_plus': [60, null],
};

export const MEMBER_SORTS = ['name', 'birthDate', 'admittedOn', 'unit', 'cardNumber'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export const IMPORT_STATES = ['validating', 'validated', 'invalid', 'importing', 'imported', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/**
 * Facts computed from records (data_elements.derived_from): from the member
 * registry (members active at month end; female members; women holding union
 * office) and from activity records (RECORD_DERIVED_SOURCES, docs/activities.md).
 */
export const REGISTRY_DERIVED_SOURCES = ['active_members', 'female_members', 'women_office_holders'] as const;
export const DERIVED_FACT_SOURCES = [
  ...REGISTRY_DERIVED_SOURCES,
  'training_reached',
  'chair_trained',
  'party_introductions',
  'party_candidates',
  'classification_grade',
  'inspections_done',
  'inspections_planned',
  'labour_lawsuits_requested',
  'labour_lawsuits_supported',
  'worker_month_activities',
  'mai_am_houses',
  'welfare_amount',
] as const satisfies readonly (RegistryDerivedSource | RecordDerivedSource)[];
export type RegistryDerivedSource = (typeof REGISTRY_DERIVED_SOURCES)[number];
export type DerivedFactSource = (typeof DERIVED_FACT_SOURCES)[number];

export const MEMBER_LIMITS = {
  importMaxRows: 50_000,
  importMaxBytes: 20 * 1024 * 1024,
  /** Errors kept and shown per import (the count is always exact). */
  importMaxErrorsShown: 5_000,
  exportMaxRows: 100_000,
  /** A grassroots union is founded with at least this many members (Điều lệ khóa XIII; Luật Công đoàn 2024). */
  foundingMinMembers: 5,
} as const;

/** A CCCD (căn cước công dân) has 12 digits; the rule itself is citizenId in common/fields.ts. */
export { CITIZEN_ID_PATTERN } from './fields.js';

/** "079123456789" → "07*******789": privacy in lists (CCCD). */
export function maskCitizenId(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 5 ? '*'.repeat(value.length) : `${value.slice(0, 2)}${'*'.repeat(value.length - 5)}${value.slice(-3)}`;
}

/** "0912345678" → "091****678". */
export function maskPhone(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 6 ? '*'.repeat(value.length) : `${value.slice(0, 3)}${'*'.repeat(value.length - 6)}${value.slice(-3)}`;
}

/** A birth date shown masked: only the year ("**\/**\/1985" in the UI). */
export function maskBirthDate(value: string | null): string | null {
  return value ? `${value.slice(0, 4)}-**-**` : value;
}

/** One event as the status derivation reads it. */
export interface MemberEventFact {
  kind: MemberEventKind;
  eventDate: string;
  unitId: string;
  toUnitId: string | null;
  toOutsideName: string | null;
  transferState: TransferState | null;
  decidedOn: string | null;
}

export interface MemberUnitPeriod {
  unitId: string;
  validFrom: string;
  validTo: string | null;
}

export interface DerivedMemberState {
  status: MemberStatus;
  /** The current unit, or the last one for a member who left. */
  unitId: string;
  admittedOn: string;
  /** Periods as an active member of each unit (inclusive; null = still). */
  periods: MemberUnitPeriod[];
  /** A transfer waiting for the receiving unit. */
  pendingTransfer: boolean;
}

/**
 * A member's status, unit and periods from their events, in order (date,
 * then the order they were recorded). A transfer to a unit of the tree takes
 * effect on its date once the receiver accepts it; until then the member stays
 * active in the sending unit. A refused transfer changes nothing.
 */
export function deriveMemberState(events: readonly MemberEventFact[]): DerivedMemberState {
  let status: MemberStatus | null = null;
  let unitId: string | null = null;
  let admittedOn: string | null = null;
  let pendingTransfer = false;
  const periods: MemberUnitPeriod[] = [];
  const close = (date: string) => {
    const open = periods[periods.length - 1];
    if (open && open.validTo === null) open.validTo = date < open.validFrom ? open.validFrom : date;
  };
  const openAt = (unit: string, date: string) => {
    periods.push({ unitId: unit, validFrom: date, validTo: null });
  };
  for (const e of events) {
    switch (e.kind) {
      case 'admitted':
      case 'rejoined':
        if (status === 'active') close(dayBefore(e.eventDate));
        status = 'active';
        unitId = e.unitId;
        admittedOn ??= e.eventDate;
        pendingTransfer = false;
        openAt(e.unitId, e.eventDate);
        break;
      case 'transferred':
        if (status !== 'active') break;
        if (e.toUnitId === null) {
          close(dayBefore(e.eventDate));
          status = 'transferred_out';
          pendingTransfer = false;
        } else if (e.transferState === 'accepted') {
          close(dayBefore(e.eventDate));
          unitId = e.toUnitId;
          openAt(e.toUnitId, e.eventDate);
          pendingTransfer = false;
        } else if (e.transferState === 'pending') {
          pendingTransfer = true;
        }
        break;
      case 'left':
      case 'died':
        if (status !== 'active') break;
        close(dayBefore(e.eventDate));
        status = e.kind === 'died' ? 'deceased' : 'left';
        pendingTransfer = false;
        break;
      case 'card_issued':
        break;
    }
  }
  if (status === null || unitId === null || admittedOn === null) {
    throw new Error('a member needs an admission event first');
  }
  return { status, unitId, admittedOn, periods, pendingTransfer };
}
