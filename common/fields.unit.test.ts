import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  blankToNull,
  citizenId,
  emailAddress,
  isoDate,
  memberCardNumber,
  newPassword,
  optionalLabel,
  personName,
  phoneNumber,
  username,
  vndAmount,
} from './fields.js';
import { LIMITS } from './limits.js';

/** The stored value, or the message key of the first issue. */
function check(schema: z.ZodType, value: unknown): { ok: unknown } | { error: string } {
  const r = schema.safeParse(value);
  return r.success ? { ok: r.data } : { error: r.error.issues[0]!.message };
}

describe('phoneNumber (số điện thoại)', () => {
  it('stores one national form without separators', () => {
    expect(check(phoneNumber, '0912 345 678')).toEqual({ ok: '0912345678' });
    expect(check(phoneNumber, '0912.345.678')).toEqual({ ok: '0912345678' });
    expect(check(phoneNumber, '(091) 234-5678')).toEqual({ ok: '0912345678' });
    expect(check(phoneNumber, ' +84 912 345 678 ')).toEqual({ ok: '0912345678' });
    expect(check(phoneNumber, '84912345678')).toEqual({ ok: '0912345678' });
    // A landline with its 3-digit area code: 0 then 10 digits.
    expect(check(phoneNumber, '0297 3851 234')).toEqual({ ok: '02973851234' });
  });

  it('refuses "12345678" and other numbers that are not Vietnamese phone numbers', () => {
    for (const bad of ['12345678', '912345678', '091234567', '091234567890', '+1 415 555 0100', 'abc', '09123456a8', '']) {
      expect(check(phoneNumber, bad)).toEqual({ error: 'validation.phone' });
    }
  });
});

describe('citizenId (số CCCD)', () => {
  it('keeps 12 digits, spaces dropped', () => {
    expect(check(citizenId, '079123456789')).toEqual({ ok: '079123456789' });
    expect(check(citizenId, ' 079 123 456 789 ')).toEqual({ ok: '079123456789' });
  });

  it('refuses anything but exactly 12 digits (leading zero lost, 9-digit CMND, letters)', () => {
    for (const bad of ['79123456789', '123456789', '0791234567890', '07912345678a', '']) {
      expect(check(citizenId, bad)).toEqual({ error: 'validation.citizenId' });
    }
  });
});

describe('memberCardNumber (số thẻ đoàn viên)', () => {
  it('drops spaces and writes letters in capitals', () => {
    expect(check(memberCardNumber, 'KG-0001')).toEqual({ ok: 'KG-0001' });
    expect(check(memberCardNumber, ' kg 0001 ')).toEqual({ ok: 'KG0001' });
    expect(check(memberCardNumber, 'tdv/2024.15')).toEqual({ ok: 'TDV/2024.15' });
  });

  it('refuses empty, too long, and other characters', () => {
    expect(check(memberCardNumber, '   ')).toMatchObject({ error: expect.any(String) });
    expect(check(memberCardNumber, 'A'.repeat(33))).toMatchObject({ error: expect.any(String) });
    expect(check(memberCardNumber, 'KG#001')).toEqual({ error: 'validation.cardNumber' });
    expect(check(memberCardNumber, 'THẺ-1')).toEqual({ error: 'validation.cardNumber' });
    expect(check(memberCardNumber, '-001')).toEqual({ error: 'validation.cardNumber' });
  });
});

describe('personName (họ và tên)', () => {
  it('keeps one space between words, in composed Unicode', () => {
    // "Nguyễn" typed with combining marks (decomposed) becomes the composed form.
    const decomposed = '  Nguye\u0302\u0303n   Văn\tAn ';
    expect(check(personName, decomposed)).toEqual({ ok: 'Nguyễn Văn An' });
  });

  it('refuses a blank name and one longer than the limit', () => {
    expect(check(personName, '   ')).toMatchObject({ error: expect.any(String) });
    expect(personName.safeParse('a'.repeat(LIMITS.nameMax)).success).toBe(true);
    expect(personName.safeParse('a'.repeat(LIMITS.nameMax + 1)).success).toBe(false);
  });
});

describe('optionalLabel (dân tộc, nghề nghiệp, nơi làm việc)', () => {
  it('tidies like a name; blank is null', () => {
    expect(check(optionalLabel(64), '  Công   nhân ')).toEqual({ ok: 'Công nhân' });
    expect(check(optionalLabel(64), '   ')).toEqual({ ok: null });
    expect(check(optionalLabel(64), null)).toEqual({ ok: null });
    expect(optionalLabel(3).safeParse('abcd').success).toBe(false);
  });
});

describe('isoDate (ngày)', () => {
  it('accepts a real calendar day in ISO form', () => {
    expect(check(isoDate, '2024-02-29')).toEqual({ ok: '2024-02-29' });
  });

  it('refuses impossible days and other forms', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '15/03/2024', '2024-3-5', '']) {
      expect(check(isoDate, bad)).toEqual({ error: 'validation.invalidDate' });
    }
  });
});

describe('emailAddress', () => {
  it('trims', () => {
    expect(check(emailAddress, ' an@example.com ')).toEqual({ ok: 'an@example.com' });
  });

  it('refuses what is not an address', () => {
    for (const bad of ['x@', 'an example@x.vn', 'an@x', '']) expect(check(emailAddress, bad)).toEqual({ error: 'validation.invalidEmail' });
  });
});

describe('username (tên đăng nhập)', () => {
  it('stores lower case', () => {
    expect(check(username, ' VanPhong.VT ')).toEqual({ ok: 'vanphong.vt' });
  });

  it('refuses other characters and short names', () => {
    expect(check(username, 'văn phòng')).toEqual({ error: 'users.usernameFormat' });
    expect(username.safeParse('ab').success).toBe(false);
  });
});

describe('newPassword', () => {
  it('needs at least LIMITS.passwordMin characters and keeps spaces', () => {
    expect(check(newPassword, ' Abc@2024 ')).toEqual({ ok: ' Abc@2024 ' });
    expect(newPassword.safeParse('a'.repeat(LIMITS.passwordMin - 1)).success).toBe(false);
  });
});

describe('vndAmount (số tiền VND)', () => {
  it('reads whole đồng from numbers and Vietnamese or English grouping', () => {
    expect(check(vndAmount, 1_500_000)).toEqual({ ok: 1_500_000 });
    expect(check(vndAmount, '1.500.000')).toEqual({ ok: 1_500_000 });
    expect(check(vndAmount, '1,500,000 VND')).toEqual({ ok: 1_500_000 });
    expect(check(vndAmount, '50 000 000 ₫')).toEqual({ ok: 50_000_000 });
    expect(check(vndAmount, 0)).toEqual({ ok: 0 });
  });

  it('refuses negatives, fractions and text', () => {
    for (const bad of [-1, 1.5, '1500,5', 'một triệu', '']) expect(check(vndAmount, bad)).toEqual({ error: 'validation.vndAmount' });
  });
});

describe('blankToNull', () => {
  it('turns blank text and missing values into null', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
    expect(blankToNull('0912')).toBe('0912');
  });
});
