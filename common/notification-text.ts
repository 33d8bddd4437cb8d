// The text of an in-app notification or reminder e-mail, from its kind and
// params (notifications.params): one function for the bell, the notifications
// page and the e-mail, so they say the same thing.
import type { NotificationKind, ReportKind } from './reports.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Params a notification row carries (notifications.params). */
export interface NotificationParams {
  periodKind?: ReportKind;
  month?: number;
  year?: number;
  /** dd/mm/yyyy */
  dueOn?: string;
  unit?: string;
  /** Digests: the first units' names, comma-separated, and how many in all. */
  units?: string;
  count?: number;
  comment?: string;
}

/** "Tháng 3/2024", "6 tháng đầu năm 2024", "Năm 2024". */
export function periodText(t: Translate, p: Pick<NotificationParams, 'periodKind' | 'month' | 'year'>): string {
  const year = String(p.year ?? '');
  if (p.periodKind === 'half_year') return t('reports.periodHalfYear', { year });
  if (p.periodKind === 'year') return t('reports.periodYear', { year });
  return t('reports.periodMonthly', { month: String(p.month ?? ''), year });
}

/** How many names a digest's text lists before "và N đơn vị khác". */
export const DIGEST_NAMES_SHOWN = 3;

/** A digest's params for its units: the first names and how many in all. */
export function digestUnitParams(names: string[]): Pick<NotificationParams, 'units' | 'count'> {
  return { units: names.slice(0, DIGEST_NAMES_SHOWN).join(', '), count: names.length };
}

/** The units of a digest as a short phrase: "A, B, C và 4 đơn vị khác". */
function unitsText(t: Translate, p: NotificationParams): string {
  const count = p.count ?? 0;
  return count > DIGEST_NAMES_SHOWN
    ? t('notifications.moreUnits', { names: p.units ?? '', count: count - DIGEST_NAMES_SHOWN })
    : (p.units ?? '');
}

export function notificationText(t: Translate, kind: NotificationKind, raw: Record<string, string | number>): string {
  const p = raw as NotificationParams;
  return t(`notifications.kind_${kind}`, {
    period: periodText(t, p),
    dueOn: p.dueOn ?? '',
    unit: p.unit ?? '',
    units: unitsText(t, p),
    count: p.count ?? 0,
    comment: p.comment ? `: “${p.comment}”` : '',
  });
}
