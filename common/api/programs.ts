// Wire schemas of /api/programs (chương trình công tác): request bodies,
// queries and responses. The server validates and serialises with them and
// the web takes its types from them (z.input / z.output), so a changed field
// breaks the type check on both sides. Server-only pieces stay in
// server/modules/programs/schemas.ts.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from '../schemas.js';
import { PROGRAM_ACTIONS, PROGRAM_KINDS, PROGRAM_LIMITS, PROGRAM_STATUSES, ProgramContent } from '../programs.js';
import { ProgramChanges } from '../program-diff.js';
import { DerivedMark, ProgramDerivation } from '../derived-marks.js';

const short = z.string().trim().min(1).max(PROGRAM_LIMITS.shortMax);
const year = z.number().int().min(PROGRAM_LIMITS.yearMin).max(PROGRAM_LIMITS.yearMax);

export const ListProgramsQuery = pageQuery.extend({
  unitId: z.uuid().optional(),
  year: z.coerce.number().int().min(PROGRAM_LIMITS.yearMin).max(PROGRAM_LIMITS.yearMax).optional(),
});
export type ListProgramsQuery = z.infer<typeof ListProgramsQuery>;

/** The document's header fields (everything but the body). */
const ProgramHeaderFields = {
  year,
  kind: z.enum(PROGRAM_KINDS),
  number: z.number().int().min(1).max(PROGRAM_LIMITS.numberMax),
  symbol: z.string().trim().min(1).max(PROGRAM_LIMITS.symbolMax),
  place: short,
  issuedOn: isoDate.nullable(),
  title: short,
  superiorBodyName: short.nullable(),
  issuingBodyName: short,
  signatureAuthority: short,
  signerTitle: short,
  signerName: short,
};

export const CreateProgramBody = z.strictObject({
  unitId: z.uuid(),
  ...ProgramHeaderFields,
  content: ProgramContent,
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

/** Fields of a draft that may change; the issuing unit may not. */
export const UpdateProgramBody = z
  .strictObject({ ...ProgramHeaderFields, content: ProgramContent })
  .partial()
  .extend({
    /** The rowVersion the edit was made on (server/lib/row-version.ts); 409 STALE_WRITE when someone saved since. */
    expectedVersion: z.number().int().min(1),
  });
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;

export const ProgramSummary = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    year: z.number().int(),
    kind: z.enum(PROGRAM_KINDS),
    number: z.number().int(),
    symbol: z.string(),
    /** "Số: 02/CTr-LĐLĐ" as printed. */
    documentNumber: z.string(),
    place: z.string(),
    issuedOn: z.string().nullable(),
    title: z.string(),
    status: z.enum(PROGRAM_STATUSES),
    version: z.number().int(),
    /** Optimistic version of the row (not the document's amendment version): send it back as expectedVersion when editing. */
    rowVersion: z.number().int(),
    updatedAt: z.string(),
    /**
     * What the caller may do with the program (GET list and GET one), by the
     * policies the writes use; the web shows only these buttons. Absent from
     * the answers of writes: read the program again.
     */
    allowedActions: z.array(z.enum(PROGRAM_ACTIONS)).optional(),
  })
  .meta({ id: 'ProgramSummary' });

/**
 * Cụ thể hóa: what the derivation left for the user on a derived draft — the
 * sentences still naming the superior's figures or bodies (open while they
 * stand word for word) and the superior's targets it could not carry.
 */
export const ProgramDerivationView = ProgramDerivation.extend({
  marks: z.array(DerivedMark.extend({ open: z.boolean() })),
  openMarkCount: z.number().int(),
}).meta({ id: 'ProgramDerivation' });

