// The form of union documents (QĐ 933/QĐ-TLĐ on Nghị định 30/2020/NĐ-CP;
// DOMAIN.md "Documents") as docx pieces shared by every document the app
// writes: the program (CTr/KH), the compiled report (BC), a CĐCS's own report.
// Header with the issuing body and the national motto, number line, place and
// date, the body paragraphs, recipients and signature, A4 page with numbers.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { DOCUMENT_FORM, emphasisRuns, formatDocumentNumber, formatPlaceAndDate } from '../../common/programs.js';

export const FONT = 'Times New Roman';
/** Millimetres to twips (1/1440 inch), rounded: 20 mm → 1134. */
export const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
export const pt = (points: number) => points * 2; // docx sizes are half-points
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 }; // mm
export const TEXT_WIDTH = A4.width - convertMillimetersToTwip(MARGIN.left) - convertMillimetersToTwip(MARGIN.right);
const FIRST_LINE = convertMillimetersToTwip(12.7); // 1.27 cm
const AFTER = 120; // 6 pt
const LINE = 288; // 1.2 lines
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.42);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const runs = (value: string, base: RunStyle = {}): TextRun[] =>
  emphasisRuns(value).map((r) => new TextRun({ ...base, text: r.text, ...(base.italics || r.italic ? { italics: true } : {}) }));

/** A body paragraph: justified, first-line indent, 6 pt after. */
export function body(value: string, style: RunStyle = {}, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { after: AFTER, line: LINE, lineRule: LineRuleType.AUTO },
    ...options,
    children: runs(value, style),
  });
}

/** A centred line (header, title, signature). */
export function centred(value: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text: value, ...style })],
  });
}

/** A short horizontal rule of the given width, centred in a column of columnWidth. */
export function rule(width: number, columnWidth: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 60, lineRule: LineRuleType.EXACT },
    border: { top: RULE },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

function borderless(columns: [Paragraph[], Paragraph[]], widths: [number, number]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(columns[0], widths[0]), cell(columns[1], widths[1])] })],
  });
}

/** A ruled table (e.g. the targets of a compiled report): a bold header row, then the rows; widths are shares of the text width. */
export function gridTable(header: string[], rows: string[][], shares: number[]): Table {
  const widths = shares.map((s) => Math.round(TEXT_WIDTH * s));
  const line = (text: string, bold = false, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
    new Paragraph({
      alignment: align,
      spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text, bold, size: pt(12) })],
    });
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            margins: { left: 60, right: 60, top: 0, bottom: 0 },
            children: [line(text, bold, bold || i > 0 ? AlignmentType.CENTER : AlignmentType.LEFT)],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}

/** What the header of a union document needs. number null = not numbered yet ("Số:    /BC-LĐLĐ"). */
export interface DocumentHeading {
  superiorBodyName: string | null;
  issuingBodyName: string;
  number: number | null;
  symbol: string;
  place: string;
  issuedOn: string | null;
}

/** "Số: 05/BC-LĐLĐ", or "Số:     /BC-LĐLĐ" before a number is given. */
export function numberLine(number: number | null, symbol: string): string {
  return number === null ? `Số:      /${symbol}` : formatDocumentNumber(number, symbol);
}

/** Header block: issuing body on the left, the nation and the place-and-date on the right. */
export function headerBlock(h: DocumentHeading): Table {
  const left: Paragraph[] = [];
  if (h.superiorBodyName) left.push(centred(h.superiorBodyName.toUpperCase(), { size: pt(13) }));
  left.push(centred(h.issuingBodyName.toUpperCase(), { size: pt(13), bold: true }));
  left.push(rule(Math.round(HEADER_LEFT * 0.4), HEADER_LEFT, 120));
  left.push(centred(numberLine(h.number, h.symbol), { size: pt(13) }));
  const right = [
    centred(DOCUMENT_FORM.nation, { size: pt(13), bold: true }),
    centred(DOCUMENT_FORM.motto, { size: pt(14), bold: true }),
    rule(Math.round(HEADER_RIGHT * 0.62), HEADER_RIGHT, 120),
    centred(formatPlaceAndDate(h.place, h.issuedOn), { size: pt(14), italics: true }),
  ];
  return borderless([left, right], [HEADER_LEFT, HEADER_RIGHT]);
}

export interface Signature {
  /** Lines under "Nơi nhận:", already formatted ("- … ;", "- Lưu: VT."). */
  recipients: string[];
  signatureAuthority: string | null;
  signerTitle: string;
  signerName: string;
}

/** Recipients on the left, the signature on the right. */
export function signatureBlock(s: Signature): Table {
  const width = Math.round(TEXT_WIDTH * 0.5);
  const line = (text: string, style: RunStyle) =>
    new Paragraph({
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text, ...style })],
    });
  const left = [
    line(DOCUMENT_FORM.recipients, { bold: true, italics: true, size: pt(12) }),
    ...s.recipients.map((r) => line(r, { size: pt(11) })),
  ];
  const right = [
    ...(s.signatureAuthority ? [centred(s.signatureAuthority.toUpperCase(), { bold: true, size: pt(14) })] : []),
    centred(s.signerTitle.toUpperCase(), { bold: true, size: pt(14) }),
    ...Array.from({ length: 4 }, () => centred('', { size: pt(14) })),
    centred(s.signerName, { bold: true, size: pt(14) }),
  ];
  return borderless([left, right], [width, TEXT_WIDTH - width]);
}

/**
 * A whole union document: header, the kind's title ("CHƯƠNG TRÌNH", "BÁO CÁO")
 * and the excerpt (trích yếu) centred in bold with a rule under them, the body,
 * then recipients and signature. A4, no page number on page 1.
 */
export function unionDocument(d: {
  heading: DocumentHeading;
  kindTitle: string;
  titleLines: string[];
  /** "DỰ THẢO" above the title of a draft. */
  draftMark?: string | null;
  body: (Paragraph | Table)[];
  signature: Signature;
}): Document {
  const titleRuleWidth = convertMillimetersToTwip(35);
  return new Document({
    creator: d.heading.issuingBodyName,
    title: `${d.kindTitle} ${d.titleLines.join(' ')}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(14) },
          paragraph: { spacing: { after: AFTER, line: LINE, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true, // no page number on page 1
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: convertMillimetersToTwip(MARGIN.top),
              bottom: convertMillimetersToTwip(MARGIN.bottom),
              left: convertMillimetersToTwip(MARGIN.left),
              right: convertMillimetersToTwip(MARGIN.right),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })] }),
            ],
          }),
        },
        children: [
          headerBlock(d.heading),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          ...(d.draftMark ? [centred(d.draftMark, { bold: true, size: pt(14) })] : []),
          centred(d.kindTitle, { bold: true, size: pt(14) }),
          ...d.titleLines.map((t) => centred(t, { bold: true, size: pt(14) })),
          rule(titleRuleWidth, TEXT_WIDTH, 240),
          ...d.body,
          signatureBlock(d.signature),
        ],
      },
    ],
  });
}

export const renderDocx = (document: Document): Promise<Buffer> => Packer.toBuffer(document);

/** A file name with a UTF-8 form and an ASCII fallback for old clients ("05-BC-LĐLĐ …docx"). */
export function docxFileName(utf8Name: string): { utf8: string; ascii: string } {
  const utf8 = `${utf8Name}.docx`.replace(/[\\/:*?"<>|]+/g, '-');
  const ascii = utf8
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/"/g, '');
  return { utf8, ascii };
}

/** Content-Disposition with a UTF-8 file name (RFC 6266 / 5987). */
export function attachmentHeader(name: { utf8: string; ascii: string }): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`;
}
