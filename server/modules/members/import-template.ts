// The members' import template (tệp mẫu nhập đoàn viên): sheet "Đoàn viên"
// with the headers only (data from row 2), a "Hướng dẫn" sheet with the rules,
// an example row and the unit codes, and a hidden list sheet feeding the
// drop-down lists. The example row lives in the guide sheet, so the data
// sheet holds real data only and an untouched template reads as empty.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { formatNumber } from '../../../common/format.js';
import { translate } from '../../../common/i18n/index.js';
import { MEMBER_LIMITS, UNION_POSITIONS } from '../../../common/members.js';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { heldOn, inUnitScope, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { columnHeader, IMPORT_COLUMNS, positionLabel, type ImportColumnKey } from './import-columns.js';
import { requireMemberImporter } from './import-policy.js';

/** Units listed for the drop-down; a national administrator's list stops here (codes can still be typed). */
const UNIT_LIST_MAX = 20_000;
/** Rows of the data sheet given drop-down lists (the import's row limit). */
const VALIDATED_ROWS = MEMBER_LIMITS.importMaxRows;

export interface TemplateFile {
  buffer: Buffer;
  fileName: string;
}

interface UnitOption {
  code: string;
  full_name: string;
}

/** Grassroots unions and sections valid today that the actor holds today with a manageMembers role (access.ts heldOn). */
async function importableUnits(db: Executor, actor: Actor, today: string): Promise<UnitOption[]> {
  return queryRows<UnitOption>(
    db,
    sql`select u.code, u.full_name from org_units u
        where u.kind in ('grassroots_union', 'section') and u.valid_from <= ${today}::date
          and (u.valid_to is null or u.valid_to >= ${today}::date)
          and ${inUnitScope(sql`u.id`, actor, PERMISSIONS.manageMembers)}
          and ${heldOn(sql`u.id`, actor, PERMISSIONS.manageMembers, today)}
        order by u.code limit ${UNIT_LIST_MAX + 1}`,
  );
}

const colLetter = (index: number) => {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

export async function buildImportTemplate(
  db: Executor,
  actor: Actor,
  locale: Locale = 'vi',
  today: string = todayInVietnam(),
): Promise<TemplateFile> {
  requireMemberImporter(actor);
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `memberImport.${key}`, params);
  const found = await importableUnits(db, actor, today);
  const capped = found.length > UNIT_LIST_MAX;
  const units = found.slice(0, UNIT_LIST_MAX);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Công đoàn số';
  const data = workbook.addWorksheet(t('sheetMembers'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet(t('sheetGuide'));
  const lists = workbook.addWorksheet(t('sheetLists'), { state: 'hidden' });

  // Data sheet: headers, widths, text columns.
  data.columns = IMPORT_COLUMNS.map((c) => ({
    header: columnHeader(c, locale),
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFF2F2F2' } };
    cell.numFmt = '@';
  });

  // Hidden lists: positions (A), unit codes (B).
  const positions = UNION_POSITIONS.map((p) => positionLabel(p, locale));
  positions.forEach((label, i) => (lists.getCell(i + 1, 1).value = label));
  units.forEach((u, i) => {
    const cell = lists.getCell(i + 1, 2);
    cell.numFmt = '@';
    cell.value = u.code;
  });
  const listRef = `'${t('sheetLists')}'`;
  // exceljs has worksheet.dataValidations but its typings lack it; a range address gives one sqref.
  const validations = (data as unknown as { dataValidations: { add: (address: string, v: ExcelJS.DataValidation) => void } })
    .dataValidations;
  const column = (key: ImportColumnKey) => colLetter(IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1);
  const range = (key: ImportColumnKey) => `${column(key)}2:${column(key)}${VALIDATED_ROWS + 1}`;
  const strictList = (formula: string, title: string) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: title,
    error: t('positionInvalid', { value: '' }).replace(' ""', ''),
  });
  validations.add(range('gender'), {
    ...strictList(`"${translate(locale, 'members.gender_male')},${translate(locale, 'members.gender_female')}"`, t('colGender')),
    error: t('genderInvalid', { value: '' }).replace(' ""', ''),
  });
  validations.add(range('unionPosition'), strictList(`${listRef}!$A$1:$A$${positions.length}`, t('colUnionPosition')));
  validations.add(range('partyMember'), {
    ...strictList(`"${t('yes')},${t('no')}"`, t('colPartyMember')),
    error: t('partyMemberInvalid'),
  });
  if (units.length > 0) {
    validations.add(range('unitCode'), {
      ...strictList(`${listRef}!$B$1:$B$${units.length}`, t('colUnitCode')),
      // A capped list must not stop codes that are not in it.
      showErrorMessage: !capped,
      error: t('unitNotFound', { code: '' }).replace(' ""', ''),
    });
  }

  // Guide: rules, the example row, the unit codes.
  guide.getColumn(1).width = 30;
  guide.getColumn(2).width = 60;
  guide.addRow([t('guideTitle')]).font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const key of ['guide1', 'guide2', 'guide3', 'guide4', 'guide5', 'guide6']) {
    const row = guide.addRow([
      `• ${t(key, { maxRows: formatNumber(MEMBER_LIMITS.importMaxRows, { locale }), maxMb: MEMBER_LIMITS.importMaxBytes / 1024 / 1024 })}`,
    ]);
    guide.mergeCells(row.number, 1, row.number, IMPORT_COLUMNS.length);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  guide.addRow([]);
  guide.addRow([t('guideExample')]).font = { italic: true };
  const exampleHeader = guide.addRow(IMPORT_COLUMNS.map((c) => columnHeader(c, locale)));
  exampleHeader.font = { bold: true };
  const example: Record<ImportColumnKey, string> = {
    fullName: t('exampleFullName'),
    gender: translate(locale, 'members.gender_female'),
    birthDate: '15/03/1990',
    citizenId: '079190001234',
    phone: '0912345678',
    email: 'lan.nguyen@example.com',
    ethnicity: t('exampleEthnicity'),
    job: t('exampleJob'),
    workplace: t('exampleWorkplace'),
    unitCode: units[0]?.code ?? 'CDCS-01',
    admittedOn: '01/06/2015',
    cardNumber: '',
    unionPosition: positionLabel('member', locale),
    partyMember: t('no'),
  };
  const exampleRow = guide.addRow(IMPORT_COLUMNS.map((c) => example[c.key]));
  exampleRow.eachCell((cell) => (cell.numFmt = '@'));
  exampleRow.font = { color: { argb: 'FF595959' } };
  guide.addRow([]);
  guide.addRow([t('guideUnits')]).font = { bold: true };
  if (units.length === 0) {
    guide.addRow([t('guideNoUnits')]);
  } else {
    guide.addRow([t('guideUnitCode'), t('guideUnitName')]).font = { bold: true };
    for (const u of units) {
      const row = guide.addRow([u.code, u.full_name]);
      row.getCell(1).numFmt = '@';
    }
  }

  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: t('templateFileName') };
}
