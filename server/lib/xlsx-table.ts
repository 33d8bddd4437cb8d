import ExcelJS from 'exceljs';

/** One column of an exported table: its header, width (characters), number format and value per row. */
export interface XlsxColumn<Row> {
  header: string;
  width: number;
  /** Excel number format of the column's cells, e.g. '@' (text), '#,##0.##', 'dd/mm/yyyy hh:mm'. */
  numFmt?: string;
  /** Number format chosen per cell from its value (e.g. no dangling decimal mark on whole numbers); wins over numFmt. */
  cellNumFmt?: (value: ExcelJS.CellValue) => string;
  value: (row: Row, index: number) => ExcelJS.CellValue;
  /** A cell's background colour as ARGB (e.g. a status colour), or undefined for none. */
  fill?: (row: Row, index: number) => string | undefined;
}

export interface XlsxTable<Row> {
  sheetName: string;
  columns: XlsxColumn<Row>[];
  rows: readonly Row[];
  /** A bold title above the table, merged across its width (e.g. the target's sentence). */
  title?: string;
  /** An italic line under the title (e.g. "Số liệu đến ngày …"). */
  subtitle?: string;
  /** Italic red lines under the table (masked data, rows left out…). Empty entries are skipped. */
  notes?: (string | null | undefined)[];
  /**
   * The heading of a list an office files (members), instead of title/subtitle: the
   * issuing unit in capitals (left; an empty line when there is none), the title (bold,
   * centred), then italic centred lines (day drawn up, filters, count) and a blank row.
   */
  titleBlock?: { unit: string | null | undefined; title: string; lines: string[] };
  /** Print on A4 landscape, fitted to the page's width, the header row repeated on every page. */
  printA4Landscape?: boolean;
}

const TITLE_CHARS_PER_LINE = 110;

/**
 * The one way the app writes a table to an XLSX file (members, audit log,
 * target results): optional title lines, a bold grey header row that stays
 * frozen and carries the auto-filter, one row per item, then notes.
 */
export async function writeXlsxTable<Row>(table: XlsxTable<Row>): Promise<Buffer> {
  const { columns, rows } = table;
  const block = table.titleBlock;
  const blockLines = block ? [(block.unit ?? '').toLocaleUpperCase('vi-VN'), block.title, ...block.lines] : [];
  const aboveHeader = block ? blockLines.length + 1 : (table.title !== undefined ? 1 : 0) + (table.subtitle !== undefined ? 1 : 0);
  const headerRowNumber = aboveHeader + 1;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Công đoàn số';
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRowNumber }],
    ...(table.printA4Landscape
      ? {
          pageSetup: {
            paperSize: 9, // A4
            orientation: 'landscape',
            fitToPage: true,
            fitToWidth: 1,
            fitToHeight: 0,
            printTitlesRow: `${headerRowNumber}:${headerRowNumber}`,
          },
        }
      : {}),
  });
  sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));

  blockLines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = line;
    sheet.mergeCells(i + 1, 1, i + 1, columns.length);
    row.getCell(1).alignment = { horizontal: i === 0 ? 'left' : 'center', vertical: 'middle' };
    row.font = i <= 1 ? { bold: true, size: i === 1 ? 14 : 12 } : { italic: true };
  });

  let next = 1;
  if (!block && table.title !== undefined) {
    const row = sheet.getRow(next);
    row.getCell(1).value = table.title;
    row.font = { bold: true, size: 13 };
    sheet.mergeCells(next, 1, next, columns.length);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.min(120, 20 * Math.ceil(table.title.length / TITLE_CHARS_PER_LINE));
    next += 1;
  }
  if (!block && table.subtitle !== undefined) {
    const row = sheet.getRow(next);
    row.getCell(1).value = table.subtitle;
    row.font = { italic: true };
    sheet.mergeCells(next, 1, next, columns.length);
    next += 1;
  }

  const header = sheet.getRow(headerRowNumber);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    // A header is text even over a date or number column.
    if (c.numFmt || c.cellNumFmt) cell.numFmt = '@';
  });
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  header.alignment = { wrapText: true, vertical: 'middle' };

  rows.forEach((r, index) => {
    const row = sheet.addRow(columns.map((c) => c.value(r, index)));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const argb = c.fill?.(r, index);
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      if (c.cellNumFmt) cell.numFmt = c.cellNumFmt(cell.value);
    });
  });
  sheet.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: { row: headerRowNumber + rows.length, column: columns.length },
  };

  for (const text of table.notes ?? []) {
    if (!text) continue;
    const note = sheet.addRow([text]);
    note.font = { italic: true, color: { argb: 'FFB71C1C' } };
    note.getCell(1).numFmt = '@';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
