import ExcelJS from 'exceljs';
import { fileNameDate, formatDate, formatNumber, todayInVietnam } from '../../../common/format.js';
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { translate } from '../../../common/i18n/index.js';
import { MEMBER_LIMITS, maskBirthDate, maskCitizenId, maskPhone } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { queryRows } from '../../db/sql.js';
import { canReachUnit, inUnitScope, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { memberListColumns, toListRow, type MemberListRow } from './list-members.js';
import { memberConditions, memberOrder, memberSource } from './member-filters.js';
import { MANAGE_MEMBER_ROLES, requireMemberReader } from './policy.js';
import type { MemberFilter } from './schemas.js';

export interface MemberExport {
  buffer: Buffer;
  fileName: string;
  rowCount: number;
  truncated: boolean;
}

type ExportRow = MemberListRow & { full: boolean };

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
async function titleBlock(tx: Executor, actor: Actor, filter: MemberFilter, locale: Locale, count: number): Promise<string[]> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `memberExport.${key}`, params);
  const units = [...new Set(actor.assignments.map((a) => a.unitId))];
  const unitId = filter.unitId ?? (units.length === 1 ? units[0] : undefined);
  // Named only when the caller may read the unit: a unit id from outside the scope is not revealed (docs/scopes.md).
  const unit =
    unitId && (await canReachUnit(tx, actor, unitId))
      ? (await queryRows<{ full_name: string }>(tx, sql`select full_name from org_units where id = ${unitId}::uuid`))[0]?.full_name
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
  return [
    unit ? unit.toLocaleUpperCase(locale === 'vi' ? 'vi-VN' : 'en') : '',
    t('title'),
    t('asOf', { date: formatDate(todayInVietnam()) }),
    t('filterLine', { filters: conditions.join('; ') }),
    t('rowCount', { count }),
  ];
}

function definedOnly(filter: MemberFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([k, v]) => v !== undefined && !(k === 'includeSubtree' && !filter.unitId)));
}

async function buildWorkbook(rows: ExportRow[], locale: Locale, truncatedAt: number | null, heading: string[]): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `memberExport.${key}`, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Công đoàn số';
  // The title block, a blank line, then the table's header row.
  const headerRow = heading.length + 2;
  const sheet = workbook.addWorksheet(t('sheet'), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  const textCol = { numFmt: '@' };
  sheet.columns = [
    { header: t('colNo'), key: 'no', width: 6 },
    { header: t('colFullName'), key: 'fullName', width: 28 },
    { header: t('colGender'), key: 'gender', width: 10 },
    { header: t('colBirthDate'), key: 'birthDate', width: 13, style: textCol },
    { header: t('colCitizenId'), key: 'citizenId', width: 16, style: textCol },
    { header: t('colPhone'), key: 'phone', width: 14, style: textCol },
    { header: t('colPosition'), key: 'position', width: 24 },
    { header: t('colPartyMember'), key: 'partyMember', width: 11 },
    { header: t('colCardNumber'), key: 'cardNumber', width: 16, style: textCol },
    { header: t('colAdmittedOn'), key: 'admittedOn', width: 13, style: textCol },
    { header: t('colStatus'), key: 'status', width: 18 },
    { header: t('colUnitCode'), key: 'unitCode', width: 12 },
    { header: t('colUnit'), key: 'unit', width: 40 },
  ];
  const columnCount = sheet.columns.length;
  // The columns' headers are row 1 until the title block is put above them.
  sheet.spliceRows(1, 0, ...heading.map((line) => [line]), []);
  heading.forEach((_, i) => {
    const row = sheet.getRow(i + 1);
    sheet.mergeCells(i + 1, 1, i + 1, columnCount);
    row.getCell(1).alignment = { horizontal: i === 0 ? 'left' : 'center', vertical: 'middle' };
    if (i <= 1) row.font = { bold: true, size: i === 1 ? 14 : 12 };
    else row.font = { italic: true };
  });
  let anyMasked = false;
  rows.forEach((r, i) => {
    anyMasked ||= !r.full;
    const birth = r.full ? formatDate(r.birthDate) : `**/**/${maskBirthDate(r.birthDate)!.slice(0, 4)}`;
    sheet.addRow({
      no: i + 1,
      fullName: r.fullName,
      gender: translate(locale, `members.gender_${r.gender}`),
      birthDate: birth,
      citizenId: (r.full ? r.citizenId : maskCitizenId(r.citizenId)) ?? '',
      phone: (r.full ? r.phone : maskPhone(r.phone)) ?? '',
      position: translate(locale, `members.position_${r.unionPosition}`),
      partyMember: r.partyMember ? t('yes') : '',
      cardNumber: r.cardNumber ?? '',
      admittedOn: formatDate(r.admittedOn),
      status: translate(locale, `members.status_${r.status}`),
      unitCode: r.unitCode,
      unit: r.unitFullName,
    });
  });
  const header = sheet.getRow(headerRow);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: columnCount } };
  const notes = [anyMasked ? t('masked') : null, truncatedAt !== null ? t('truncated', { max: formatNumber(truncatedAt, { locale }) }) : null];
  for (const note of notes.filter(Boolean)) {
    const row = sheet.addRow([note]);
    row.font = { italic: true, color: { argb: 'FFB71C1C' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
