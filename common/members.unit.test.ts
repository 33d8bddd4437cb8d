import { describe, expect, it } from 'vitest';
import { deriveMemberState, maskBirthDate, maskCitizenId, maskPhone, type MemberEventFact } from './members.js';

const ev = (e: Partial<MemberEventFact> & Pick<MemberEventFact, 'kind' | 'eventDate'>): MemberEventFact => ({
  unitId: 'A',
  toUnitId: null,
  toOutsideName: null,
  transferState: null,
  decidedOn: null,
  ...e,
});

describe('deriveMemberState', () => {
  it('follows an admission, an accepted transfer, leaving and re-joining', () => {
    const state = deriveMemberState([
      ev({ kind: 'admitted', eventDate: '2020-01-10' }),
      ev({ kind: 'card_issued', eventDate: '2020-02-01' }),
      ev({ kind: 'transferred', eventDate: '2022-06-01', toUnitId: 'B', transferState: 'accepted' }),
      ev({ kind: 'left', eventDate: '2023-03-01', unitId: 'B' }),
      ev({ kind: 'rejoined', eventDate: '2024-05-02', unitId: 'C' }),
    ]);
    expect(state).toEqual({
      status: 'active',
      unitId: 'C',
      admittedOn: '2020-01-10',
      pendingTransfer: false,
      periods: [
        { unitId: 'A', validFrom: '2020-01-10', validTo: '2022-05-31' },
        { unitId: 'B', validFrom: '2022-06-01', validTo: '2023-02-28' },
        { unitId: 'C', validFrom: '2024-05-02', validTo: null },
      ],
    });
  });

  it('keeps the member in the sending unit while a transfer waits, and after it is refused', () => {
    const pending = deriveMemberState([
      ev({ kind: 'admitted', eventDate: '2020-01-10' }),
      ev({ kind: 'transferred', eventDate: '2024-06-01', toUnitId: 'B', transferState: 'pending' }),
    ]);
    expect(pending).toMatchObject({ status: 'active', unitId: 'A', pendingTransfer: true });
    expect(pending.periods).toEqual([{ unitId: 'A', validFrom: '2020-01-10', validTo: null }]);
    const refused = deriveMemberState([
      ev({ kind: 'admitted', eventDate: '2020-01-10' }),
      ev({ kind: 'transferred', eventDate: '2024-06-01', toUnitId: 'B', transferState: 'refused' }),
    ]);
    expect(refused).toMatchObject({ status: 'active', unitId: 'A', pendingTransfer: false });
  });

  it('marks a transfer outside the system as transferred out, and a death as deceased', () => {
    expect(
      deriveMemberState([
        ev({ kind: 'admitted', eventDate: '2020-01-10' }),
        ev({ kind: 'transferred', eventDate: '2024-01-01', toOutsideName: 'CĐCS ngoài tỉnh' }),
      ]),
    ).toMatchObject({ status: 'transferred_out', unitId: 'A', periods: [{ unitId: 'A', validFrom: '2020-01-10', validTo: '2023-12-31' }] });
    expect(
      deriveMemberState([ev({ kind: 'admitted', eventDate: '2020-01-10' }), ev({ kind: 'died', eventDate: '2024-01-01' })]).status,
    ).toBe('deceased');
  });

  it('needs an admission first', () => {
    expect(() => deriveMemberState([ev({ kind: 'card_issued', eventDate: '2020-01-10' })])).toThrow();
  });
});

describe('masks', () => {
  it('hides the middle of a CCCD and a phone, and the day and month of a birth date', () => {
    expect(maskCitizenId('091234567890')).toBe('09*******890');
    expect(maskPhone('0912345678')).toBe('091****678');
    expect(maskBirthDate('1985-04-30')).toBe('1985-**-**');
    expect(maskCitizenId(null)).toBeNull();
  });
});
