// Reading an uploaded members workbook (nhập đoàn viên từ Excel): file-level
// checks (type, sheet, headers, merged cells, row count) and the cell texts of
// every data row. Row checks are in import-validate.ts.
import ExcelJS from 'exceljs';
import { formatDate } from '../../../common/format.js';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { AppError } from '../../lib/errors.js';
import { foldText } from '../../lib/search-text.js';
import { columnForHeader, columnName, IMPORT_COLUMNS, type ImportColumnKey } from './import-columns.js';

/**
 * One data row as read: cell texts by column key (known columns) or "extra:N"
 * (other columns, kept for the rejected-rows file), plus
 * - __row: the sheet row number (the header is row 1 in the template),
 * - __formula: the keys of cells holding a formula, comma-separated,
 * - __number: the keys of cells stored as numbers (a lost leading zero).
 * This is what member_imports.rows stores, after one header record (see packRows).
 */
export type ImportRow = Record<string, string>;

export interface SheetColumn {
  /** ImportColumnKey, or "extra:N" for a column the import does not read. */
  key: string;
  /** The header as written in the file. */
  header: string;
}

export interface ImportSheet {
  headerRow: number;
  /** Columns in file order (the "Lỗi" column of a rejected-rows file is left out). */
  columns: SheetColumn[];
  rows: ImportRow[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Rows looked at to find the header row (a title line may come first). */
const HEADER_SCAN_ROWS = 10;
const MERGES_SHOWN = 5;

export const ROW_KEY = '__row';
export const FORMULA_KEY = '__formula';
export const NUMBER_KEY = '__number';
const ORDER_KEY = '__order';

/**
 * Reads the members sheet of an XLSX file. File-level problems throw an
 * AppError (400) with an IMPORT_* code; nothing else is judged here.
 */
export async function readImportFile(buffer: Buffer, maxRows: number = MEMBER_LIMITS.importMaxRows): Promise<ImportSheet> {
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('IMPORT_FILE_TYPE');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FILE_TYPE');
  }
  const sheet = pickSheet(workbook);
  if (!sheet || sheet.actualRowCount === 0) throw new AppError('IMPORT_FILE_EMPTY');

  const { headerRow, columns, byColumn } = findHeader(sheet);
  const present = new Set(columns.map((c) => c.key));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.key));
  if (missing.length > 0) {
    throw new AppError('IMPORT_HEADERS_MISSING', { columns: missing.map((c) => columnName(c.key)).join(', ') });
  }

  const merges = mergedRanges(sheet).filter((m) => m.bottom > headerRow);
  if (merges.length > 0) {
    const shown = merges.slice(0, MERGES_SHOWN).map((m) => m.range);
    throw new AppError('IMPORT_MERGED_CELLS', { cells: merges.length > MERGES_SHOWN ? `${shown.join(', ')}, …` : shown.join(', ') });
  }

  const rows: ImportRow[] = [];
  let dataRows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const record: ImportRow = {};
    const formulas: string[] = [];
    const numbers: string[] = [];
    let filled = false;
    for (const [col, key] of byColumn) {
      const cell = readCell(row.getCell(col).value);
      if (cell.text === '') continue;
      record[key] = cell.text;
      if (!key.startsWith('extra:')) filled = true;
      if (cell.formula) formulas.push(key);
      if (cell.number) numbers.push(key);
    }
    if (!filled) return; // a blank line, or one with only the "Lỗi" column
    dataRows++;
    if (dataRows > maxRows) return; // keep counting for the message
    record[ROW_KEY] = String(rowNumber);
    if (formulas.length) record[FORMULA_KEY] = formulas.join(',');
    if (numbers.length) record[NUMBER_KEY] = numbers.join(',');
    rows.push(record);
  });
  if (dataRows === 0) throw new AppError('IMPORT_FILE_EMPTY');
  if (dataRows > maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { rows: dataRows, max: maxRows });
  return { headerRow, columns, rows };
}

