// The columns of the members' Excel import (nhập đoàn viên từ Excel): one
// definition read by the template, the file reader, the row checks and the
// rejected-rows file. Headers are recognised whatever the case, diacritics,
// "*" and "(…)" hints, in Vietnamese or English.
import type { Locale } from '../../../common/enums.js';
import { CARD_NUMBER_MAX, EMAIL_MAX } from '../../../common/fields.js';
import { translate } from '../../../common/i18n/index.js';
import { LIMITS } from '../../../common/limits.js';
import { UNION_POSITIONS, type UnionPosition } from '../../../common/members.js';
import { foldText } from '../../lib/search-text.js';

export const IMPORT_COLUMN_KEYS = [
  'fullName',
  'gender',
  'birthDate',
  'citizenId',
  'phone',
  'email',
  'ethnicity',
  'job',
  'workplace',
  'unitCode',
  'admittedOn',
  'cardNumber',
  'unionPosition',
  'partyMember',
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumn {
  key: ImportColumnKey;
  /** memberImport.* message key of the header label. */
  label: string;
  required: boolean;
  /** Longest text accepted. */
  max: number;
  /** Written as text in the template ("@") so leading zeros and dd/mm/yyyy survive. */
  text: boolean;
  hint?: 'dateHint' | 'yesNoHint';
  width: number;
  /** Other spellings users write as headers (folded). */
  aliases?: string[];
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'fullName',
    label: 'colFullName',
    required: true,
    max: LIMITS.nameMax,
    text: false,
    width: 28,
    aliases: ['ho ten', 'ho va ten dem'],
  },
  { key: 'gender', label: 'colGender', required: true, max: 16, text: false, width: 11, aliases: ['gioi'] },
  { key: 'birthDate', label: 'colBirthDate', required: true, max: 32, text: true, hint: 'dateHint', width: 16 },
  {
    key: 'citizenId',
    label: 'colCitizenId',
    required: false,
    max: 32,
    text: true,
    width: 16,
    aliases: ['cccd', 'so can cuoc', 'so can cuoc cong dan', 'can cuoc cong dan', 'so dinh danh'],
  },
  { key: 'phone', label: 'colPhone', required: false, max: 32, text: true, width: 15, aliases: ['dien thoai', 'sdt', 'so dt'] },
  { key: 'email', label: 'colEmail', required: false, max: EMAIL_MAX, text: false, width: 26, aliases: ['thu dien tu', 'e-mail'] },
  { key: 'ethnicity', label: 'colEthnicity', required: false, max: 64, text: false, width: 10 },
  { key: 'job', label: 'colJob', required: false, max: LIMITS.nameMax, text: false, width: 20 },
  { key: 'workplace', label: 'colWorkplace', required: false, max: LIMITS.nameMax, text: false, width: 28 },
  {
    key: 'unitCode',
    label: 'colUnitCode',
    required: true,
    max: LIMITS.codeMax,
    text: true,
    width: 14,
    aliases: ['ma cdcs', 'ma cong doan'],
  },
  {
    key: 'admittedOn',
    label: 'colAdmittedOn',
    required: true,
    max: 32,
    text: true,
    hint: 'dateHint',
    width: 16,
    aliases: ['ngay vao cong doan'],
  },
  {
    key: 'cardNumber',
    label: 'colCardNumber',
    required: false,
    max: CARD_NUMBER_MAX,
    text: true,
    width: 16,
    aliases: ['so the', 'so the dv'],
  },
  { key: 'unionPosition', label: 'colUnionPosition', required: false, max: 64, text: false, width: 24, aliases: ['chuc vu'] },
  {
    key: 'partyMember',
    label: 'colPartyMember',
    required: false,
    max: 16,
    text: false,
    hint: 'yesNoHint',
    width: 16,
    aliases: ['dang vien dcsvn'],
  },
];

export const COLUMN_BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

/** The column's header as written in the template: "Ngày sinh* (dd/mm/yyyy)". */
export function columnHeader(column: ImportColumn, locale: Locale = 'vi'): string {
  const t = (key: string) => translate(locale, `memberImport.${key}`);
  return `${t(column.label)}${column.required ? '*' : ''}${column.hint ? ` ${t(column.hint)}` : ''}`;
}

/** The column's name in messages and in stored errors: the Vietnamese label ("Ngày sinh"). */
export function columnName(key: ImportColumnKey): string {
  return translate('vi', `memberImport.${COLUMN_BY_KEY.get(key)!.label}`);
}

/** "Ngày sinh* (dd/mm/yyyy)" → "ngay sinh". */
export function normaliseHeader(text: string): string {
  return foldText(text.replace(/\(.*?\)/g, ' ').replace(/[*:]/g, ' '));
}

const HEADER_LOOKUP: Map<string, ImportColumnKey> = (() => {
  const map = new Map<string, ImportColumnKey>();
  for (const c of IMPORT_COLUMNS) {
    for (const locale of ['vi', 'en'] as const) map.set(normaliseHeader(translate(locale, `memberImport.${c.label}`)), c.key);
    for (const alias of c.aliases ?? []) map.set(alias, c.key);
  }
  return map;
})();

/** The error column added to rejected-rows files, in either language: ignored when read back. */
const ERROR_HEADERS = new Set(['vi', 'en'].map((l) => normaliseHeader(translate(l as Locale, 'memberImport.colErrors'))));

export function columnForHeader(text: string): ImportColumnKey | 'errors' | null {
  const folded = normaliseHeader(text);
  if (ERROR_HEADERS.has(folded)) return 'errors';
  return HEADER_LOOKUP.get(folded) ?? null;
}

// ---- Coded values ----

export function positionLabel(position: UnionPosition, locale: Locale = 'vi'): string {
  return translate(locale, `members.position_${position}`);
}

const POSITION_LOOKUP: Map<string, UnionPosition> = (() => {
  const map = new Map<string, UnionPosition>();
  for (const p of UNION_POSITIONS) {
    map.set(foldText(p.replace(/_/g, ' ')), p);
    map.set(foldText(p), p);
    for (const locale of ['vi', 'en'] as const) map.set(foldText(positionLabel(p, locale)), p);
  }
  // Common short forms.
  map.set('uv bch', 'executive_committee');
  map.set('uv btv', 'standing_committee');
  map.set('uv ubkt', 'inspection_committee');
  map.set('pho chu tich', 'vice_chair');
  map.set('to truong', 'team_leader');
  map.set('dv', 'member');
  return map;
})();

/** "Phó Chủ tịch" / "vice chair" / "vice_chair" → 'vice_chair'; empty → 'member'; unknown → null. */
export function parsePosition(text: string): UnionPosition | null {
  if (text.trim() === '') return 'member';
  return POSITION_LOOKUP.get(foldText(text)) ?? null;
}

const GENDER_LOOKUP: Record<string, 'male' | 'female'> = { nam: 'male', male: 'male', nu: 'female', female: 'female' };

export function parseGender(text: string): 'male' | 'female' | null {
  return GENDER_LOOKUP[foldText(text)] ?? null;
}

const YES = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'la dang vien', 'dang vien']);
const NO = new Set(['', 'khong', 'no', 'n', 'false', '0']);

/** "Có"/"Không" (also yes/no, x, 1/0); empty = no; unknown → null. */
export function parseYesNo(text: string): boolean | null {
  const folded = foldText(text);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return null;
}
