// The report form built from the program (docs/reporting.md "The form"): the
// data elements the targets of the program version in force read, grouped by
// the targets' task group, editable when reported in this kind of report,
// read-only when derived from records; each field's rules (upper bound in the
// fact month) and the unit's values. Shared by the form (get-report), the
// draft save and the submission, so one definition checks what the form shows.
import { eq, sql } from 'drizzle-orm';
import type { ValueType } from '../../../common/indicators.js';
import { reports as reportWords } from '../../../common/i18n/vi/reports.js';
import { checkReportValue, missingValue, type ReportFieldRule, type ReportValueLike } from '../../../common/report-values.js';
import type { DerivedFactSource } from '../../../common/members.js';
import type { ReportKind } from '../../../common/reports.js';
import { isRecordDerivedSource } from '../indicators/definition-rules.js';
import type { Executor } from '../../db/client.js';
import { reportPeriods, reports, reportValues } from '../../db/schema/index.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { AppError, notFound, type FieldError } from '../../lib/errors.js';
import { listExpectedReports, type ExpectedReport } from './expected-reports.js';
import { programChain, versionForPeriod, type ProgramChain } from './report-periods.js';

export type ReportRow = typeof reports.$inferSelect;
export type ReportPeriodRow = typeof reportPeriods.$inferSelect;

export interface FormValue {
  number: number | null;
  bool: boolean | null;
  text: string | null;
  notApplicable: boolean;
  notApplicableReason: string | null;
}

export interface FormField {
  dataElementId: string;
  code: string;
  label: string;
  help: string | null;
  valueType: ValueType;
  wholeNumber: boolean;
  allowsNotApplicable: boolean;
  gradeOptions: string[] | null;
  derived: boolean;
  /** The source of a derived field (DERIVED_FACT_SOURCES): the registry's or activity records'; null when reported. */
  derivedFrom: DerivedFactSource | null;
  /**
   * A field derived from activity records: the months its value covers (first
   * day of the period's first month to the last day of its fact month), for
   * the link to the records behind it; null otherwise.
   */
  records: { from: string; to: string } | null;
  /** Asked in this report (reported, and of this kind of report); otherwise shown read-only. */
  editable: boolean;
  upperBoundElementId: string | null;
  upperBound: number | null;
  upperBoundLabel: string | null;
  /**
   * A bound derived from the registry plus a reported addend (members and
   * workers = members at month end + workers who are not members): the
   * registry's part and the addend's element, so a form recomputes the bound
   * from the addend as typed beside it.
   */
  upperBoundAddend: { dataElementId: string; base: number } | null;
  value: FormValue | null;
}

export interface FormSection {
  taskGroupNumber: number | null;
  title: string;
  fields: FormField[];
}

