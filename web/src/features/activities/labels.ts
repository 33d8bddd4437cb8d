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

export const kindKey = (k: ActivityKind) => `activities.kind.${k}` as MessageKey;
export const kindShortKey = (k: ActivityKind) => `activities.kindShort.${k}` as MessageKey;
/** A vocabulary value's label: valueKey('topic', 'labour_law') → activities.topic.labour_law. */
export const valueKey = (list: string, value: string) => `activities.${list}.${value}` as MessageKey;
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
