// Reading an uploaded members workbook (nhập đoàn viên từ Excel): file-level
// checks (type, sheet, headers, merged cells, row count) and the cell texts of
// every data row. Row checks are in import-validate.ts.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { Readable } from 'node:stream';
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
 * Reads the members sheet of an XLSX file with exceljs' STREAMING reader:
 * rows are read as the zip is inflated, never the whole workbook model, the
 * row limit is checked while reading (it stops at the first row over it), and
 * the event loop is served between chunks, so a huge file neither fills the
 * memory nor stalls other requests. File-level problems throw an AppError
 * (400) with an IMPORT_* code; nothing else is judged here.
 */
export async function readImportFile(source: Buffer | string, maxRows: number = MEMBER_LIMITS.importMaxRows): Promise<ImportSheet> {
  const head = typeof source === 'string' ? await firstBytes(source, 4) : source.subarray(0, 4);
  if (!looksLikeZip(head)) throw new AppError('IMPORT_FILE_TYPE');
  const size = typeof source === 'string' ? (await fs.promises.stat(source)).size : source.length;
  const open = () => (typeof source === 'string' ? fs.createReadStream(source, { highWaterMark: 64 * 1024 }) : Readable.from([source]));
  try {
    return await streamImportFile(open(), maxRows);
  } catch (e) {
    // Workaround, seen once under load: exceljs' reader can fail on a workbook without shared
    // strings (its sheets go through temporary files); one more read tells a flake from a bad file.
    if (e instanceof AppError && e.code === 'IMPORT_FILE_TYPE' && size < 1024 * 1024) return streamImportFile(open(), maxRows);
    throw e;
  }
}

/** The first n bytes of a file (fewer when it is shorter). */
export async function firstBytes(file: string, n: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** True when the bytes start like a zip (an XLSX is one). */
export function looksLikeZip(head: Buffer): boolean {
  return head.length >= 4 && head.subarray(0, 4).equals(ZIP_MAGIC);
}

async function streamImportFile(input: Readable, maxRows: number): Promise<ImportSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell dates from numbers.
    styles: 'cache',
    entries: 'ignore',
  });
  let chosen: ImportSheet | null = null;
  let chosenByName = false;
  let sheets = 0;
  try {
    for await (const sheet of reader as AsyncIterable<StreamSheet>) {
      sheets++;
      const byName = ['doan vien', 'members'].includes(foldText(sheet.name ?? ''));
      const hidden = sheet.state === 'hidden' || sheet.state === 'veryHidden';
      if (hidden || chosenByName || (chosen && !byName)) {
        for await (const _row of sheet) void _row; // drain
        continue;
      }
      chosen = await readSheet(sheet, maxRows);
      chosenByName = byName;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_FILE_TYPE');
  }
  // A zip with no worksheet (a .docx, a zipped folder) is not a workbook, rather than an empty one.
  if (sheets === 0) throw new AppError('IMPORT_FILE_TYPE');
  if (!chosen || chosen.rows.length === 0) throw new AppError('IMPORT_FILE_EMPTY');
  return chosen;
}

/**
 * exceljs' streaming reader decodes each chunk of a zip entry on its own
 * (utils/browser-buffer-decode), so a character split between two chunks ("Nữ")
 * became U+FFFD in about one row of 50,000. Worksheets get whole characters from
 * tapMerges (a streaming TextDecoder); the shared strings entry is a Node stream,
 * and setEncoding('utf8') makes it emit whole characters.
 */
const readerPrototype = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as {
  _parseSharedStrings: (this: unknown, entry: NodeJS.ReadableStream) => AsyncGenerator<unknown>;
};
const parseSharedStrings = readerPrototype._parseSharedStrings;
readerPrototype._parseSharedStrings = function (entry) {
  entry.setEncoding('utf8');
  return parseSharedStrings.call(this, entry);
};

/** What the streaming reader gives per worksheet (the typings leave these out). */
interface StreamSheet extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
  iterator: AsyncIterable<unknown>;
}