/** Which elements a kind of report asks (monthly figures are not asked again at half-year or year end). */
export function askedIn(kind: ReportKind): ReportKind[] {
  return kind === 'monthly' ? ['monthly'] : kind === 'half_year' ? ['half_year'] : ['half_year', 'year'];
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** The period (404 when unknown). */
export async function loadPeriod(ex: Executor, periodId: string): Promise<ReportPeriodRow> {
  const [period] = await ex.select().from(reportPeriods).where(eq(reportPeriods.id, periodId));
  if (!period) throw notFound();
  return period;
}

/** The period locked for a change of the period itself (close, reopen; 404 when unknown). */
export async function lockPeriod(ex: Executor, periodId: string): Promise<ReportPeriodRow> {
  const [period] = await ex.select().from(reportPeriods).where(eq(reportPeriods.id, periodId)).for('update');
  if (!period) throw notFound();
  return period;
}

/** The expected report of (period, unit), or null when the unit does not owe the period. */
export async function expectedReportOf(ex: Executor, periodId: string, unitId: string): Promise<ExpectedReport | null> {
  const [row] = await listExpectedReports(ex, { periodIds: [periodId], unitIds: [unitId] });
  return row ?? null;
}

/**
 * The sections of the form of a unit for a period: fields with their rules
 * and values (the report's own values for reported fields; facts of the fact
 * month for derived ones and for bounds). `typed` overrides the stored values
 * (a draft being saved or a submission being checked).
 */
export async function buildForm(
  ex: Executor,
  input: { chain: ProgramChain; period: ReportPeriodRow; unitId: string; reportId: string | null; typed?: Map<string, FormValue> },
): Promise<FormSection[]> {
  const { chain, period, unitId } = input;
  const versionId = versionForPeriod(chain, toDateOnly(period.dueOn)!);
  const factMonth = toDateOnly(period.factMonth)!;
  const elements = await queryRows<{
    id: string;
    code: string;
    name_vi: string;
    help_vi: string | null;
    value_type: ValueType;
    whole_number: boolean;
    allows_not_applicable: boolean;
    grade_options: string[] | null;
    derived_from: DerivedFactSource | null;
    aggregation: 'sum' | 'last' | 'any';
    reported_in: ReportKind;
    upper_bound_element_id: string | null;
    bound_name: string | null;
    bound_derived_from: string | null;
    bound_addend_id: string | null;
    task_group_number: number | null;
    first_order: number;
  }>(
    ex,
    sql`with used as (
          select x.element_id, tg.task_group_number, tg.sort_order
          from targets tg
          join indicators i on i.id = tg.indicator_id
          cross join lateral (values (i.numerator_element_id), (i.denominator_element_id), (i.condition_element_id), (i.eligibility_element_id)) as x(element_id)
          where tg.program_id = ${versionId}::uuid and x.element_id is not null
          union all
          -- The reported addend of a derived element the targets read (members and workers = registry + non-member workers reported).
          select de.derived_addend_element_id, tg.task_group_number, tg.sort_order
          from targets tg
          join indicators i on i.id = tg.indicator_id
          cross join lateral (values (i.numerator_element_id), (i.denominator_element_id), (i.condition_element_id), (i.eligibility_element_id)) as x(element_id)
          join data_elements de on de.id = x.element_id and de.derived_addend_element_id is not null
          where tg.program_id = ${versionId}::uuid),
        firsts as (
          select distinct on (element_id) element_id, task_group_number, sort_order from used
          order by element_id, sort_order, task_group_number nulls last)
        select de.id, de.code, de.name_vi, de.help_vi, de.value_type, de.whole_number, de.allows_not_applicable, de.grade_options,
          de.derived_from, de.aggregation, de.reported_in, de.upper_bound_element_id, b.name_vi as bound_name,
          b.derived_from as bound_derived_from, b.derived_addend_element_id as bound_addend_id,
          f.task_group_number, f.sort_order as first_order
        from firsts f
        join data_elements de on de.id = f.element_id
        left join data_elements b on b.id = de.upper_bound_element_id
        where de.archived_at is null
        order by f.task_group_number nulls last, f.sort_order, de.code`,
  );
  const kinds = askedIn(period.kind as ReportKind);
  // Only what this report asks, plus derived figures shown beside.
  const shown = elements.filter((e) => e.derived_from != null || kinds.includes(e.reported_in));
  const boundIds = shown.flatMap((e) => (e.upper_bound_element_id ? [e.upper_bound_element_id] : []));
  // A bound derived from the registry with a reported addend is recomputed from
  // its parts (members at the fact month's end + the addend as typed here, else
  // its latest fact): its stored facts may predate the addend typed in this form.
  const addendIds = [...new Set(shown.flatMap((e) => (e.upper_bound_element_id && e.bound_addend_id ? [e.bound_addend_id] : [])))];
  const registryBase = shown.some((e) => e.upper_bound_element_id && e.bound_addend_id && e.bound_derived_from === 'active_members')
    ? await activeMembersAt(ex, unitId, factMonth)
    : 0;
  const factIds = [
    ...new Set([
      ...shown.filter((e) => e.derived_from != null && !isRecordDerivedSource(e.derived_from)).map((e) => e.id),
      ...boundIds,
      ...addendIds,
    ]),
  ];
  // The unit's facts of the fact month (derived figures and bounds); a bound
  // with no fact that month takes the latest one before it.
  const factRows = factIds.length
    ? await queryRows<{
        data_element_id: string;
        value_number: unknown;
        value_bool: boolean | null;
        value_text: string | null;
        not_applicable: boolean;
      }>(
        ex,
        sql`select distinct on (data_element_id) data_element_id, value_number, value_bool, value_text, not_applicable
            from facts where unit_id = ${unitId}::uuid and month <= ${factMonth}::date
              and data_element_id in (${sql.join(
                factIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})
            order by data_element_id, month desc`,
      )
    : [];
  const factOf = new Map(
    factRows.map((f) => [
      f.data_element_id,
      { number: num(f.value_number), bool: f.value_bool, text: f.value_text, notApplicable: f.not_applicable, notApplicableReason: null },
    ]),
  );
  // Figures from activity records: the element's value over the period's
  // months (a half-year report shows the half year's trainings, not June's).
  const recordsFrom = `${toDateOnly(period.dataFrom)!.slice(0, 7)}-01`;
  const recordsTo = lastDayOfMonth(factMonth);
  const recordFields = shown.filter((e) => isRecordDerivedSource(e.derived_from));
  const recordValues = recordFields.length
    ? await recordFigures(
        ex,
        unitId,
        recordFields.map((e) => ({ id: e.id, aggregation: e.aggregation })),
        recordsFrom,
        factMonth,
      )
    : new Map<string, FormValue>();
  const stored = new Map<string, FormValue>();
  if (input.reportId && !input.typed) {
    const rows = await ex.select().from(reportValues).where(eq(reportValues.reportId, input.reportId));
    for (const r of rows)
      stored.set(r.dataElementId, {
        number: num(r.valueNumber),
        bool: r.valueBool,
        text: r.valueText,
        notApplicable: r.notApplicable,
        notApplicableReason: r.notApplicableReason,
      });
  }
  const values = input.typed ?? stored;
  const titles = new Map<number, string>(
    (chain.versions.find((v) => v.id === versionId)?.taskGroups ?? []).map((g) => [g.number, g.title]),
  );
  const sections = new Map<number | null, FormSection>();
  for (const e of shown) {
    const derived = e.derived_from != null;
    const fromRecords = isRecordDerivedSource(e.derived_from);
    const editable = !derived && kinds.includes(e.reported_in);
    // A bound typed in this same report wins over the fact (members reported beside trained members).
    const addend =
      e.upper_bound_element_id && e.bound_addend_id && e.bound_derived_from === 'active_members'
        ? { id: e.bound_addend_id, base: registryBase }
        : null;
    const addendValue = addend ? (values.get(addend.id) ?? factOf.get(addend.id) ?? null) : null;
    const boundValue = addend
      ? addend.base + (addendValue && !addendValue.notApplicable ? (addendValue.number ?? 0) : 0)
      : e.upper_bound_element_id
        ? (values.get(e.upper_bound_element_id)?.number ?? factOf.get(e.upper_bound_element_id)?.number ?? null)
        : null;
    const field: FormField = {
      dataElementId: e.id,
      code: e.code,
      label: e.name_vi,
      help: e.help_vi,
      valueType: e.value_type,
      wholeNumber: e.whole_number,
      allowsNotApplicable: e.allows_not_applicable,
      gradeOptions: e.grade_options,
      derived,
      derivedFrom: e.derived_from,
      records: fromRecords ? { from: recordsFrom, to: recordsTo } : null,
      editable,
      upperBoundElementId: e.upper_bound_element_id,
      upperBound: boundValue,
      upperBoundLabel: e.bound_name,
      upperBoundAddend: addend ? { dataElementId: addend.id, base: addend.base } : null,
      value: fromRecords ? (recordValues.get(e.id) ?? null) : derived ? (factOf.get(e.id) ?? null) : (values.get(e.id) ?? null),
    };
    const key = e.task_group_number;
    if (!sections.has(key))
      sections.set(key, {
        taskGroupNumber: key,
        title: key == null ? reportWords.sectionOther : (titles.get(key) ?? `${key}`),
        fields: [],
      });
    sections.get(key)!.fields.push(field);
  }
  // Every task group of the program has its section (a narrative box, even
  // without figures: women's affairs, finance…), in the program's order; then
  // groups the program does not list, then the targets without a group.
  const ordered: FormSection[] = [];
  for (const [number, title] of titles) ordered.push(sections.get(number) ?? { taskGroupNumber: number, title, fields: [] });
  for (const [key, section] of sections) if (key != null && !titles.has(key)) ordered.push(section);
  if (sections.has(null)) ordered.push(sections.get(null)!);
  return ordered;
}

/** The last day of a month given by its first day (YYYY-MM-01). */
function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The unit's value of elements derived from activity records over the months
 * from `fromMonth` to `toMonth`, by each element's aggregation (sum: the
 * total; any: yes in any month; last: the latest month); "not applicable"
 * when every month is (an unclassified unit); null without facts.
 */
