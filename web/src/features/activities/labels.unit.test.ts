// Who may add which kind of record (the "Thêm hồ sơ" button and the kind
// select follow common/permissions.ts), and whom each kind names.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '../../../../common/activities';
import { permissionsOf } from '../../../../common/permissions';
import { peopleRule, writableKinds } from './labels';

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
