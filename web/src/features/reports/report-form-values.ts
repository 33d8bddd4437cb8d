// The form's content and its checks, apart from the page: what the server sent
// as DraftContent, the rule of each field (common/report-values.ts, the same
// the server applies), typed numbers, and the server's field paths.
import { checkReportValue, type ReportFieldRule, type ReportValueLike, type ReportValueProblem } from '../../../../common/report-values';
import type { DraftContent } from './offline-queue';
import type { ReportField, ReportView } from './report-form-api';

/** The fields the chair types (derived ones are read-only). */
export const editableFields = (view: ReportView): ReportField[] => view.sections.flatMap((s) => s.fields.filter((f) => !f.derived));

export function serverContent(view: ReportView): DraftContent {
  const values: Record<string, ReportValueLike> = {};
  for (const f of editableFields(view)) if (f.value) values[f.dataElementId] = { ...f.value };
  return { values, narratives: { ...view.narratives }, difficulties: view.difficulties };
}

/**
 * The field's bound as the server will check it: a bound typed in this form
 * (members reported beside trained members), or the registry's part plus the
 * addend typed here (members and workers); else the server's figure.
 */
export function boundOf(f: ReportField, values: Record<string, ReportValueLike>): number | null {
  const typed = (id: string) => {
    const n = values[id]?.number;
    return n != null && Number.isFinite(n) ? n : null;
  };
  if (f.upperBoundAddend) {
    const addend = values[f.upperBoundAddend.dataElementId];
    if (addend?.notApplicable) return f.upperBoundAddend.base;
    const n = typed(f.upperBoundAddend.dataElementId);
    if (n != null) return f.upperBoundAddend.base + n;
    return f.upperBound;
  }
  if (f.upperBoundElementId) return typed(f.upperBoundElementId) ?? f.upperBound;
  return f.upperBound;
}

export const ruleOf = (f: ReportField, values: Record<string, ReportValueLike> = {}): ReportFieldRule => ({
  valueType: f.valueType,
  wholeNumber: f.wholeNumber,
  allowsNotApplicable: f.allowsNotApplicable,
  gradeOptions: f.gradeOptions,
  upperBound: boundOf(f, values),
  upperBoundLabel: f.upperBoundLabel,
});

/** The problems of what is typed, by data element id (checked as typed). */
export function problemsOf(view: ReportView, values: Record<string, ReportValueLike>): Record<string, ReportValueProblem> {
  const out: Record<string, ReportValueProblem> = {};
  for (const f of editableFields(view)) {
    const p = checkReportValue(ruleOf(f, values), values[f.dataElementId]);
    if (p) out[f.dataElementId] = p;
  }
  return out;
}

/**
 * A number as typed on a phone: spaces dropped, a decimal comma read as a point
 * ("1,5" → 1.5); empty → null; anything else → NaN (refused by the value rule).
 * Whole-number fields also take "1.234" as a thousands separator.
 */
export function typedNumber(text: string, wholeNumber: boolean): number | null {
  const s = text.replace(/\s/g, '');
  if (s === '') return null;
  if (wholeNumber && /^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  const normal = s.replace(',', '.');
  return /^-?\d*\.?\d+$|^-?\d+\.?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** The form's key for a server field path: 'values.<id>' → '<id>', 'narratives.<n>' → 'narrative:<n>'. */
export function formKeyOf(path: string): string {
  const value = /^values\.([^.]+)/.exec(path);
  if (value) return value[1]!;
  const narrative = /^narratives\.(\d+)/.exec(path);
  if (narrative) return `narrative:${narrative[1]}`;
  return path;
}

/**
 * How a derived field is marked: from the member registry, or from activity
 * records with the link to the records behind its value (the months it
 * covers, docs/activities.md "Reports pre-filled"); null for a reported field.
 */
export function derivedMarkOf(field: ReportField, unitId: string): { kind: 'registry' } | { kind: 'records'; href: string } | null {
  if (!field.derived) return null;
  if (!field.records) return { kind: 'registry' };
  const query = new URLSearchParams({ unitId, elementId: field.dataElementId, from: field.records.from, to: field.records.to });
  return { kind: 'records', href: `/activities?${query.toString()}` };
}