export const ProgramDetail = ProgramSummary.extend({
  previousVersionId: z.uuid().nullable(),
  superiorBodyName: z.string().nullable(),
  issuingBodyName: z.string(),
  signatureAuthority: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  /** "Vĩnh Thuận, ngày 19 tháng 01 năm 2024" as printed. */
  placeAndDate: z.string(),
  issuedAt: z.string().nullable(),
  createdAt: z.string(),
  content: ProgramContent,
  /**
   * An amendment (version > 1): the document it amends, with its own number
   * and date, and the citation printed under the title ("Sửa đổi, bổ sung
   * Chương trình số 02/CTr-LĐLĐ ngày 19/01/2024"). Null for a first version.
   */
  amends: z
    .object({
      id: z.uuid(),
      kind: z.enum(PROGRAM_KINDS),
      number: z.number().int(),
      symbol: z.string(),
      issuedOn: z.string().nullable(),
      citation: z.string(),
    })
    .nullable()
    .optional(),
  /** Null unless the program was derived from a superior's (cụ thể hóa). */
  derivation: ProgramDerivationView.nullable(),
}).meta({ id: 'ProgramDetail' });

/**
 * Ban hành. A derived draft whose marked sentences are not all edited is
 * refused (409 PROGRAM_UNRESOLVED_MARKS) unless the user confirms.
 */
export const IssueProgramBody = z.strictObject({ confirmUnresolvedMarks: z.boolean().optional() });
export type IssueProgramBody = z.infer<typeof IssueProgramBody>;

/** Cụ thể hóa, later: carry the superior's targets allocated since the draft was derived. */
export const CarryDerivedTargetsBody = z.strictObject({
  /** The rowVersion the program was read at (server/lib/row-version.ts); 409 STALE_WRITE when someone saved since. */
  expectedVersion: z.number().int().min(1),
});
export type CarryDerivedTargetsBody = z.infer<typeof CarryDerivedTargetsBody>;

export const ProgramPage = pageOf(ProgramSummary);

/** Why an issued program is amended (lý do sửa đổi, bổ sung). */
export const AmendProgramBody = z.strictObject({ reason: z.string().trim().min(1).max(PROGRAM_LIMITS.textMax) });
export type AmendProgramBody = z.infer<typeof AmendProgramBody>;

export const ProgramVersion = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(PROGRAM_STATUSES),
    issuedOn: z.string().nullable(),
    /** Each version is its own document: "Số: 05/CTr-LĐLĐ". */
    documentNumber: z.string(),
    /** What changed from the previous version; null for the first one. */
    changes: ProgramChanges.nullable(),
  })
  .meta({ id: 'ProgramVersion' });
export const ProgramVersionList = z.array(ProgramVersion);

/** Cụ thể hóa: the child unit a program is derived for. */
export const DeriveProgramBody = z.strictObject({ unitId: z.uuid() });
export type DeriveProgramBody = z.infer<typeof DeriveProgramBody>;

/** A target of the derived program, and the parent's target it comes from. */
const DerivedTarget = z.object({
  id: z.uuid(),
  sourceTargetId: z.uuid(),
  code: z.string().nullable(),
  text: z.string(),
  value: z.number(),
});
/** A total target of the parent program without an allocation to the child unit. */
const TargetNeedingAllocation = z.object({
  sourceTargetId: z.uuid(),
  code: z.string().nullable(),
  text: z.string(),
  value: z.number(),
});
export const DeriveProgramResult = z
  .object({
    program: ProgramDetail,
    /** Percentages, shares, averages: the same target, over the child unit. */
    inheritedTargets: z.array(DerivedTarget),
    /** Totals: the parent's allocation to the child unit becomes its target. */
    allocatedTargets: z.array(DerivedTarget),
    /** Totals with no allocation to the child unit: left out until one is set. */
    needsAllocation: z.array(TargetNeedingAllocation),
  })
  .meta({ id: 'DeriveProgramResult' });

/** Phân bổ chỉ tiêu: does each total target of a program add up? */
export const AllocationCheck = z
  .object({
    programId: z.uuid(),
    items: z.array(
      z.object({
        targetId: z.uuid(),
        code: z.string().nullable(),
        text: z.string(),
        total: z.number(),
        allocated: z.number(),
        /** allocated − total: 0 when they add up. */
        gap: z.number(),
        allocationCount: z.number().int(),
        /** not_allocated: no share set yet; unbalanced: shares do not add up to the total. */
        status: z.enum(['balanced', 'unbalanced', 'not_allocated']),
      }),
    ),
  })
  .meta({ id: 'AllocationCheck' });
