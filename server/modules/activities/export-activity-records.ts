// The records list with the caller's filter as an XLSX file: one sheet,
// Vietnamese headers, the common columns, then the detail fields — one column
// per field when the filter names one kind, a "Chi tiết" column otherwise.
// Audited with its filter and row count, in the same transaction as the read.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivityKind } from '../../../common/activities.js';
import {
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
  type ListActivityRecordsQuery,
} from '../../../common/api/activities.js';
import type { Locale } from '../../../common/enums.js';
import { fileNameDate, formatDate, formatNumber, todayInVietnam } from '../../../common/format.js';
import { translate } from '../../../common/i18n/index.js';
import { ACTIVITY_LIMITS } from '../../../common/activities.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { inTransaction } from '../../lib/transaction.js';
import { writeXlsxTable, type XlsxColumn, type XlsxTable } from '../../lib/xlsx-table.js';
import { activityConditions, activityOrder, readActivityRecords, type ActivityRecordModel, type ActivityFilter } from './activity-reads.js';
import { activityReadScope, requireActivityReader } from './policy.js';

export interface ActivityExport {
  buffer: Buffer;
  fileName: string;
  rowCount: number;
  truncated: boolean;
}

export type ActivityExportFilter = Omit<z.output<typeof ListActivityRecordsQuery>, 'page' | 'pageSize'>;

/** The detail fields of each kind, in the order of its schema. */
const DETAIL_FIELDS: Record<ActivityKind, readonly string[]> = {
  training: Object.keys(TrainingDetails.shape),
  inspection_plan: Object.keys(InspectionPlanDetails.shape),
  inspection: Object.keys(InspectionDetails.shape),
  legal_case: Object.keys(LegalCaseDetails.shape),
  party_introduction: Object.keys(PartyIntroductionDetails.shape),
  party_source: Object.keys(PartySourceDetails.shape),
  campaign: Object.keys(CampaignDetails.shape),
  welfare: Object.keys(WelfareDetails.shape),
  classification: Object.keys(ClassificationDetails.shape),
  emulation_work: Object.keys(EmulationWorkDetails.shape),
  award: Object.keys(AwardDetails.shape),
};

/** Fields whose value is a vocabulary value, and the catalogue list that labels it. */
const VALUE_LISTS: Record<string, string> = {
  topic: 'topic',
  form: 'form',
  type: 'type',
  subject: 'subject',
  followUp: 'followUp',
  caseType: 'caseType',
  participation: 'participation',
  campaign: 'campaign',
  welfareKind: 'welfareKind',
  houseWork: 'houseWork',
  grade: 'grade',
  workType: 'workType',
  awardKind: 'awardKind',
  level: 'level',
};
const DATE_FIELDS = new Set(['closedOn', 'outcomeOn', 'completedOn', 'decisionDate']);
const VERBATIM_FIELDS = new Set(['year']);

export async function exportActivityRecords(
  db: Executor,
  actor: Actor,
  filter: ActivityExportFilter,
  locale: Locale = 'vi',
  maxRows: number = ACTIVITY_LIMITS.exportMaxRows,
): Promise<ActivityExport> {
  requireActivityReader(actor);
  return inTransaction(db, async (tx) => {
    const where = await activityConditions(tx, actor, filter);
    const read = await readActivityRecords(tx, actor, where, activityOrder(filter.sort, filter.order), maxRows + 1);
    const truncated = read.length > maxRows;
    const rows = read.slice(0, maxRows);
    const codes = await unitCodes(tx, rows);
    const heading = await titleBlock(tx, actor, filter, locale, rows.length);
    const buffer = await buildWorkbook(rows, codes, filter.kind ?? null, locale, truncated ? maxRows : null, heading);
    await recordAudit(tx, actor, {
      action: 'activity_record.export',
      entityType: 'activity_record',
      entityId: null,
      unitId: filter.unitId ?? null,
      after: {
        filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
        rowCount: rows.length,
        ...(truncated ? { truncated: true } : {}),
      },
    });
    const fileName = `${translate(locale, 'activityExport.fileName')} ${fileNameDate(todayInVietnam())}.xlsx`;
    return { buffer, fileName, rowCount: rows.length, truncated };
  });
}

