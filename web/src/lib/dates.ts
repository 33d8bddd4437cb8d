// Dates in the web app: display helpers come from common/format.ts (dd/mm/yyyy,
// instants in Vietnam time); the rest bridges Ant Design's DatePicker (dayjs).
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam } from '../../../common/format';

export { formatDate, formatDateTime, formatMonth } from '../../../common/format';

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromIsoDate(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(iso) : undefined;
}

/** Today in Vietnam as 'YYYY-MM-DD' (the server's "today", whatever the browser's zone). */
export function todayIso(): string {
  return todayInVietnam();
}

/** DatePicker display format (dd/mm/yyyy). */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** Today in Vietnam for a DatePicker (start of that day). */
export function todayDayjs(): Dayjs {
  return dayjs(todayInVietnam());
}

/** This year in Vietnam (1 January starts at midnight Vietnam time, not the browser's). */
export function thisYear(): number {
  return Number(todayInVietnam().slice(0, 4));
}

/**
 * Form onKeyDown: Enter in a date field confirms the typed date only. The picker
 * handles Enter first; stopping the browser's default here keeps the key from also
 * submitting the whole form (implicit submission).
 */
export function keepEnterInDateFields(event: { key: string; target: EventTarget | null; preventDefault: () => void }): void {
  if (event.key !== 'Enter') return;
  const target = event.target as Element | null;
  if (target?.closest?.('.ant-picker')) event.preventDefault();
}

/** The day after an ISO day ('2025-06-30' → '2025-07-01'): a unit whose last day is the 30th has ended from the 1st. */
export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