async function recordFigures(
  ex: Executor,
  unitId: string,
  elements: { id: string; aggregation: 'sum' | 'last' | 'any' }[],
  fromMonth: string,
  toMonth: string,
): Promise<Map<string, FormValue>> {
  const rows = await queryRows<{
    data_element_id: string;
    value_number: unknown;
    value_bool: boolean | null;
    value_text: string | null;
    not_applicable: boolean;
  }>(
    ex,
    sql`select data_element_id, value_number, value_bool, value_text, not_applicable
        from facts where unit_id = ${unitId}::uuid and month between ${fromMonth}::date and ${toMonth}::date
          and data_element_id in (${sql.join(
            elements.map((e) => sql`${e.id}::uuid`),
            sql`, `,
          )})
        order by data_element_id, month`,
  );
  const out = new Map<string, FormValue>();
  for (const e of elements) {
    const own = rows.filter((r) => r.data_element_id === e.id);
    if (own.length === 0) continue;
    const counted = own.filter((r) => !r.not_applicable);
    const value: FormValue = { number: null, bool: null, text: null, notApplicable: counted.length === 0, notApplicableReason: null };
    if (counted.length > 0) {
      if (e.aggregation === 'sum') value.number = counted.reduce((n, r) => n + (num(r.value_number) ?? 0), 0);
      else if (e.aggregation === 'any') value.bool = counted.some((r) => r.value_bool === true);
      else {
        const last = counted[counted.length - 1]!;
        value.number = num(last.value_number);
        value.bool = last.value_bool;
        value.text = last.value_text;
      }
    }
    out.set(e.id, value);
  }
  return out;
}

