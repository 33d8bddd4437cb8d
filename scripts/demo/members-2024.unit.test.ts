// The demo registry holds values every field rule accepts as they are: the
// API, the Excel import and the forms would store the same values.
import { describe, expect, it } from 'vitest';
import { citizenId, memberCardNumber, personName, phoneNumber } from '../../common/fields.js';
import { demoMembers } from './members-2024.js';

describe('demo members and the field rules', () => {
  it('every phone, CCCD, card number and name is valid and already in its stored form', () => {
    const offenders: string[] = [];
    const same = (label: string, schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, value: string | null) => {
      if (value === null) return;
      const r = schema.safeParse(value);
      if (!r.success || r.data !== value) offenders.push(`${label}: ${value}`);
    };
    const members = demoMembers();
    expect(members.length).toBeGreaterThan(1000);
    for (const m of members) {
      same('phone', phoneNumber, m.phone);
      same('citizenId', citizenId, m.citizenId);
      same('cardNumber', memberCardNumber, m.cardNumber);
      same('fullName', personName, m.fullName);
    }
    expect(offenders).toEqual([]);
  });
});
