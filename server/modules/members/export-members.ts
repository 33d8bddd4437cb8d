import { fileNameDate, formatDate, formatNumber, todayInVietnam } from '../../../common/format.js';
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { translate } from '../../../common/i18n/index.js';
import { MEMBER_LIMITS, maskBirthDate, maskCitizenId, maskPhone } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { queryRows } from '../../db/sql.js';
import { inUnitScope, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { writeXlsxTable, type XlsxColumn, type XlsxTable } from '../../lib/xlsx-table.js';
import { memberListColumns, toListRow, type MemberListRow } from './list-members.js';
import { memberConditions, memberOrder, memberSource } from './member-filters.js';
import { MANAGE_MEMBER_ROLES, memberReadScope, requireMemberReader } from './policy.js';
import type { MemberFilter } from './schemas.js';

export interface MemberExport {
  buffer: Buffer;
  fileName: string;
  rowCount: number;
  truncated: boolean;
}

type ExportRow = MemberListRow & { full: boolean };
type MemberTitleBlock = NonNullable<XlsxTable<ExportRow>['titleBlock']>;

/**
 * The member list with the caller's filter as an XLSX file (at most
 * maxRows rows). Personal data is in full only for members of units the
 * caller manages, masked otherwise. The export is audited with its filter
 * and row count, in the same transaction as the read.
 */
export async function exportMembers(
  db: Executor,
  actor: Actor,
  filter: MemberFilter,
  locale: Locale = 'vi',
  maxRows: number = MEMBER_LIMITS.exportMaxRows,
): Promise<MemberExport> {
  requireMemberReader(actor);
  return inTransaction(db, async (tx) => {
    const raw = await queryRows<Parameters<typeof toListRow>[0] & { full: boolean }>(
      tx,
      sql`select ${memberListColumns}, ${inUnitScope(sql`m.unit_id`, actor, MANAGE_MEMBER_ROLES)} as "full"
        from ${memberSource(actor, filter)} join org_units u on u.id = m.unit_id
        where ${memberConditions(actor, filter)}
        order by ${memberOrder(filter.sort, filter.order)}
        limit ${maxRows + 1}`,
    );
    const truncated = raw.length > maxRows;
    const rows: ExportRow[] = raw.slice(0, maxRows).map((r) => ({ ...toListRow(r), full: Boolean(r.full) }));
    const heading = await titleBlock(tx, actor, filter, locale, rows.length);
    const buffer = await buildWorkbook(rows, locale, truncated ? maxRows : null, heading);
    await recordAudit(tx, actor, {
      action: 'member.export',
      entityType: 'member',
      entityId: null,
      unitId: filter.unitId ?? null,
      after: { filter: definedOnly(filter), rowCount: rows.length, ...(truncated ? { truncated: true } : {}) },
    });
    const fileName = `${translate(locale, 'memberExport.fileName')} ${fileNameDate(todayInVietnam())}.xlsx`;
    return { buffer, fileName, rowCount: rows.length, truncated };
  });
}

/**
 * The lines above the table, so the file prints as a list an office files: the unit
 * (the filtered one, else the caller's only unit) in capitals, the title, the day it
 * was drawn up, the conditions it was drawn with, and the count.
 */
async function titleBlock(tx: Executor, actor: Actor, filter: MemberFilter, locale: Locale, count: number): Promise<MemberTitleBlock> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `memberExport.${key}`, params);
  // Only a unit the reader may read is named: a unit id out of scope gives no name.
  const units = [...new Set(actor.assignments.map((a) => a.unitId))];
  const unitId = filter.unitId ?? (units.length === 1 ? units[0] : undefined);
  const unit = unitId
    ? (
        await queryRows<{ full_name: string }>(
          tx,
          sql`select full_name from org_units o where o.id = ${unitId}::uuid and ${memberReadScope(sql`o.id`, actor)}`,
        )
      )[0]?.full_name
    : undefined;
  const conditions = [
    filter.unitId && unit ? t(filter.includeSubtree === false ? 'filterUnitOnly' : 'filterUnit', { unit }) : null,
    filter.status ? t('filterStatus', { status: translate(locale, `members.status_${filter.status}`) }) : t('filterStatusAll'),
    filter.gender ? t('filterGender', { gender: translate(locale, `members.gender_${filter.gender}`) }) : null,
    filter.ageBand ? t('filterAge', { age: translate(locale, `members.ageBand_${filter.ageBand}`) }) : null,
    filter.position ? t('filterPosition', { position: translate(locale, `members.position_${filter.position}`) }) : null,
    filter.admissionYear ? t('filterYear', { year: filter.admissionYear }) : null,
    filter.q?.trim() ? t('filterSearch', { q: filter.q.trim() }) : null,
  ].filter((c): c is string => Boolean(c));
  return {
    unit,
    title: t('title'),
    lines: [
      t('asOf', { date: formatDate(todayInVietnam()) }),
      t('filterLine', { filters: conditions.join('; ') }),
      t('rowCount', { count }),
    ],
  };
}

function definedOnly(filter: MemberFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([k, v]) => v !== undefined && !(k === 'includeSubtree' && !filter.unitId)));
}

async function buildWorkbook(rows: ExportRow[], locale: Locale, truncatedAt: number | null, heading: MemberTitleBlock): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `memberExport.${key}`, params);
  const text = '@';
  const columns: XlsxColumn<ExportRow>[] = [
    { header: t('colNo'), width: 6, value: (_, i) => i + 1 },
    { header: t('colFullName'), width: 28, value: (r) => r.fullName },
    { header: t('colGender'), width: 10, value: (r) => translate(locale, `members.gender_${r.gender}`) },
    {
      header: t('colBirthDate'),
      width: 13,
      numFmt: text,
      value: (r) => (r.full ? formatDate(r.birthDate) : `**/**/${maskBirthDate(r.birthDate)!.slice(0, 4)}`),
    },
    { header: t('colCitizenId'), width: 16, numFmt: text, value: (r) => (r.full ? r.citizenId : maskCitizenId(r.citizenId)) ?? '' },
    { header: t('colPhone'), width: 14, numFmt: text, value: (r) => (r.full ? r.phone : maskPhone(r.phone)) ?? '' },
    { header: t('colPosition'), width: 24, value: (r) => translate(locale, `members.position_${r.unionPosition}`) },
    { header: t('colPartyMember'), width: 11, value: (r) => (r.partyMember ? t('yes') : '') },
    { header: t('colCardNumber'), width: 16, numFmt: text, value: (r) => r.cardNumber ?? '' },
    { header: t('colAdmittedOn'), width: 13, numFmt: text, value: (r) => formatDate(r.admittedOn) },
    { header: t('colStatus'), width: 18, value: (r) => translate(locale, `members.status_${r.status}`) },
    { header: t('colUnitCode'), width: 12, value: (r) => r.unitCode },
    { header: t('colUnit'), width: 40, value: (r) => r.unitFullName },
  ];
  return writeXlsxTable({
    sheetName: t('sheet'),
    columns,
    rows,
    titleBlock: heading,
    printA4Landscape: true,
    notes: [
      rows.some((r) => !r.full) ? t('masked') : null,
      truncatedAt !== null ? t('truncated', { max: formatNumber(truncatedAt, { locale }) }) : null,
    ],
  });
}
