// Message catalogues (Vietnamese first, English second). Every string the
// interface or the API shows comes from here, looked up as "namespace.key".
// The web app binds the catalogues itself (web/src/app/i18n.tsx) to load English lazily.
import type { Locale } from '../enums.js';
import * as vi from './vi/index.js';
import * as en from './en/index.js';
import { translateFrom, type MessageKey, type MessageParams, type Messages } from './translate.js';

export { pickLocale, type MessageKey, type MessageParams } from './translate.js';

const catalogues: Record<Locale, Messages> = {
  vi: vi as unknown as Messages,
  en: en as unknown as Messages,
};

/**
 * The message for a key in a language, with {params} filled in. Numbers are
 * written in the language's form ("1.165" in Vietnamese, "1,165" in English);
 * pass a string to keep a number as it is.
 */
export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
  return translateFrom(locale, catalogues[locale], catalogues.vi, key, params);
}

export function hasMessage(key: string): boolean {
  const dot = key.indexOf('.');
  return Boolean(catalogues.vi[key.slice(0, dot)]?.[key.slice(dot + 1)]);
}
