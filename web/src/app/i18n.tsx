import { createContext, lazy, use, useCallback, useContext, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { Locale as AntLocale } from 'antd/es/locale';
import antVi from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { Locale } from '../../../common/enums';
import { translateFrom, type MessageKey, type MessageParams, type Messages } from '../../../common/i18n/translate';
import * as viStart from '../../../common/i18n/vi/start';
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

// Vietnamese ships with the app, but only the namespaces of the first screens (sign-in,
// home, a target's breakdown: vi/start.ts); the rest is one chunk that every other page
// loads alongside its own code (lazyPage below). English (our whole catalogue and Ant
// Design's) is its own chunk, downloaded only when someone chooses it.
const vi: Bundle = { messages: { ...viStart } as unknown as Messages, antLocale: antVi };
let restOfVietnamese: Promise<void> | null = null;
let hasRestOfVietnamese = false;

/** Loads the Vietnamese namespaces the first screens leave out (once). */
export function loadFullCatalogue(): Promise<void> {
  restOfVietnamese ??= import('../../../common/i18n/vi/rest').then((rest) => {
    Object.assign(vi.messages, rest);
    hasRestOfVietnamese = true;
  });
  return restOfVietnamese;
}

/**
 * React.lazy for a page that may use any namespace: its code and the rest of the
 * Vietnamese catalogue download in parallel, and it renders when both have arrived.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's
export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() => Promise.all([load(), loadFullCatalogue()]).then(([page]) => page));
}

/** Renders its children once the whole catalogue is there (suspends until then). */
export function WithFullCatalogue({ children }: { children: ReactNode }) {
  if (!hasRestOfVietnamese) use(loadFullCatalogue());
  return <>{children}</>;
}

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
