// Wire schemas of activity records (/api/activities; docs/activities.md). The
// server validates and documents with them, the web forms take their types
// from them: one definition of every record's fields and rules.
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  ACTIVITY_LIMITS,
  AWARD_KINDS,
  AWARD_LEVELS,
  CAMPAIGNS,
  CLASSIFICATION_GRADES,
  EMULATION_WORK_TYPES,
  FOLLOW_UP_STATES,
  FUND_SOURCES,
  HOUSE_WORKS,
  INSPECTION_SUBJECTS,
  INSPECTION_TYPES,
  LEGAL_CASE_TYPES,
  LEGAL_OUTCOMES,
  LEGAL_PARTICIPATION,
  PARTY_OUTCOMES,
  RECORD_PERSON_ROLES,
  TRAINING_FORMS,
  TRAINING_TOPICS,
  WELFARE_KINDS,
} from '../activities.js';
import { vndAmount } from '../fields.js';
import { ReportAttachmentView } from './reports.js';
import { isoDate, optionalCleanText, pageOf, pageQuery, trimmed } from '../schemas.js';

const count = z.number().int({ message: 'validation.wholeNumber' }).min(0).max(ACTIVITY_LIMITS.reachedMax);
const longText = optionalCleanText(ACTIVITY_LIMITS.textMax);
const year = z.number().int().min(2000).max(2100);

// ---- Details per kind (activity_records.details) ----

export const TrainingDetails = z.strictObject({
  topic: z.enum(TRAINING_TOPICS),
  form: z.enum(TRAINING_FORMS),
  /** Đoàn viên được tuyên truyền, tập huấn. */
  membersReached: count,
  /** Người lao động chưa là đoàn viên. */
  workersReached: count,
});

export const InspectionPlanDetails = z.strictObject({
  year,
  /** Số cuộc kiểm tra theo kế hoạch. */
  plannedCount: z.number().int().min(0).max(100),
});

export const InspectionDetails = z.strictObject({
  /** The unit inspected: the record's unit itself (cùng cấp) or one in its subtree on the date. */
  inspectedUnitId: z.uuid(),
  type: z.enum(INSPECTION_TYPES),
  subject: z.enum(INSPECTION_SUBJECTS),
  findings: longText,
  recommendations: longText,
  followUp: z.enum(FOLLOW_UP_STATES),
});

export const LegalCaseDetails = z.strictObject({
  caseType: z.enum(LEGAL_CASE_TYPES),
  /** Khởi kiện tại tòa án. */
  atCourt: z.boolean(),
  /** Đoàn viên có yêu cầu công đoàn hỗ trợ. */
  memberRequested: z.boolean(),
  participation: z.enum(LEGAL_PARTICIPATION),
  outcome: z.enum(LEGAL_OUTCOMES),
  closedOn: isoDate.nullable().optional(),
});

export const PartyIntroductionDetails = z.strictObject({
  outcome: z.enum(PARTY_OUTCOMES),
  outcomeOn: isoDate.nullable().optional(),
});

export const PartySourceDetails = z.strictObject({
  year,
  /** Còn nguồn: the unit still has members to introduce. */
  hasCandidates: z.boolean(),
});

export const CampaignDetails = z.strictObject({
  campaign: z.enum(CAMPAIGNS),
  /** Số người tham gia. */
  participants: count,
});

export const FundAmount = z.strictObject({ source: z.enum(FUND_SOURCES), amountVnd: vndAmount });

export const WelfareDetails = z.strictObject({
  welfareKind: z.enum(WELFARE_KINDS),
  /** Mái ấm only: xây mới or sửa chữa. */
  houseWork: z.enum(HOUSE_WORKS).nullable().optional(),
  amounts: z.array(FundAmount).min(1).max(ACTIVITY_LIMITS.amountsMax),
});

export const ClassificationDetails = z.strictObject({
  year,
  grade: z.enum(CLASSIFICATION_GRADES),
  score: z.number().min(0).max(100).nullable().optional(),
  reasons: longText,
});

export const EmulationWorkDetails = z.strictObject({
  workType: z.enum(EMULATION_WORK_TYPES),
  valueVnd: vndAmount.nullable().optional(),
  completedOn: isoDate.nullable().optional(),
});

export const AwardDetails = z.strictObject({
  awardKind: z.enum(AWARD_KINDS),
  level: z.enum(AWARD_LEVELS),
  decisionNumber: trimmed(64),
  decisionDate: isoDate,
});

// ---- Records ----

export const RecordPersonInput = z.strictObject({ memberId: z.uuid(), role: z.enum(RECORD_PERSON_ROLES) });

/** Fields every record has; `occurredOn` is the date the write scope and the month count on. */
const recordBase = {
  /** The unit the record belongs to and counts in (for an inspection: the inspecting unit). */
  unitId: z.uuid(),
  occurredOn: isoDate,
  title: trimmed(ACTIVITY_LIMITS.titleMax),
  notes: longText,
  people: z.array(RecordPersonInput).max(ACTIVITY_LIMITS.peopleMax).default([]),
};