/**
 * The unit's members on the fact month's last day, counted as the derived
 * 'active_members' facts count them (server/modules/members/member-facts.ts):
 * a member period from its first month until its last day falls before the
 * month's end.
 */
async function activeMembersAt(ex: Executor, unitId: string, factMonth: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from member_unit_periods
        where unit_id = ${unitId}::uuid
          and valid_from < (${factMonth}::date + interval '1 month')::date
          and (valid_to is null or valid_to >= (${factMonth}::date + interval '1 month' - interval '1 day')::date)`,
  );
  return Number(row?.n ?? 0);
}

export const fieldRule = (f: FormField): ReportFieldRule => ({
  valueType: f.valueType,
  wholeNumber: f.wholeNumber,
  allowsNotApplicable: f.allowsNotApplicable,
  gradeOptions: f.gradeOptions,
  upperBound: f.upperBound,
  upperBoundLabel: f.upperBoundLabel,
});

/**
 * Every problem of the typed values, against its field (`values.<element id>`):
 * refused values, values for fields the form does not ask, and — on
 * submission — fields left empty.
 */
export function valueProblems(
  sections: FormSection[],
  typed: ReadonlyMap<string, ReportValueLike>,
  options: { requireAll: boolean },
): FieldError[] {
  const problems: FieldError[] = [];
  const editable = new Map(sections.flatMap((s) => s.fields.filter((f) => f.editable).map((f) => [f.dataElementId, f] as const)));
  for (const id of typed.keys()) if (!editable.has(id)) problems.push({ field: `values.${id}`, messageKey: 'reports.valueNotAsked' });
  for (const [id, field] of editable) {
    const v = typed.get(id);
    const p = checkReportValue(fieldRule(field), v) ?? (options.requireAll ? missingValue(v) : null);
    if (p) problems.push({ field: `values.${id}`, messageKey: p.key, ...(p.params ? { params: p.params } : {}) });
  }
  return problems;
}

/**
 * A value given for a derived field (from the registry or activity records):
 * 400 REPORT_VALUE_DERIVED naming the first, with every such field listed
 * (the chair corrects the records, never the figure); null when there is none.
 */
export function derivedValuesRefused(sections: FormSection[], ids: Iterable<string>): AppError | null {
  const derived = new Map(sections.flatMap((s) => s.fields.filter((f) => f.derived).map((f) => [f.dataElementId, f] as const)));
  const refused = [...ids].flatMap((id) => {
    const field = derived.get(id);
    return field ? [field] : [];
  });
  if (refused.length === 0) return null;
  return new AppError(
    'REPORT_VALUE_DERIVED',
    { label: refused[0]!.label },
    { fields: refused.map((f) => ({ field: `values.${f.dataElementId}`, messageKey: 'reports.valueDerived' })) },
  );
}

/** 400 REPORT_VALUES_INVALID listing every field problem (nothing is written). */
export function valuesInvalid(problems: FieldError[]): AppError {
  return new AppError('REPORT_VALUES_INVALID', { count: problems.length }, { fields: problems });
}

/** Typed values keyed by element; empty ones left out. */
export function typedValues(values: readonly ReportValueLike[] & { dataElementId: string }[]): Map<string, FormValue> {
  const map = new Map<string, FormValue>();
  for (const v of values) {
    const value: FormValue = {
      number: v.number ?? null,
      bool: v.bool ?? null,
      text: v.text == null || v.text.trim() === '' ? null : v.text.trim(),
      notApplicable: Boolean(v.notApplicable),
      notApplicableReason: v.notApplicableReason == null || v.notApplicableReason.trim() === '' ? null : v.notApplicableReason.trim(),
    };
    if (value.notApplicable || value.number != null || value.bool != null || value.text != null) map.set(v.dataElementId, value);
  }
  return map;
}

/** The report row locked for the write (404 when unknown). */
export async function lockReport(ex: Executor, reportId: string): Promise<ReportRow> {
  const [row] = await ex.select().from(reports).where(eq(reports.id, reportId)).for('update');
  if (!row) throw notFound();
  return row;
}

/** The program chain of a period (its program_id is the first version). */
export async function chainOf(ex: Executor, period: ReportPeriodRow): Promise<ProgramChain> {
  const chain = await programChain(ex, period.programId);
  if (!chain) throw notFound();
  return chain;
}
