// Numbers, percentages, VND and dates in the interface language, from common/format.ts
// (vi-VN "1.165", "94,92%"; en-GB "1,165", "94.92%"; dates dd/mm/yyyy in Vietnam time).
import { useMemo } from 'react';
import { formatterFor, type Formatter } from '../../../common/format';
import { useI18n } from '../app/i18n';

export interface WebFormatter extends Formatter {
  /** For Ant Design's Statistic `formatter`, which otherwise groups with "," whatever the language. */
  statistic: (value: number | string) => string;
}

/** The formatters bound to the current interface language. */
export function useFormat(): WebFormatter {
  const { locale } = useI18n();
  return useMemo(() => {
    const f = formatterFor(locale);
    return { ...f, statistic: (value: number | string) => f.number(typeof value === 'number' ? value : Number(value)) };
  }, [locale]);
}
