// Field rules (quy tắc trường dữ liệu): one normalising zod schema per kind of
// value a person types — phone, CCCD, card number, name, e-mail, dates, VND
// amounts, user names, passwords. The API bodies, the Excel import and the web
// forms all validate with these, so a value refused in one place is refused in
// every place and a value accepted is stored in one canonical form
// ("0912 345 678" → "0912345678"). Messages are keys into common/i18n.
//
// Each rule stays a plain zod string/number schema where it can (normalising
// with .trim()/.overwrite() before its checks), so `.nullable()`, `.optional()`
// and the OpenAPI document keep working.
import { z } from 'zod';
import { LIMITS } from './limits.js';

// ---- Dates ----

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date in ISO form 'YYYY-MM-DD' (the UI shows dd/mm/yyyy). */
export const isoDate = z.string().refine(isIsoDate, { message: 'validation.invalidDate' });

// ---- Phone (số điện thoại) ----

/** Separators people type inside a phone number: spaces, dots, dashes, parentheses. */
const PHONE_SEPARATORS = /[\s.()-]/g;

/**
 * "0912 345 678", "+84 912 345 678", "84912345678", "(091) 234-5678" →
 * "0912345678": separators dropped, the country code +84 / 84 written as the
 * national 0. Anything else is returned compacted, for the check to refuse.
 */
export function compactPhone(value: string): string {
  const compact = value.replace(PHONE_SEPARATORS, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  if (/^84\d{9,10}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

/** A Vietnamese number in national form: 0 then 9 digits (mobile) or 10 digits (landline). */
export const PHONE_PATTERN = /^0\d{9,10}$/;

/** Số điện thoại, stored in national form without separators ("0912345678"). "12345678" is refused. */
export const phoneNumber = z.string().trim().overwrite(compactPhone).regex(PHONE_PATTERN, { message: 'validation.phone' });

// ---- Citizen ID (số căn cước công dân, CCCD) ----

export const CITIZEN_ID_PATTERN = /^\d{12}$/;

/** Số CCCD: exactly 12 digits, spaces dropped ("079 123 456 789" → "079123456789"). */
export const citizenId = z
  .string()
  .trim()
  .overwrite((v) => v.replace(/\s+/g, ''))
  .regex(CITIZEN_ID_PATTERN, { message: 'validation.citizenId' });

// ---- Union card number (số thẻ đoàn viên) ----

export const CARD_NUMBER_MAX = 32;
export const CARD_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9./-]*$/;

/** Số thẻ đoàn viên: letters, digits and . / -, spaces dropped, in capitals ("kg 0001" → "KG0001"; "KG-0001" stays). */
export const memberCardNumber = z
  .string()
  .trim()
  .overwrite((v) => v.replace(/\s+/g, '').toUpperCase())
  .min(1)
  .max(CARD_NUMBER_MAX)
  .regex(CARD_NUMBER_PATTERN, { message: 'validation.cardNumber' });

// ---- Names ----

/** One space between words, composed Unicode (so search folding and duplicate checks are stable). */
export function tidyText(value: string): string {
  return value.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** Họ và tên: required, one space between words, composed Unicode, at most LIMITS.nameMax characters. */
export const personName = z.string().overwrite(tidyText).min(1).max(LIMITS.nameMax);

/** A short optional label (dân tộc, nghề nghiệp, nơi làm việc): tidied like a name; blank → null. */
export const optionalLabel = (max: number) =>
  z
    .string()
    .overwrite(tidyText)
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

// ---- E-mail ----

export const EMAIL_MAX = 254;

/** Địa chỉ e-mail, trimmed. */
export const emailAddress = z.string().trim().max(EMAIL_MAX).regex(z.regexes.email, { message: 'validation.invalidEmail' });

// ---- Accounts ----

/** User names: letters a-z, digits and . _ - (stored lower-case). */
export const USERNAME_PATTERN = /^[a-z0-9._-]+$/;

/** Tên đăng nhập: trimmed, lower-case, LIMITS.usernameMin–usernameMax characters of a-z 0-9 . _ - */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(LIMITS.usernameMin)
  .max(LIMITS.usernameMax)
  .regex(USERNAME_PATTERN, { message: 'users.usernameFormat' });

/** A new password (never trimmed: every character counts). */
export const newPassword = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

// ---- Money ----

/**
 * "1.500.000", "1 500 000 ₫", "1,500,000 VND" or 1500000 → 1500000: a whole,
 * non-negative amount of VND (đồng has no smaller unit in use). Text with a
 * decimal part ("1500,5") is refused rather than guessed.
 */
export function parseVnd(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/\s+/g, '').replace(/(₫|đ|vnđ|vnd)$/i, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  if (/^\d+$/.test(compact)) return Number(compact);
  return value;
}

/** Số tiền (VND): a whole number of đồng, ≥ 0. */
export const vndAmount = z.preprocess(
  parseVnd,
  z
    .number({ message: 'validation.vndAmount' })
    .int({ message: 'validation.vndAmount' })
    .min(0, { message: 'validation.vndAmount' })
    .max(Number.MAX_SAFE_INTEGER, { message: 'validation.vndAmount' }),
);

// ---- Helpers ----

/** Blank text ('', spaces) or null/undefined → null; anything else as it is. For optional fields typed in a form or a cell. */
export function blankToNull<T>(value: T): T | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}
