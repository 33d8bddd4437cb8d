// Message lookup without the catalogues themselves, so the web app can load
// Vietnamese up front and English only when a user chooses it (common/i18n/index.ts
// binds both catalogues for the server).
import type { Locale } from '../enums.js';
import { formatNumber } from '../format.js';
import type * as vi from './vi/index.js';

type Catalogue = typeof vi;
type Flatten<C> = {
  [NS in keyof C & string]: `${NS}.${keyof C[NS] & string}`;
}[keyof C & string];

/** A message key such as "common.save" or "errors.NOT_FOUND". */
export type MessageKey = Flatten<Catalogue>;
export type MessageParams = Record<string, string | number>;
/** A catalogue as data: namespace → key → message. */
export type Messages = Record<string, Record<string, string>>;

/**
 * Number parameters that name something rather than count it, written as they
 * are: "năm 2024" (never "2.024"), "dòng 1234" as Excel numbers its rows, a document number, a version.
 */
const VERBATIM_NUMBERS = new Set(['year', 'row', 'number', 'version', 'index']);

/**
 * The message of `key` in `messages` (the catalogue of `locale`), else in `fallback`
 * (Vietnamese), else the key; {params} filled in. Numbers are written in the
 * language's form ("1.165" in Vietnamese, "1,165" in English); pass a string to keep
 * a number as it is.
 */
export function translateFrom(
  locale: Locale,
  messages: Messages | undefined,
  fallback: Messages,
  key: MessageKey | string,
  params?: MessageParams,
): string {
  const dot = key.indexOf('.');
  const ns = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const template = messages?.[ns]?.[name] ?? fallback[ns]?.[name] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, p: string) => {
    if (!(p in params)) return whole;
    const v = params[p];
    return typeof v === 'number' && !VERBATIM_NUMBERS.has(p) ? formatNumber(v, { locale, fractionDigits: 2 }) : String(v);
  });
}

export function pickLocale(value: string | undefined | null): Locale {
  if (!value) return 'vi';
  return value.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
