import dayjs, { type Dayjs } from 'dayjs';

/** ISO 'YYYY-MM-DD' → 'dd/mm/yyyy' as users read dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** ISO timestamp → 'dd/mm/yyyy HH:mm' in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).format('DD/MM/YYYY HH:mm');
}

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromIsoDate(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(iso) : undefined;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export const DATE_FORMAT = 'DD/MM/YYYY';
