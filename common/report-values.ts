// The rules a report's value must meet, by its data element (docs/reporting.md
// "The form"): one definition for the web form (checked as typed) and the
// server (checked on save and submission).
import type { ValueType } from './indicators.js';

/** What the rules need to know of a field: the element's settings and the unit's bound in the fact month. */
export interface ReportFieldRule {
  valueType: ValueType;
  wholeNumber: boolean;
  allowsNotApplicable: boolean;
  gradeOptions: readonly string[] | null;
  /** The unit's value of the bounding element (e.g. members) in the fact month, or null when unbounded or unknown. */
  upperBound: number | null;
  upperBoundLabel?: string | null;
}

export interface ReportValueLike {
  number?: number | null | undefined;
  bool?: boolean | null | undefined;
  text?: string | null | undefined;
  notApplicable?: boolean | undefined;
  notApplicableReason?: string | null | undefined;
}

/** A refused value: a message key of the `reports` namespace with its params. */
export interface ReportValueProblem {
  key: `reports.${string}`;
  params?: Record<string, string | number>;
}

/** True when something was typed (a value, or "không áp dụng"). */
export function isAnswered(v: ReportValueLike | null | undefined): boolean {
  if (!v) return false;
  return Boolean(v.notApplicable) || v.number != null || v.bool != null || (v.text != null && v.text.trim() !== '');
}

/** Checks one value against its field's rules; null when it may be saved and submitted. An unanswered value passes (required-ness is checked on submission by `missingValue`). */
export function checkReportValue(rule: ReportFieldRule, v: ReportValueLike | null | undefined): ReportValueProblem | null {
  if (!v || !isAnswered(v)) return null;
  if (v.notApplicable) {
    if (!rule.allowsNotApplicable) return { key: 'reports.valueNotApplicableRefused' };
    if (!v.notApplicableReason || v.notApplicableReason.trim() === '') return { key: 'reports.valueNotApplicableReason' };
    if (v.number != null || v.bool != null || (v.text != null && v.text.trim() !== ''))
      return { key: 'reports.valueNotApplicableWithValue' };
    return null;
  }
  switch (rule.valueType) {
    case 'number': {
      if (v.number == null || v.bool != null) return { key: 'reports.valueNumber' };
      if (!Number.isFinite(v.number)) return { key: 'reports.valueNumber' };
      if (v.number < 0) return { key: 'reports.valueNegative' };
      if (rule.wholeNumber && !Number.isInteger(v.number)) return { key: 'reports.valueWholeNumber' };
      if (rule.upperBound != null && v.number > rule.upperBound)
        return { key: 'reports.valueAboveBound', params: { max: rule.upperBound, bound: rule.upperBoundLabel ?? '' } };
      return null;
    }
    case 'boolean':
      return v.bool == null || v.number != null ? { key: 'reports.valueYesNo' } : null;
    case 'grade':
      return v.text == null || !(rule.gradeOptions ?? []).includes(v.text) ? { key: 'reports.valueGrade' } : null;
    case 'text':
      return v.text == null || v.text.trim() === '' ? { key: 'reports.valueText' } : null;
  }
}

/** On submission every editable field must be answered (a value or "không áp dụng"). */
export function missingValue(v: ReportValueLike | null | undefined): ReportValueProblem | null {
  return isAnswered(v) ? null : { key: 'reports.valueRequired' };
}
