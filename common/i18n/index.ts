// Message catalogues (Vietnamese first, English second). Every string the
// interface or the API shows comes from here, looked up as "namespace.key".
import type { Locale } from '../enums.js';
import { formatNumber } from '../format.js';
import * as vi from './vi/index.js';
import * as en from './en/index.js';

type Catalogue = typeof vi;
type Flatten<C> = {
  [NS in keyof C & string]: `${NS}.${keyof C[NS] & string}`;
}[keyof C & string];

/** A message key such as "common.save" or "errors.NOT_FOUND". */
export type MessageKey = Flatten<Catalogue>;
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<string, Record<string, string>>> = {
  vi: vi as unknown as Record<string, Record<string, string>>,
  en: en as unknown as Record<string, Record<string, string>>,
};

/**
 * Number parameters that name something rather than count it, written as they
 * are: "năm 2024" (never "2.024"), "dòng 1234" as Excel numbers its rows, a document number, a version.
 */
const VERBATIM_NUMBERS = new Set(['year', 'row', 'number', 'version', 'index']);

/**
 * The message for a key in a language, with {params} filled in. Numbers are
 * written in the language's form ("1.165" in Vietnamese, "1,165" in English);
 * pass a string to keep a number as it is.
 */
export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
  const dot = key.indexOf('.');
  const ns = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const template = catalogues[locale]?.[ns]?.[name] ?? catalogues.vi[ns]?.[name] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, p: string) => {
    if (!(p in params)) return whole;
    const v = params[p];
    return typeof v === 'number' && !VERBATIM_NUMBERS.has(p) ? formatNumber(v, { locale, fractionDigits: 2 }) : String(v);
  });
}

export function hasMessage(key: string): boolean {
  const dot = key.indexOf('.');
  return Boolean(catalogues.vi[key.slice(0, dot)]?.[key.slice(dot + 1)]);
}

export function pickLocale(value: string | undefined | null): Locale {
  if (!value) return 'vi';
  return value.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
