// The program as a DOCX in the form of union documents (QĐ 933/QĐ-TLĐ on
// Nghị định 30/2020/NĐ-CP; DOMAIN.md "Documents"). Pure: program → Buffer.
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
import {
  actionText,
  archiveLine,
  DOCUMENT_FORM,
  emphasisRuns,
  formatDocumentNumber,
  formatPlaceAndDate,
  recipientLine,
  ROMAN,
  withEndMark,
  type ProgramContent,
  type ProgramKind,
} from '../../../common/programs.js';

/** What the document needs of a program (ProgramDetail has all of it). */
export interface ProgramDocument {
  kind: ProgramKind;
  number: number;
  symbol: string;
  place: string;
  issuedOn: string | null;
  title: string;
  superiorBodyName: string | null;
  issuingBodyName: string;
  signatureAuthority: string;
  signerTitle: string;
  signerName: string;
  content: ProgramContent;
  /** A draft carries "DỰ THẢO" above the title. */
  status?: string;
}

const FONT = 'Times New Roman';
/** Millimetres to twips (1/1440 inch), rounded: 20 mm → 1134. */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const pt = (points: number) => points * 2; // docx sizes are half-points
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 }; // mm
const TEXT_WIDTH = A4.width - convertMillimetersToTwip(MARGIN.left) - convertMillimetersToTwip(MARGIN.right);
const FIRST_LINE = convertMillimetersToTwip(12.7); // 1.27 cm
const AFTER = 120; // 6 pt
const LINE = 288; // 1.2 lines
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.42);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

interface RunSpec {
  text: string;
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const runs = (value: string, base: Omit<RunSpec, 'text'> = {}): TextRun[] =>
  emphasisRuns(value).map((r) => new TextRun({ ...base, text: r.text, ...(base.italics || r.italic ? { italics: true } : {}) }));

/** A body paragraph: justified, first-line indent, 6 pt after. */
function body(value: string, style: Omit<RunSpec, 'text'> = {}, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { after: AFTER, line: LINE, lineRule: LineRuleType.AUTO },
    ...options,
    children: runs(value, style),
  });
}

/** A centred line (header, title, signature). */
function centred(value: string, style: Omit<RunSpec, 'text'> = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text: value, ...style })],
  });
}

/** A short horizontal rule of the given width, centred in a column of columnWidth. */
function rule(width: number, columnWidth: number, after = 0): Paragraph {
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

/** Header block: issuing body on the left, the nation and the place-and-date on the right. */
function headerBlock(p: ProgramDocument): Table {
  const left: Paragraph[] = [];
  if (p.superiorBodyName) left.push(centred(p.superiorBodyName.toUpperCase(), { size: pt(13) }));
  left.push(centred(p.issuingBodyName.toUpperCase(), { size: pt(13), bold: true }));
  left.push(rule(Math.round(HEADER_LEFT * 0.4), HEADER_LEFT, 120));
  left.push(centred(formatDocumentNumber(p.number, p.symbol), { size: pt(13) }));
  const right = [
    centred(DOCUMENT_FORM.nation, { size: pt(13), bold: true }),
    centred(DOCUMENT_FORM.motto, { size: pt(14), bold: true }),
    rule(Math.round(HEADER_RIGHT * 0.62), HEADER_RIGHT, 120),
    centred(formatPlaceAndDate(p.place, p.issuedOn), { size: pt(14), italics: true }),
  ];
  return borderless([left, right], [HEADER_LEFT, HEADER_RIGHT]);
}

/** The body in reading order; the last paragraph ends with "./.". */
function bodyParagraphs(p: ProgramDocument): Paragraph[] {
  const c = p.content;
  const out: Paragraph[] = [];
  const heading = (index: number, text: string) => out.push(body(`${ROMAN[index]}. ${text.toUpperCase()}`, { bold: true }));
  const bullet = (text: string) => out.push(body(`- ${text}`));
  for (const text of c.context) out.push(body(text));
  for (const text of c.legalBasis) out.push(body(text));
  heading(0, c.headings.theme);
  out.push(body(c.theme, { bold: true }));
  heading(1, c.headings.targets);
  for (const t of c.targets) bullet(t.text);
  heading(2, c.headings.taskGroups);
  for (const g of c.taskGroups) {
    out.push(body(`${g.number}. ${g.title}`, { bold: true }));
    for (const para of g.paragraphs) {
      out.push(body(para.text));
      for (const b of para.bullets) bullet(b);
    }
    for (const a of g.actions) bullet(actionText(a));
  }
  heading(3, c.headings.organisation);
  c.organisation.forEach((r, i) => {
    out.push(body(`${i + 1}. ${r.actor}`, { bold: true }));
    for (const d of r.duties) bullet(d);
  });
  if (c.closing) {
    out.push(body(withEndMark(c.closing)));
  } else {
    out.push(body(DOCUMENT_FORM.end, {}, { alignment: AlignmentType.LEFT }));
  }
  return out;
}

/** Recipients on the left, the signature on the right. */
function signatureBlock(p: ProgramDocument): Table {
  const width = Math.round(TEXT_WIDTH * 0.5);
  const line = (text: string, style: Omit<RunSpec, 'text'>) =>
    new Paragraph({
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text, ...style })],
    });
  const left = [
    line(DOCUMENT_FORM.recipients, { bold: true, italics: true, size: pt(12) }),
    ...p.content.recipients.map((r) => line(recipientLine(r), { size: pt(11) })),
    line(archiveLine(p.content.archive), { size: pt(11) }),
  ];
  const right = [
    centred(p.signatureAuthority.toUpperCase(), { bold: true, size: pt(14) }),
    centred(p.signerTitle.toUpperCase(), { bold: true, size: pt(14) }),
    ...Array.from({ length: 4 }, () => centred('', { size: pt(14) })),
    centred(p.signerName, { bold: true, size: pt(14) }),
  ];
  return borderless([left, right], [width, TEXT_WIDTH - width]);
}

export function buildProgramDocument(p: ProgramDocument): Document {
  const titleRuleWidth = convertMillimetersToTwip(35);
  return new Document({
    creator: p.issuingBodyName,
    title: `${DOCUMENT_FORM.kindTitle[p.kind]} ${p.title}`,
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
          headerBlock(p),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          ...(p.status === 'draft' ? [centred(DOCUMENT_FORM.draftMark, { bold: true, size: pt(14) })] : []),
          centred(DOCUMENT_FORM.kindTitle[p.kind], { bold: true, size: pt(14) }),
          centred(p.title, { bold: true, size: pt(14) }),
          rule(titleRuleWidth, TEXT_WIDTH, 240),
          ...bodyParagraphs(p),
          signatureBlock(p),
        ],
      },
    ],
  });
}

/** The program as a .docx file. */
export async function renderProgramDocx(p: ProgramDocument): Promise<Buffer> {
  return Packer.toBuffer(buildProgramDocument(p));
}

/** "02-CTr-LĐLĐ Công tác Công đoàn năm 2024.docx" and its ASCII fallback for old clients. */
export function programFileName(p: Pick<ProgramDocument, 'number' | 'symbol' | 'title'>): { utf8: string; ascii: string } {
  const utf8 = `${String(p.number).padStart(2, '0')}-${p.symbol} ${p.title}.docx`.replace(/[\\/:*?"<>|]+/g, '-');
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
