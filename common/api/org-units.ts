// Wire schemas of /api/org-units (đơn vị công đoàn): request bodies, queries
// and responses. The server validates and serialises with them; the web takes
// its types from them (z.input / z.output), so a changed field breaks the type
// check.
import { z } from 'zod';
import { GRASSROOTS_SECTORS, ORG_UNIT_KINDS, ORG_UNIT_LINK_KINDS } from '../enums.js';
import { LIMITS } from '../limits.js';
import { cleanText, isoDate, optionalCleanText } from '../schemas.js';

const text = cleanText;
const optionalText = optionalCleanText;

const kind = z.enum(ORG_UNIT_KINDS);
/** Grassroots-union record limits (the web form checks them with these schemas). */
export const FOUNDING_LIMITS = { decisionMax: 64, initialMembersMax: 1_000_000 } as const;
/** Số quyết định thành lập / công nhận CĐCS, e.g. "125/QĐ-LĐLĐ". Grassroots unions only. */
const foundingDecision = optionalText(FOUNDING_LIMITS.decisionMax);
/**
 * Số đoàn viên khi thành lập. Grassroots unions only, and then at least
 * MEMBER_LIMITS.foundingMinMembers (checked by the use-case, with its own message).
 */
const initialMemberCount = z.number().int().min(0).max(FOUNDING_LIMITS.initialMembersMax).nullable().optional();
const sector = z.enum(GRASSROOTS_SECTORS);

export const ListOrgUnitsQuery = z.object({
  asOf: isoDate.optional(),
  q: z.string().trim().max(LIMITS.nameMax).optional(),
});

export const DetailQuery = z.object({ asOf: isoDate.optional() });

export const OrgUnitNode = z
  .object({
    id: z.uuid(),
    code: z.string(),
    fullName: z.string(),
    shortName: z.string(),
    kind,
    sector: sector.nullable(),
    address: z.string().nullable(),
    /** Grassroots unions: founding (or recognition) decision number; founding date = validFrom. */
    foundingDecision: z.string().nullable(),
    /** Grassroots unions: members at founding. */
    initialMemberCount: z.number().int().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    /** Parent on the reference date; null when none or outside the caller's scope. */
    parentId: z.uuid().nullable(),
  })
  .meta({ id: 'OrgUnitNode' });

export const OrgUnitListResponse = z
  .object({ asOf: z.string(), items: z.array(OrgUnitNode), matchIds: z.array(z.uuid()) })
  .meta({ id: 'OrgUnitList' });

export const OrgUnitDetail = OrgUnitNode.extend({
  /** Whether the caller may change this unit today (edit, move, merge, split, end, add a child), by the policy the writes use. Present on GET. */
  canManage: z.boolean().optional(),
  /** Optimistic version: send it back as expectedVersion when editing (409 STALE_WRITE if someone changed the unit since). */
  rowVersion: z.number().int(),
  parents: z.array(
    z.object({
      id: z.uuid(),
      parentId: z.uuid(),
      parentCode: z.string(),
      parentName: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      /** Whether the caller may open the parent's page (it is in their scope). */
      visible: z.boolean(),
    }),
  ),
  links: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(ORG_UNIT_LINK_KINDS),
      direction: z.enum(['out', 'in']),
      otherUnitId: z.uuid(),
      otherCode: z.string(),
      otherName: z.string(),
      effectiveDate: z.string(),
      visible: z.boolean(),
    }),
  ),
  children: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      shortName: z.string(),
      kind,
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  /**
   * Units that were under this one and left it (nơi chuyển đến): the day they left, and
   * their next parent from the next day, or the unit they merged into if they ended.
   */
  departures: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      shortName: z.string(),
      leftOn: z.string(),
      ended: z.boolean(),
      to: z
        .object({
          kind: z.enum(['parent', ...ORG_UNIT_LINK_KINDS]),
          id: z.uuid(),
          code: z.string(),
          shortName: z.string(),
          from: z.string(),
          visible: z.boolean(),
        })
        .nullable(),
    }),
  ),
}).meta({ id: 'OrgUnitDetail' });

export const CreateOrgUnitBody = z.object({
  code: text(LIMITS.codeMax),
  fullName: text(LIMITS.nameMax),
  shortName: text(LIMITS.nameMax),
  kind,
  sector: sector.nullable().optional(),
  address: optionalText(LIMITS.addressMax),
  foundingDecision,
  initialMemberCount,
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  parentId: z.uuid().nullable().optional(),
});
export type CreateOrgUnitInput = z.infer<typeof CreateOrgUnitBody>;

export const UpdateOrgUnitBody = z.object({
  /** The rowVersion the edit was made on (server/lib/row-version.ts). */
  expectedVersion: z.number().int().min(1),
  code: text(LIMITS.codeMax).optional(),
  fullName: text(LIMITS.nameMax).optional(),
  shortName: text(LIMITS.nameMax).optional(),
  kind: kind.optional(),
  sector: sector.nullable().optional(),
  address: optionalText(LIMITS.addressMax),
  foundingDecision,
  initialMemberCount,
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
});
export type UpdateOrgUnitInput = z.infer<typeof UpdateOrgUnitBody>;

export const MoveOrgUnitBody = z.object({ parentId: z.uuid(), fromDate: isoDate });
export type MoveOrgUnitInput = z.infer<typeof MoveOrgUnitBody>;

export const MergeOrgUnitBody = z.object({ intoUnitId: z.uuid(), date: isoDate });
export type MergeOrgUnitInput = z.infer<typeof MergeOrgUnitBody>;

export const SplitNewUnit = z.object({
  code: text(LIMITS.codeMax),
  fullName: text(LIMITS.nameMax),
  shortName: text(LIMITS.nameMax),
  kind: kind.optional(),
  sector: sector.nullable().optional(),
  address: optionalText(LIMITS.addressMax),
});
export const SplitOrgUnitBody = z.object({
  date: isoDate,
  endOriginal: z.boolean(),
  newUnits: z.array(SplitNewUnit).min(1).max(50),
});
export type SplitOrgUnitInput = z.infer<typeof SplitOrgUnitBody>;

export const SplitOrgUnitResponse = z
  .object({ original: OrgUnitDetail, created: z.array(OrgUnitDetail) })
  .meta({ id: 'OrgUnitSplitResult' });

export const DissolveOrgUnitBody = z.object({ date: isoDate });
export type DissolveOrgUnitInput = z.infer<typeof DissolveOrgUnitBody>;