/** Merged ranges seen in the sheet XML as it streams by (the streaming reader itself skips them). */
function tapMerges(iterator: AsyncIterable<unknown>, merges: Merge[]): AsyncIterable<unknown> {
  return {
    async *[Symbol.asyncIterator]() {
      let carry = '';
      // Whole characters to the XML parser: see wholeCharacters below.
      const decoder = new TextDecoder('utf-8');
      for await (const chunk of iterator) {
        const piece = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
        const text = carry + piece;
        for (const m of text.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
          merges.push({ range: `${m[1]}${m[2]}:${m[3]}${m[4]}`, bottom: Number(m[4]) });
        }
        const cut = text.lastIndexOf('<');
        carry = cut >= 0 && text.length - cut < 200 ? text.slice(cut) : '';
        if (piece) yield piece;
      }
      const tail = decoder.decode();
      if (tail) yield tail;
    },
  };
}

async function readSheet(sheet: StreamSheet, maxRows: number): Promise<ImportSheet> {
  const merges: Merge[] = [];
  sheet.iterator = tapMerges(sheet.iterator, merges);
  const head: ExcelJS.Row[] = [];
  let header: ReturnType<typeof headerOf> | null = null;
  const rows: ImportRow[] = [];
  let dataRows = 0;
  const take = (row: ExcelJS.Row) => {
    if (row.number <= header!.headerRow) return;
    const record = rowRecord(row, header!.byColumn);
    if (!record) return;
    dataRows++;
    if (dataRows > maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { rows: dataRows, max: maxRows });
    rows.push(record);
  };
  for await (const row of sheet) {
    if (!header) {
      if (row.number <= HEADER_SCAN_ROWS) {
        head.push(row);
        continue;
      }
      header = headerOf(head);
      head.forEach(take);
    }
    take(row);
  }
  if (!header) {
    if (head.length === 0) throw new AppError('IMPORT_FILE_EMPTY');
    header = headerOf(head);
    head.forEach(take);
  }
  const present = new Set(header.columns.map((c) => c.key));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.key));
  if (missing.length > 0) {
    throw new AppError('IMPORT_HEADERS_MISSING', { columns: missing.map((c) => columnName(c.key)).join(', ') });
  }
  const below = merges.filter((m) => m.bottom > header!.headerRow);
  if (below.length > 0) {
    const shown = below.slice(0, MERGES_SHOWN).map((m) => m.range);
    throw new AppError('IMPORT_MERGED_CELLS', { cells: below.length > MERGES_SHOWN ? `${shown.join(', ')}, …` : shown.join(', ') });
  }
  return { headerRow: header.headerRow, columns: header.columns, rows };
}

/** One data row's record, or null for a blank line (or one with only the "Lỗi" column). */
function rowRecord(row: ExcelJS.Row, byColumn: Array<[number, string]>): ImportRow | null {
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
  if (!filled) return null;
  record[ROW_KEY] = String(row.number);
  if (formulas.length) record[FORMULA_KEY] = formulas.join(',');
  if (numbers.length) record[NUMBER_KEY] = numbers.join(',');
  return record;
}

/** The header row: of the first rows, the one naming the most import columns. */
function headerOf(head: ExcelJS.Row[]) {
  let best: ExcelJS.Row | undefined;
  let bestCount = 0;
  for (const row of head) {
    let count = 0;
    row.eachCell((cell) => {
      const key = columnForHeader(readCell(cell.value).text);
      if (key && key !== 'errors') count++;
    });
    if (count > bestCount) {
      best = row;
      bestCount = count;
    }
  }
  best ??= head[0];
  const columns: SheetColumn[] = [];
  const byColumn: Array<[number, string]> = [];
  const seen = new Set<string>();
  best?.eachCell((cell, col) => {
    const text = readCell(cell.value).text;
    if (text === '') return;
    const known = columnForHeader(text);
    if (known === 'errors') return;
    const key: string = known && !seen.has(known) ? known : `extra:${col}`;
    seen.add(key);
    columns.push({ key, header: text });
    byColumn.push([col, key]);
  });
  return { headerRow: best?.number ?? 1, columns, byColumn };
}

interface Merge {
  range: string;
  bottom: number;
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
    if ('richText' in value)
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
        formula: false,
        number: false,
      };
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