/** The sheet named "Đoàn viên" (or "Members"), else the first visible sheet. */
function pickSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const visible = workbook.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  return visible.find((s) => ['doan vien', 'members'].includes(foldText(s.name))) ?? visible[0];
}

function findHeader(sheet: ExcelJS.Worksheet) {
  let best = { row: 1, count: 0 };
  const last = Math.min(HEADER_SCAN_ROWS, sheet.rowCount);
  for (let r = 1; r <= last; r++) {
    let count = 0;
    sheet.getRow(r).eachCell((cell) => {
      const key = columnForHeader(readCell(cell.value).text);
      if (key && key !== 'errors') count++;
    });
    if (count > best.count) best = { row: r, count };
  }
  const columns: SheetColumn[] = [];
  const byColumn: Array<[number, string]> = [];
  const seen = new Set<string>();
  sheet.getRow(best.row).eachCell((cell, col) => {
    const header = readCell(cell.value).text;
    if (header === '') return;
    const known = columnForHeader(header);
    if (known === 'errors') return;
    const key: string = known && !seen.has(known) ? known : `extra:${col}`;
    seen.add(key);
    columns.push({ key, header });
    byColumn.push([col, key]);
  });
  return { headerRow: best.row, columns, byColumn };
}

interface Merge {
  range: string;
  bottom: number;
}

/** exceljs keeps merges in a private map; `model.merges` would build the whole sheet model. */
function mergedRanges(sheet: ExcelJS.Worksheet): Merge[] {
  const merges = (sheet as unknown as { _merges?: Record<string, { range: string; bottom: number } | undefined> })._merges ?? {};
  return Object.values(merges)
    .filter((m): m is { range: string; bottom: number } => Boolean(m))
    .map((m) => ({ range: m.range, bottom: m.bottom }));
}

interface CellText {
  text: string;
  formula: boolean;
  number: boolean;
}

/** A cell's text as the user sees it: dates as dd/mm/yyyy (exceljs dates are UTC), numbers without exponent. */
export function readCell(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '', formula: false, number: false };
  if (typeof value === 'string') return { text: value.trim(), formula: false, number: false };
  if (typeof value === 'number') return { text: numberText(value), formula: false, number: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', formula: false, number: false };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : dateText(value), formula: false, number: false };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = readCell((value as { result?: ExcelJS.CellValue }).result ?? null);
      return { ...result, formula: true };
    }
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), formula: false, number: false };
    if ('hyperlink' in value) return readCell((value as { text?: ExcelJS.CellValue }).text ?? value.hyperlink);
    if ('error' in value) return { text: String(value.error), formula: false, number: false };
  }
  return { text: String(value).trim(), formula: false, number: false };
}

function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return String(value);
}

/** exceljs reads Excel's zone-less dates as UTC midnight: its UTC calendar day is the day written. */
function dateText(d: Date): string {
  return formatDate(d.toISOString().slice(0, 10));
}

// ---- Stored form (member_imports.rows) ----

/** [header record, ...rows]: the header record maps keys to the file's headers and keeps their order. */
export function packRows(sheet: ImportSheet): ImportRow[] {
  const header: ImportRow = { [ROW_KEY]: String(sheet.headerRow), [ORDER_KEY]: sheet.columns.map((c) => c.key).join('\u001f') };
  for (const c of sheet.columns) header[c.key] = c.header;
  return [header, ...sheet.rows];
}

export function unpackRows(stored: ImportRow[]): ImportSheet {
  const [header, ...rows] = stored;
  if (!header) return { headerRow: 1, columns: [], rows: [] };
  const keys = (header[ORDER_KEY] ?? '').split('\u001f').filter(Boolean);
  return { headerRow: Number(header[ROW_KEY] ?? 1), columns: keys.map((key) => ({ key, header: header[key] ?? key })), rows };
}

export function rowNumber(row: ImportRow): number {
  return Number(row[ROW_KEY]);
}

export function hasFlag(row: ImportRow, flag: typeof FORMULA_KEY | typeof NUMBER_KEY, key: ImportColumnKey): boolean {
  const list = row[flag];
  return list !== undefined && list.split(',').includes(key);
}
