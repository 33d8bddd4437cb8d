// Zod building blocks shared by API schemas and web forms. Messages are keys
// into the catalogues (common/i18n); the server translates them per request.
import { z } from 'zod';
import { LIMITS } from './limits.js';

/** The answer of a write that returns nothing else. */
export const OkResponse = z.object({ ok: z.literal(true) });

/** A calendar date in ISO form 'YYYY-MM-DD'; the rule lives with the other field rules. */
export { isoDate } from './fields.js';

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

/** A page of results with its total, for every paginated list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
