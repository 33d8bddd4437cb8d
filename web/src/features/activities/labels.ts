// Labels and per-kind facts of the activity records' pages: the catalogue key
// of every kind and vocabulary value (activities.<list>.<value>), who may keep
// each kind, and whom a record of each kind names.
import {
  ACTIVITY_KINDS,
  FEDERATION_KINDS,
  INSPECTION_KINDS,
  type ActivityKind,
  type RecordPersonRole,
} from '../../../../common/activities';
import type { MessageKey } from '../../../../common/i18n';
import type { Permission } from '../../../../common/permissions';

/**
 * The vocabulary lists of common/activities.ts and their labels' prefix in the
 * catalogue the Excel export also reads (activityExport.<prefix>_<value>): one
 * label per value for the pages and the file.
 */
const VALUE_LISTS = {
  topic: 'topic',
  form: 'form',
  inspectionSubject: 'subject',
  inspectionType: 'type',
  followUp: 'followUp',
  legalCaseType: 'caseType',
  participation: 'participation',
  legalOutcome: 'legalOutcome',
  partyOutcome: 'partyOutcome',
  campaign: 'campaign',
  welfareKind: 'welfareKind',
  houseWork: 'houseWork',
  fundSource: 'source',
  grade: 'grade',
  workType: 'workType',
  awardKind: 'awardKind',
  awardLevel: 'level',
} as const;
export type ValueList = keyof typeof VALUE_LISTS;

/** A kind's name (the export's too). */
export const kindKey = (k: ActivityKind) => `activityExport.kind_${k}` as MessageKey;
/** A kind's short name, for the tabs and tags. */
export const kindShortKey = (k: ActivityKind) => `activities.kindShort.${k}` as MessageKey;
/** A vocabulary value's label: valueKey('fundSource', 'sponsor') → activityExport.source_sponsor. */
export const valueKey = (list: ValueList, value: string) => `activityExport.${VALUE_LISTS[list]}_${value}` as MessageKey;
/** What the people a record names are, as a field label ("Người được hỗ trợ"). */
export const roleKey = (r: RecordPersonRole) => `activities.role.${r}` as MessageKey;

/** The permission that lets a user create, edit and delete records of a kind (common/permissions.ts). */
export function permissionFor(kind: ActivityKind): Permission {
  if ((FEDERATION_KINDS as readonly string[]).includes(kind)) return 'classifyUnits';
  if ((INSPECTION_KINDS as readonly string[]).includes(kind)) return 'keepInspections';
  return 'keepActivities';
}

/** The kinds a user with these permissions may record. */
export function writableKinds(permissions: readonly string[]): ActivityKind[] {
  return ACTIVITY_KINDS.filter((k) => permissions.includes(permissionFor(k)));
}

/** Whom a record of each kind names, and how many (docs/activities.md "The kinds"). */
export const PEOPLE_OF_KIND: Partial<Record<ActivityKind, { role: RecordPersonRole; min: number; max: number }>> = {
  training: { role: 'participant', min: 0, max: 500 },
  legal_case: { role: 'member_concerned', min: 1, max: 500 },
  party_introduction: { role: 'introduced', min: 1, max: 1 },
  campaign: { role: 'participant', min: 0, max: 500 },
  welfare: { role: 'beneficiary', min: 0, max: 500 },
  award: { role: 'recipient', min: 0, max: 1 },
};

/** Welfare of the Mái ấm kind names exactly one beneficiary. */
export function peopleRule(kind: ActivityKind, welfareKind?: string): { role: RecordPersonRole; min: number; max: number } | null {
  const rule = PEOPLE_OF_KIND[kind];
  if (!rule) return null;
  if (kind === 'welfare' && welfareKind === 'mai_am_house') return { ...rule, min: 1, max: 1 };
  return rule;
}
