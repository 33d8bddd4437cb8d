// Wire schemas of the audit log (nhật ký hệ thống): filters, entries, facets.
// Shared by the server (validation, OpenAPI) and the web (types). See docs/decisions/0005.
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { isoDate, pageOf, pageQuery, queryBoolean } from '../schemas.js';

const filterFields = {
  userId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  includeSubtree: queryBoolean.default(true),
  entityType: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.codeMax * 2)
    .optional(),
  action: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.codeMax * 2)
    .optional(),
  /** Vietnam calendar days (UTC+7), both inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(LIMITS.nameMax).optional(),
};

const dateRangeOk = (f: { from?: string | undefined; to?: string | undefined }) => !f.from || !f.to || f.from <= f.to;
const dateRangeIssue = { message: 'errors.AUDIT_DATE_RANGE_INVALID', path: ['to'] };

/** Filters of the audit log, shared by the list and the export. */
export const AuditFilterQuery = z.object(filterFields).refine(dateRangeOk, dateRangeIssue);
export type AuditFilter = z.output<typeof AuditFilterQuery>;

export const AuditListQuery = z.object({ ...filterFields, ...pageQuery.shape }).refine(dateRangeOk, dateRangeIssue);

export const AuditEntryResponse = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.uuid().nullable(),
    username: z.string().nullable(),
    userFullName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    /** A readable name of the entity (unit short name, user name, program title…) taken from its values. */
    entityLabel: z.string().nullable(),
    unitId: z.uuid().nullable(),
    unitCode: z.string().nullable(),
    unitName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPageResponse = pageOf(AuditEntryResponse).meta({ id: 'AuditPage' });

export const AuditFacetsResponse = z
  .object({
    entityTypes: z.array(z.string()),
    actions: z.array(z.string()),
    /** Users who wrote entries in the caller's scope, for the "who" filter. */
    users: z.array(z.object({ id: z.uuid(), username: z.string(), fullName: z.string() })),
  })
  .meta({ id: 'AuditFacets' });
