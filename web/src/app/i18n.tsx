import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale as AntLocale } from 'antd/es/locale';
import antVi from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { Locale } from '../../../common/enums';
import { translateFrom, type MessageKey, type MessageParams, type Messages } from '../../../common/i18n/translate';
import * as viMessages from '../../../common/i18n/vi/index';
import { setApiLanguage } from '../lib/api';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Ant Design's texts (pagination, date picker…) in the same language. */
  antLocale: AntLocale;
}

interface Bundle {
  messages: Messages;
  antLocale: AntLocale;
}

const vi: Bundle = { messages: viMessages as unknown as Messages, antLocale: antVi };
// Vietnamese ships with the app; English (our catalogue and Ant Design's) is its own chunk,
// downloaded only when someone chooses it.
const bundles: Partial<Record<Locale, Bundle>> = { vi };
function loadBundle(locale: Locale): Promise<Bundle> {
  const ready = bundles[locale];
  if (ready) return Promise.resolve(ready);
  return Promise.all([import('../../../common/i18n/en/index'), import('antd/locale/en_US')]).then(([en, ant]) => {
    const bundle: Bundle = { messages: en as unknown as Messages, antLocale: ant.default };
    bundles.en = bundle;
    return bundle;
  });
}

/** True when the catalogue has this key (labels of free-form codes such as audit actions). */
export function hasMessage(key: string): boolean {
  const dot = key.indexOf('.');
  return Boolean(vi.messages[key.slice(0, dot)]?.[key.slice(dot + 1)]);
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'congdoan.locale';

function apply(locale: Locale) {
  setApiLanguage(locale);
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted] = useState<Locale>(() => {
    const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
    return saved === 'en' ? 'en' : 'vi';
  });
  // The language shown; switches once its bundle has arrived.
  const [current, setCurrent] = useState<{ locale: Locale; bundle: Bundle } | null>(() => {
    const bundle = bundles[wanted];
    if (!bundle) return null;
    apply(wanted);
    return { locale: wanted, bundle };
  });
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    void loadBundle(next).then((bundle) => {
      apply(next);
      setCurrent({ locale: next, bundle });
    });
  }, []);
  useEffect(() => {
    if (!current) setLocale(wanted);
  }, [current, wanted, setLocale]);
  const value = useMemo<I18n | null>(() => {
    if (!current) return null;
    const { locale, bundle } = current;
    return {
      locale,
      setLocale,
      antLocale: bundle.antLocale,
      t: (key, params) => translateFrom(locale, bundle.messages, vi.messages, key, params),
    };
  }, [current, setLocale]);
  // A saved English choice waits (one small chunk) rather than flashing Vietnamese.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and the translate function: every UI string goes through t(). */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
