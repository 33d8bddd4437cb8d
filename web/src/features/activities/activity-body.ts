// The record a drawer sends, from what its form holds: only the kind's detail
// keys (the schemas are strict), dates as ISO days, blank text as null, the
// people with the kind's role. Pure, so it is tested without a browser.
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { ActivityKind } from '../../../../common/activities';
import {
  ActivityRecordInput,
  AwardDetails,
  CampaignDetails,
  ClassificationDetails,
  EmulationWorkDetails,
  InspectionDetails,
  InspectionPlanDetails,
  LegalCaseDetails,
  PartyIntroductionDetails,
  PartySourceDetails,
  TrainingDetails,
  WelfareDetails,
} from '../../../../common/api/activities';
import type { MessageKey, MessageParams } from '../../../../common/i18n';
import { toIsoDate } from '../../lib/dates';
import { issueMessage } from '../../lib/field-rule';
import type { ActivityRecordBody } from './api';
import { peopleRule } from './labels';

/** Detail fields holding a date (a Dayjs in the form, ISO on the wire). */
export const DETAIL_DATE_FIELDS = ['closedOn', 'outcomeOn', 'completedOn', 'decisionDate'] as const;

export interface ActivityFormValues {
  kind: ActivityKind;
  unitId?: string;
  occurredOn?: Dayjs;
  title?: string;
  notes?: string;
  details: Record<string, unknown>;
  /** The member ids named; their role follows from the kind. */
  people: string[];
  reason?: string;
}
type FormValues = ActivityFormValues;

/** Each kind's details schema: the keys a body may carry (the schemas are strict). */
const DETAIL_SCHEMAS: Record<ActivityKind, z.ZodObject> = {
  training: TrainingDetails,
  inspection_plan: InspectionPlanDetails,
  inspection: InspectionDetails,
  legal_case: LegalCaseDetails,
  party_introduction: PartyIntroductionDetails,
  party_source: PartySourceDetails,
  campaign: CampaignDetails,
  welfare: WelfareDetails,
  classification: ClassificationDetails,
  emulation_work: EmulationWorkDetails,
  award: AwardDetails,
};

const isDateField = (k: string) => (DETAIL_DATE_FIELDS as readonly string[]).includes(k);
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The record's details as the form holds them (dates as Dayjs). */
export function detailsToForm(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, isDateField(k) && typeof v === 'string' ? dayjs(v) : v]));
}

/** The body sent: only the kind's keys, dates as ISO, blank text as null, people with the kind's role. */
export function toBody(v: FormValues): ActivityRecordBody {
  const schema = DETAIL_SCHEMAS[v.kind];
  const details: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    let value = v.details?.[key];
    if (isDateField(key)) value = value ? toIsoDate(value as Dayjs) : null;
    else if (typeof value === 'string') value = value.trim();
    if (blank(value)) {
      // Optional fields go as null; required ones are left out so the schema names them.
      if (schema.shape[key]!.safeParse(null).success) details[key] = null;
      continue;
    }
    details[key] = value;
  }
  if (v.kind === 'welfare') {
    if (details.welfareKind !== 'mai_am_house') details.houseWork = null;
    details.amounts = ((v.details?.amounts as Array<Record<string, unknown>> | undefined) ?? [])
      .filter((a) => a && !(blank(a.amountVnd) && blank(a.source)))
      .map((a) => ({ source: a.source, amountVnd: a.amountVnd }));
  }
  const rule = peopleRule(v.kind, v.details?.welfareKind as string | undefined);
  return {
    kind: v.kind,
    unitId: v.unitId ?? '',
    occurredOn: toIsoDate(v.occurredOn) ?? '',
    title: v.title?.trim() ?? '',
    notes: v.notes?.trim() || null,
    details,
    people: rule ? (v.people ?? []).map((memberId) => ({ memberId, role: rule.role })) : [],
  } as ActivityRecordBody;
}

/** A server field name as the form knows it: an update's body nests the record; people are one field. */
export function formField(field: string): string {
  const f = field.startsWith('record.') ? field.slice('record.'.length) : field;
  return f.startsWith('people') ? 'people' : f;
}

/**
 * The body checked with the API's own schema (ActivityRecordInput): each
 * refusal as the catalogue's message under its form field (people are one
 * field), and those that belong to no field for a banner.
 */
export function checkBody(
  body: ActivityRecordBody,
  t: (key: MessageKey, params?: MessageParams) => string,
): { fields: Array<{ name: Array<string | number>; errors: string[] }>; general: string[] } {
  const parsed = ActivityRecordInput.safeParse(body);
  if (parsed.success) return { fields: [], general: [] };
  const fields = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const general: string[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const name = path[0] === 'people' ? ['people'] : path;
    if (!name.length || name[0] === 'kind') {
      general.push(issueMessage(issue, t));
      continue;
    }
    const key = name.join('.');
    if (!fields.has(key)) fields.set(key, { name, errors: [issueMessage(issue, t)] });
  }
  return { fields: [...fields.values()], general };
}