export const ActivityRecordInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('training'), ...recordBase, details: TrainingDetails }),
  z.strictObject({ kind: z.literal('inspection_plan'), ...recordBase, details: InspectionPlanDetails }),
  z.strictObject({ kind: z.literal('inspection'), ...recordBase, details: InspectionDetails }),
  z.strictObject({ kind: z.literal('legal_case'), ...recordBase, details: LegalCaseDetails }),
  z.strictObject({ kind: z.literal('party_introduction'), ...recordBase, details: PartyIntroductionDetails }),
  z.strictObject({ kind: z.literal('party_source'), ...recordBase, details: PartySourceDetails }),
  z.strictObject({ kind: z.literal('campaign'), ...recordBase, details: CampaignDetails }),
  z.strictObject({ kind: z.literal('welfare'), ...recordBase, details: WelfareDetails }),
  z.strictObject({ kind: z.literal('classification'), ...recordBase, details: ClassificationDetails }),
  z.strictObject({ kind: z.literal('emulation_work'), ...recordBase, details: EmulationWorkDetails }),
  z.strictObject({ kind: z.literal('award'), ...recordBase, details: AwardDetails }),
]);
export type ActivityRecordInput = z.output<typeof ActivityRecordInput>;

/** POST /api/activities */
export const CreateActivityRecordBody = ActivityRecordInput;

/** PUT /api/activities/:id — the whole record again, with the version it was read at. */
export const UpdateActivityRecordBody = z.object({
  record: ActivityRecordInput,
  expectedVersion: z.number().int().min(1),
  /** Required once a report covering the record's month was submitted (ACTIVITY_REASON_REQUIRED). */
  reason: optionalCleanText(500),
});

/** DELETE /api/activities/:id (body). */
export const DeleteActivityRecordBody = z.object({
  expectedVersion: z.number().int().min(1),
  reason: optionalCleanText(500),
});

export const RecordPersonView = z.object({
  memberId: z.uuid(),
  role: z.enum(RECORD_PERSON_ROLES),
  fullName: z.string(),
  /** The member's union position (chức vụ) when the record was written. */
  unionPosition: z.string(),
});

export const ActivityRecordView = z
  .object({
    id: z.uuid(),
    kind: z.enum(ACTIVITY_KINDS),
    unitId: z.uuid(),
    unitName: z.string(),
    occurredOn: z.string(),
    title: z.string(),
    notes: z.string().nullable(),
    /** The kind's details, as validated by its schema above. */
    details: z.record(z.string(), z.unknown()),
    people: z.array(RecordPersonView),
    /** Welfare: Σ amounts; emulation work: its value; otherwise null. */
    amountVnd: z.number().nullable(),
    /** An inspection: the short name of the unit inspected. */
    subjectUnitName: z.string().nullable(),
    /** An inspection plan: the inspections (kiểm tra, not giám sát) its unit made in the plan's year — plan vs done. */
    inspectionsDone: z.number().int().nullable(),
    attachmentCount: z.number().int(),
    rowVersion: z.number().int(),
    updatedAt: z.string(),
    /** What the reader may do with it. */
    allowedActions: z.array(z.enum(['edit', 'delete'])),
    /** True when a report covering its month was submitted: edits and deletions need a reason. */
    reasonRequired: z.boolean(),
  })
  .meta({ id: 'ActivityRecord' });

export const ACTIVITY_SORTS = ['occurredOn', 'unit', 'title'] as const;

/** GET /api/activities */
export const ListActivityRecordsQuery = pageQuery.extend({
  kind: z.enum(ACTIVITY_KINDS).optional(),
  /** Records of this unit and its subtree (default: the reader's scope). */
  unitId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Diacritics-free search in the title, notes and people's names. */
  q: z.string().trim().max(100).optional(),
  /** Only the records behind one derived data element (the report form's "list behind the number"). */
  elementId: z.uuid().optional(),
  sort: z.enum(ACTIVITY_SORTS).default('occurredOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const ActivityRecordPage = pageOf(ActivityRecordView).meta({ id: 'ActivityRecordPage' });

/** GET /api/activities/totals: welfare totals by source (and counts) per unit over a period. */
export const ActivityTotalsQuery = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  unitId: z.uuid().optional(),
  from: isoDate,
  to: isoDate,
});
export const ActivityTotalsView = z.object({
  rows: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      records: z.number().int(),
      amountVnd: z.number(),
      bySource: z.record(z.string(), z.number()),
    }),
  ),
});

/** A file attached to a record (minutes, decisions, photos): the same shape and storage as a report's (docs/reporting.md "Attachments"). */
export const ActivityAttachmentView = ReportAttachmentView;
export const ActivityAttachmentList = z.array(ActivityAttachmentView);
export const ActivityAttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
