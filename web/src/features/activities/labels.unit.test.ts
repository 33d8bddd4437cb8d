// Who may add which kind of record (the "Thêm hồ sơ" button and the kind
// select follow common/permissions.ts), and whom each kind names.
import { describe, expect, it } from 'vitest';
import * as vocabularies from '../../../../common/activities';
import { ACTIVITY_KINDS, RECORD_PERSON_ROLES } from '../../../../common/activities';
import * as en from '../../../../common/i18n/en/index';
import * as vi from '../../../../common/i18n/vi/index';
import { permissionsOf } from '../../../../common/permissions';
import { kindKey, kindShortKey, peopleRule, roleKey, valueKey, writableKinds, type ValueList } from './labels';

/** Each list the forms offer, with its values (common/activities.ts). */
const LISTS: Record<ValueList, readonly string[]> = {
  topic: vocabularies.TRAINING_TOPICS,
  form: vocabularies.TRAINING_FORMS,
  inspectionSubject: vocabularies.INSPECTION_SUBJECTS,
  inspectionType: vocabularies.INSPECTION_TYPES,
  followUp: vocabularies.FOLLOW_UP_STATES,
  legalCaseType: vocabularies.LEGAL_CASE_TYPES,
  participation: vocabularies.LEGAL_PARTICIPATION,
  legalOutcome: vocabularies.LEGAL_OUTCOMES,
  partyOutcome: vocabularies.PARTY_OUTCOMES,
  campaign: vocabularies.CAMPAIGNS,
  welfareKind: vocabularies.WELFARE_KINDS,
  houseWork: vocabularies.HOUSE_WORKS,
  fundSource: vocabularies.FUND_SOURCES,
  grade: vocabularies.CLASSIFICATION_GRADES,
  workType: vocabularies.EMULATION_WORK_TYPES,
  awardKind: vocabularies.AWARD_KINDS,
  awardLevel: vocabularies.AWARD_LEVELS,
};

const has = (catalogue: unknown, key: string) => {
  const dot = key.indexOf('.');
  return Boolean((catalogue as Record<string, Record<string, string>>)[key.slice(0, dot)]?.[key.slice(dot + 1)]);
};

describe('labels of the kinds and vocabularies', () => {
  it('has a Vietnamese and an English label for every kind, value and role the pages show', () => {
    const keys = [
      ...ACTIVITY_KINDS.flatMap((k) => [kindKey(k), kindShortKey(k), `activities.titlePlaceholder.${k}`]),
      ...Object.entries(LISTS).flatMap(([list, values]) => values.map((v) => valueKey(list as ValueList, v))),
      ...RECORD_PERSON_ROLES.map(roleKey),
    ];
    expect(keys.filter((k) => !has(vi, k))).toEqual([]);
    expect(keys.filter((k) => !has(en, k))).toEqual([]);
  });
});

describe('kinds a role may record', () => {
  it('a CĐCS chair keeps every kind but classification and awards (the federation above gives those)', () => {
    expect(writableKinds(permissionsOf(['grassroots_officer']))).toEqual(
      ACTIVITY_KINDS.filter((k) => k !== 'classification' && k !== 'award'),
    );
  });

  it('the inspection committee keeps plans and inspections only; a leader classifies and awards; a viewer records nothing', () => {
    expect(writableKinds(permissionsOf(['inspection_officer']))).toEqual(['inspection_plan', 'inspection']);
    expect(writableKinds(permissionsOf(['federation_leader']))).toEqual(['classification', 'award']);
    expect(writableKinds(permissionsOf(['federation_officer']))).toEqual([...ACTIVITY_KINDS]);
    expect(writableKinds(permissionsOf(['viewer']))).toEqual([]);
  });
});

describe('people a record names', () => {
  it('by kind, with one beneficiary for a Mái ấm house and none for an inspection', () => {
    expect(peopleRule('training')).toEqual({ role: 'participant', min: 0, max: 500 });
    expect(peopleRule('legal_case')).toMatchObject({ role: 'member_concerned', min: 1 });
    expect(peopleRule('party_introduction')).toEqual({ role: 'introduced', min: 1, max: 1 });
    expect(peopleRule('welfare', 'mai_am_house')).toEqual({ role: 'beneficiary', min: 1, max: 1 });
    expect(peopleRule('welfare', 'tet_support')).toMatchObject({ role: 'beneficiary', min: 0 });
    expect(peopleRule('award')).toEqual({ role: 'recipient', min: 0, max: 1 });
    expect(peopleRule('inspection')).toBeNull();
  });
});
