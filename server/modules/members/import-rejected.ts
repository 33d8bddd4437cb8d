// The rejected rows of a members' import as XLSX (tải các dòng lỗi): the rows
// with errors exactly as uploaded (same headers, same order, cells as text),
// plus a last column "Lỗi" saying what to fix. Uploaded back after fixing, the
// "Lỗi" column is ignored.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { translate } from '../../../common/i18n/index.js';
import type { Executor } from '../../db/client.js';
import { memberImports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { columnHeader, COLUMN_BY_KEY, IMPORT_COLUMNS } from './import-columns.js';
import { cellErrorMessage } from './import-get.js';
import { loadImport } from './import-policy.js';
import { rowNumber, unpackRows, type ImportSheet } from './import-read-file.js';
import { columnKeyOf, type CellError } from './import-validate.js';

/** Excel refuses longer cells. */
const EXCEL_CELL_MAX = 32_767;

export interface RejectedRowsFile {
  buffer: Buffer;
  fileName: string;
  rowCount: number;
}

export async function exportRejectedRows(db: Executor, actor: Actor, id: string, locale: Locale = 'vi'): Promise<RejectedRowsFile> {
  const current = await loadImport(db, actor, id);
  if (current.state === 'validating' || current.state === 'importing' || current.state === 'failed') {
    throw new AppError('IMPORT_NOT_READY');
  }
  const [stored] = await db
    .select({ rows: memberImports.rows, errors: memberImports.errors })
    .from(memberImports)
    .where(eq(memberImports.id, id));
  const errorsByRow = new Map<number, CellError[]>();
  for (const e of stored?.errors ?? []) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  const sheet: ImportSheet = stored?.rows
    ? unpackRows(stored.rows)
    : // Imported with nothing rejected: the template's headers, no rows.
      { headerRow: 1, columns: IMPORT_COLUMNS.map((c) => ({ key: c.key, header: columnHeader(c) })), rows: [] };
  const rejected = sheet.rows.filter((r) => errorsByRow.has(rowNumber(r)));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Công đoàn số';
  const ws = workbook.addWorksheet(translate('vi', 'memberImport.sheetMembers'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const errorHeader = translate(locale, 'memberImport.colErrors');
  ws.columns = [
    ...sheet.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: COLUMN_BY_KEY.get(c.key as never)?.width ?? 16,
      style: { numFmt: '@' },
    })),
    { header: errorHeader, key: '__errors', width: 60, style: { alignment: { wrapText: true, vertical: 'top' as const } } },
  ];
  for (const row of rejected) {
    const values: Record<string, string | null> = {};
    for (const c of sheet.columns) values[c.key] = row[c.key] ?? null;
    values.__errors = describeErrors(errorsByRow.get(rowNumber(row)) ?? [], locale);
    ws.addRow(values);
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  const errorCell = header.getCell(sheet.columns.length + 1);
  errorCell.font = { bold: true, color: { argb: 'FFB71C1C' } };
  const base = current.fileName.replace(/\.xlsx$/i, '');
  // Every export of personal data is audited (who, when, which file).
  await recordAudit(db, actor, {
    action: 'member_import.export_rejected',
    entityType: 'member_import',
    entityId: id,
    after: { rowCount: rejected.length },
  });
  return {
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `${translate(locale, 'memberImport.rejectedFileName', { fileName: base })}.xlsx`,
    rowCount: rejected.length,
  };
}

/** "Ngày sinh: Ngày không được trước 01/01/1900.\nSố CCCD: …" in the caller's language. */
function describeErrors(errors: CellError[], locale: Locale): string {
  const text = errors
    .map((e) => {
      const key = columnKeyOf(e.column);
      const column = key ? translate(locale, `memberImport.${COLUMN_BY_KEY.get(key)!.label}`) : e.column;
      return `${column}: ${cellErrorMessage(locale, e)}`;
    })
    .join('\n');
  return text.length > EXCEL_CELL_MAX ? `${text.slice(0, EXCEL_CELL_MAX - 1)}…` : text;
}
