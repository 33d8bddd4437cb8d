// Reads and writes member rows in an import workbook (the downloaded template
// or a rejected-rows file) by its headers, so a browser test builds its files
// the way a user fills them: text cells, dates as dd/mm/yyyy.
import type ExcelJS from 'exceljs';
import { translate, type MessageKey } from '../common/i18n/index.js';

export interface MemberRow {
  fullName: string;
  gender: string;
  birthDate: string;
  citizenId?: string;
  phone?: string;
  unitCode: string;
  admittedOn: string;
  cardNumber?: string;
}

type Key = keyof MemberRow;
const LABELS: Record<Key, MessageKey> = {
  fullName: 'memberImport.colFullName',
  gender: 'memberImport.colGender',
  birthDate: 'memberImport.colBirthDate',
  citizenId: 'memberImport.colCitizenId',
  phone: 'memberImport.colPhone',
  unitCode: 'memberImport.colUnitCode',
  admittedOn: 'memberImport.colAdmittedOn',
  cardNumber: 'memberImport.colCardNumber',
};

/** "Ngày sinh* (dd/mm/yyyy)" → "Ngày sinh". */
const bareHeader = (text: string) =>
  text
    .replace(/\(.*?\)/g, '')
    .replace(/\*/g, '')
    .trim();

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/** The columns of row 1, by the Vietnamese header labels of the import. */
export class ColumnMap {
  readonly byKey = new Map<Key, number>();
  readonly others = new Map<string, number>();

  constructor(private readonly sheet: ExcelJS.Worksheet) {
    const header = sheet.getRow(1);
    const labels = new Map(Object.entries(LABELS).map(([k, label]) => [translate('vi', label), k as Key]));
    header.eachCell((cell, col) => {
      const text = bareHeader(cellText(cell));
      const key = labels.get(text);
      if (key) this.byKey.set(key, col);
      else if (text) this.others.set(text, col);
    });
    for (const required of ['fullName', 'gender', 'birthDate', 'unitCode', 'admittedOn'] as const) {
      if (!this.byKey.has(required)) throw new Error(`no "${translate('vi', LABELS[required])}" column in the sheet`);
    }
  }

  /** Writes a member on a sheet row (1 = header), as text. */
  write(rowNumber: number, member: Partial<MemberRow>): void {
    const row = this.sheet.getRow(rowNumber);
    for (const [key, col] of this.byKey) {
      const value = member[key];
      if (value !== undefined) {
        const cell = row.getCell(col);
        cell.numFmt = '@';
        cell.value = value;
      }
    }
    row.commit();
  }
}

/** The data rows of a sheet as members, with the other columns (such as "Lỗi") by header. */
export function readSheet(sheet: ExcelJS.Worksheet): Array<MemberRow & { extra: Record<string, string> }> {
  const columns = new ColumnMap(sheet);
  const out: Array<MemberRow & { extra: Record<string, string> }> = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const member: Record<string, string> = {};
    for (const [key, col] of columns.byKey) member[key] = cellText(row.getCell(col));
    const extra: Record<string, string> = {};
    for (const [name, col] of columns.others) extra[name] = cellText(row.getCell(col));
    if (Object.values(member).every((v) => v === '')) continue;
    out.push({ ...(member as unknown as MemberRow), extra });
  }
  return out;
}