async function unitCodes(tx: Executor, rows: readonly ActivityRecordModel[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.unitId))];
  if (ids.length === 0) return new Map();
  const found = await queryRows<{ id: string; code: string }>(
    tx,
    sql`select id::text as id, code from org_units where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(found.map((r) => [r.id, r.code]));
}

type TitleBlock = NonNullable<XlsxTable<ActivityRecordModel>['titleBlock']>;

/** The lines above the table: the unit (filtered, else the caller's only one), the title, the day, the conditions, the count. */
async function titleBlock(tx: Executor, actor: Actor, filter: ActivityFilter, locale: Locale, count: number): Promise<TitleBlock> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `activityExport.${key}`, params);
  const units = [...new Set(actor.assignments.map((a) => a.unitId))];
  const unitId = filter.unitId ?? (units.length === 1 ? units[0] : undefined);
  // Only a unit the reader may read is named.
  const unit = unitId
    ? (
        await queryRows<{ full_name: string }>(
          tx,
          sql`select full_name from org_units o where o.id = ${unitId}::uuid and ${activityReadScope(sql`o.id`, actor)}`,
        )
      )[0]?.full_name
    : undefined;
  const element = filter.elementId
    ? (await queryRows<{ name: string }>(tx, sql`select name_vi as name from data_elements where id = ${filter.elementId}::uuid`))[0]?.name
    : undefined;
  const conditions = [
    filter.kind ? t('filterKind', { kind: t(`kind_${filter.kind}`) }) : null,
    filter.unitId && unit ? t('filterUnit', { unit }) : null,
    filter.from ? t('filterFrom', { date: formatDate(filter.from) }) : null,
    filter.to ? t('filterTo', { date: formatDate(filter.to) }) : null,
    element ? t('filterElement', { element }) : null,
    filter.q?.trim() ? t('filterSearch', { q: filter.q.trim() }) : null,
  ].filter((c): c is string => Boolean(c));
  return {
    unit,
    title: t('title'),
    lines: [
      t('asOf', { date: formatDate(todayInVietnam()) }),
      t('filterLine', { filters: conditions.length ? conditions.join('; ') : t('filterAll') }),
      t('rowCount', { count }),
    ],
  };
}

/** A detail value as a reader reads it: labels for vocabulary values, dd/mm/yyyy dates, Có/Không, names for units. */
function detailText(record: ActivityRecordModel, field: string, locale: Locale): string | number {
  const t = (key: string) => translate(locale, `activityExport.${key}`);
  const value = record.details[field];
  if (value === null || value === undefined || value === '') return '';
  if (field === 'inspectedUnitId') return record.subjectUnitName ?? String(value);
  if (field === 'amounts' && Array.isArray(value)) {
    return (value as Array<{ source: string; amountVnd: number }>)
      .map((a) => `${t(`source_${a.source}`)}: ${formatNumber(a.amountVnd, { locale })}`)
      .join('; ');
  }
  if (field === 'outcome') return t(`${record.kind === 'legal_case' ? 'legalOutcome' : 'partyOutcome'}_${String(value)}`);
  if (VALUE_LISTS[field]) return t(`${VALUE_LISTS[field]}_${String(value)}`);
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (DATE_FIELDS.has(field)) return formatDate(String(value));
  if (typeof value === 'number') return VERBATIM_FIELDS.has(field) ? String(value) : value;
  return String(value);
}

async function buildWorkbook(
  rows: ActivityRecordModel[],
  codes: Map<string, string>,
  kind: ActivityKind | null,
  locale: Locale,
  truncatedAt: number | null,
  heading: TitleBlock,
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `activityExport.${key}`, params);
  const text = '@';
  const columns: XlsxColumn<ActivityRecordModel>[] = [
    { header: t('colNo'), width: 6, value: (_, i) => i + 1 },
    { header: t('colKind'), width: 24, value: (r) => t(`kind_${r.kind}`) },
    { header: t('colOccurredOn'), width: 12, numFmt: text, value: (r) => formatDate(r.occurredOn) },
    { header: t('colUnitCode'), width: 12, value: (r) => codes.get(r.unitId) ?? '' },
    { header: t('colUnit'), width: 36, value: (r) => r.unitFullName },
    { header: t('colTitle'), width: 40, value: (r) => r.title },
    {
      header: t('colPeople'),
      width: 36,
      value: (r) => r.people.map((p) => `${p.fullName} (${t(`role_${p.role}`)})`).join('; '),
    },
    { header: t('colAmount'), width: 16, numFmt: '#,##0', value: (r) => r.amountVnd ?? '' },
  ];
  if (kind) {
    for (const field of DETAIL_FIELDS[kind]) {
      columns.push({
        header: t(`f_${field}`),
        width: field === 'findings' || field === 'recommendations' ? 40 : 18,
        value: (r) => detailText(r, field, locale),
      });
    }
  } else {
    columns.push({
      header: t('colDetails'),
      width: 60,
      value: (r) =>
        DETAIL_FIELDS[r.kind]
          .map((field) => [t(`f_${field}`), detailText(r, field, locale)] as const)
          .filter(([, v]) => v !== '')
          .map(([label, v]) => `${label}: ${typeof v === 'number' ? formatNumber(v, { locale }) : v}`)
          .join('; '),
    });
  }
  columns.push({ header: t('colNotes'), width: 30, value: (r) => r.notes ?? '' });
  return writeXlsxTable({
    sheetName: t('sheet'),
    columns,
    rows,
    titleBlock: heading,
    printA4Landscape: true,
    notes: [truncatedAt !== null ? t('truncated', { max: formatNumber(truncatedAt, { locale }) }) : null],
  });
}
