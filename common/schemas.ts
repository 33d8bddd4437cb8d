// Zod building blocks shared by API schemas and web forms. Messages are keys
// into the catalogues (common/i18n); the server translates them per request.
import { z } from 'zod';
import { LIMITS } from './limits.js';

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date in ISO form 'YYYY-MM-DD' (the UI shows dd/mm/yyyy). */
export const isoDate = z.string().refine(isIsoDate, { message: 'validation.invalidDate' });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

export const trimmed = (max: number, min = 1) => z.string().trim().min(min).max(max);

/** Query-string boolean: "true" / "false". */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Text as typed: trimmed, required, in composed Unicode (so search folding is stable). */
export const cleanText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((v) => v.normalize('NFC'));

/** Optional text: trimmed, composed; empty means null. */
export const optionalCleanText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v.normalize('NFC')))
    .nullable()
    .optional();
