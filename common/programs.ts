// Work programs (chương trình / kế hoạch công tác): the document content as a
// strict zod schema, shared by the API, the DOCX builder and the web preview.
// The content is stored as one JSONB document so that an editor can load and
// save it whole; the indicator engine will refer to targets by their code.
import { z } from 'zod';
import { formatDate, formatDocumentDate } from './format.js';
import { isoDate } from './schemas.js';

/** Kinds of program document: chương trình (CTr) or kế hoạch (KH). */
export const PROGRAM_KINDS = ['program', 'plan'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** draft (dự thảo) → issued (đã ban hành) → superseded (đã được thay thế). */
export const PROGRAM_STATUSES = ['draft', 'issued', 'superseded'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const PROGRAM_LIMITS = {
  textMax: 5_000,
  shortMax: 255,
  listMax: 200,
  symbolMax: 32,
  numberMax: 9_999,
  yearMin: 1990,
  yearMax: 2100,
} as const;

const text = z.string().trim().min(1).max(PROGRAM_LIMITS.textMax);
const short = z.string().trim().min(1).max(PROGRAM_LIMITS.shortMax);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(PROGRAM_LIMITS.listMax);

/** A target (chỉ tiêu), kept as the sentence of the document. */
export const ProgramTarget = z.strictObject({
  /** Stable code the indicator engine refers to ("1".."10", "7a"…). */
  code: z.string().trim().min(1).max(16),
  text,
  /** "Phấn đấu …": a stretch target. */
  stretch: z.boolean(),
  /** "(khi có đủ điều kiện)": counted only when conditions allow. */
  whenConditionsAllow: z.boolean(),
});

/** An action (giải pháp) of a task group, shown as a "- " bullet. */
export const ProgramAction = z.strictObject({
  text,
  /** Unit or body in charge (chủ trì), when the document names one. */
  responsible: short.optional(),
  deadline: isoDate.optional(),
});

/** A prose paragraph, optionally followed by "- " bullets. */
export const ProgramParagraph = z.strictObject({ text, bullets: list(text) });

/** A numbered task group (nhiệm vụ, giải pháp) "1. …". */
export const ProgramTaskGroup = z.strictObject({
  number: z.number().int().min(1).max(99),
  title: text,
  paragraphs: list(ProgramParagraph),
  actions: list(ProgramAction),
});

/** Responsibilities of one actor (tổ chức thực hiện), e.g. "1. Liên đoàn Lao động huyện". */
export const ProgramResponsibility = z.strictObject({ actor: short, duties: list(text).min(1) });

/** A recipient (nơi nhận); forReport renders the "(b/c)" (để báo cáo) mark. */
export const ProgramRecipient = z.strictObject({ name: short, forReport: z.boolean() });

/** Headings of the four Roman-numbered parts, as written in the document. */
export const ProgramHeadings = z.strictObject({ theme: short, targets: short, taskGroups: short, organisation: short });

export const ProgramContent = z.strictObject({
  /** Opening paragraphs on the situation. */
  context: list(text),
  /** "Căn cứ …" paragraphs. */
  legalBasis: list(text),
  headings: ProgramHeadings,
  /** Chủ đề: one sentence. */
  theme: text,
  targets: list(ProgramTarget),
  taskGroups: list(ProgramTaskGroup),
  organisation: list(ProgramResponsibility),
  /** "Trên đây là …" — the body ends with "./.". */
  closing: text.optional(),
  recipients: list(ProgramRecipient),
  /** "Lưu: VT" — who keeps the file copy (văn thư). */
  archive: z.string().trim().min(1).max(PROGRAM_LIMITS.shortMax),
});
export type ProgramContent = z.infer<typeof ProgramContent>;

/** Fixed lines of the document form (Nghị định 30/2020/NĐ-CP, QĐ 933/QĐ-TLĐ): document text, always Vietnamese. */
export const DOCUMENT_FORM = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  recipients: 'Nơi nhận:',
  forReport: '(b/c)',
  archivePrefix: 'Lưu: ',
  end: './.',
  responsible: 'Chủ trì',
  deadline: 'Thời hạn',
  kindTitle: { program: 'CHƯƠNG TRÌNH', plan: 'KẾ HOẠCH' } satisfies Record<ProgramKind, string>,
  /** Mark of a document not yet issued (dự thảo), above the title of the DOCX and the preview. */
  draftMark: 'DỰ THẢO',
} as const;

/** "Số: 02/CTr-LĐLĐ": numbers below 10 take a leading 0. */
export function formatDocumentNumber(number: number, symbol: string): string {
  return `Số: ${String(number).padStart(2, '0')}/${symbol}`;
}

/**
 * "Vĩnh Thuận, ngày 19 tháng 01 năm 2024": days below 10 and months 1 and 2
 * take a leading 0 (Nghị định 30/2020/NĐ-CP); an undated draft keeps dots.
 */
export function formatPlaceAndDate(place: string, isoDay: string | null): string {
  if (!isoDay) return `${place}, ngày … tháng … năm …`;
  return `${place}, ${formatDocumentDate(isoDay)}`;
}

/** The kind as named in a sentence ("Chương trình số …", "Kế hoạch số …"). */
export const KIND_NAME = { program: 'Chương trình', plan: 'Kế hoạch' } as const satisfies Record<ProgramKind, string>;

/** The document an amendment (sửa đổi, bổ sung) amends: its own number and date. */
export interface AmendedDocument {
  kind: ProgramKind;
  number: number;
  symbol: string;
  issuedOn: string | null;
}

/**
 * How an amendment cites the document it amends, under its title in the DOCX
 * and the preview: "Sửa đổi, bổ sung Chương trình số 02/CTr-LĐLĐ ngày 19/01/2024".
 * The amendment is its own document (its own number and date); the one it
 * amends keeps its number and date.
 */
export function amendmentCitation(a: AmendedDocument): string {
  const date = a.issuedOn ? ` ngày ${formatDate(a.issuedOn)}` : '';
  return `Sửa đổi, bổ sung ${KIND_NAME[a.kind]} số ${String(a.number).padStart(2, '0')}/${a.symbol}${date}`;
}

/** Roman numerals of the document's parts (I. … IV.). */
export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;

/** A recipient line "- Văn phòng LĐLĐ tỉnh (b/c);" (the archive line ends the list with "."). */
export function recipientLine(r: { name: string; forReport: boolean }): string {
  return `- ${r.name}${r.forReport ? ` ${DOCUMENT_FORM.forReport}` : ''};`;
}

export function archiveLine(archive: string): string {
  return `- ${DOCUMENT_FORM.archivePrefix}${archive}.`;
}

/** The closing sentence ending with "./." (added when missing). */
export function withEndMark(closing: string): string {
  const t = closing.trimEnd();
  if (t.endsWith(DOCUMENT_FORM.end)) return t;
  return t.endsWith('.') ? `${t}/.` : `${t}${DOCUMENT_FORM.end}`;
}

/** Splits "a (*thông qua Văn phòng*)" into runs; text between single asterisks is italic. */
export function emphasisRuns(value: string): Array<{ text: string; italic: boolean }> {
  const runs: Array<{ text: string; italic: boolean }> = [];
  const re = /\*([^*]+)\*/g;
  let last = 0;
  for (const m of value.matchAll(re)) {
    if (m.index > last) runs.push({ text: value.slice(last, m.index), italic: false });
    runs.push({ text: m[1]!, italic: true });
    last = m.index + m[0].length;
  }
  if (last < value.length) runs.push({ text: value.slice(last), italic: false });
  return runs;
}

/** Plain text without emphasis marks (search, audit, tests). */
export function plainText(value: string): string {
  return emphasisRuns(value)
    .map((r) => r.text)
    .join('');
}

/** An action's bullet text, with "(Chủ trì: …; Thời hạn: dd/mm/yyyy)" when given. */
export function actionText(action: { text: string; responsible?: string | undefined; deadline?: string | undefined }): string {
  const notes: string[] = [];
  if (action.responsible) notes.push(`${DOCUMENT_FORM.responsible}: ${action.responsible}`);
  if (action.deadline) notes.push(`${DOCUMENT_FORM.deadline}: ${formatDate(action.deadline)}`);
  return notes.length ? `${action.text} (${notes.join('; ')})` : action.text;
}

/**
 * What a user may do with one program (the buttons the web shows), computed by
 * the server with the policies the writes use (server/modules/programs/policy.ts
 * programActionConditions): edit and issue a draft, amend an issued program,
 * derive a unit's own program from it (cụ thể hóa).
 */
export const PROGRAM_ACTIONS = ['edit', 'issue', 'amend', 'derive'] as const;
export type ProgramAction = (typeof PROGRAM_ACTIONS)[number];
