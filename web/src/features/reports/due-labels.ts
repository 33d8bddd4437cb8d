// Words of a reporting period and a report's state, shared by the due list and the form.
import type { ComplianceState } from '../../../../common/reports';
import type { MessageKey, MessageParams } from '../../../../common/i18n/translate';

type T = (key: MessageKey, params?: MessageParams) => string;

/** "Tháng 3/2024", "6 tháng đầu năm 2024", "Năm 2024" (the period's fact month gives the month). */
export function periodLabel(t: T, period: { kind: string; factMonth: string; dataFrom: string }): string {
  const [year, month] = period.factMonth.split('-');
  if (period.kind === 'half_year') return t('reports.periodHalfYear', { year: year! });
  if (period.kind === 'year') return t('reports.periodYear', { year: year! });
  return t('reports.periodMonthly', { month: Number(month), year: year! });
}

export const STATE_COLORS: Record<ComplianceState, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted_on_time: 'success',
  submitted_late: 'warning',
  returned: 'error',
  approved: 'green',
};
