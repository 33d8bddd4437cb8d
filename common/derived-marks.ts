// Cụ thể hóa (derived programs): a unit's draft copied from its superior's
// program still speaks with the superior's voice — its figures ("Có 15 công
// đoàn cơ sở…"), its bodies ("Ban Chấp hành LĐLĐ huyện ban hành…") and the
// set of units below it ("các công đoàn cơ sở"). These pure functions find such
// sentences (marks), put a unit's own value into a target sentence, and tell
// which marks are still open: a mark is open while its sentence stands in the
// document word for word, and clears as soon as the user edits it. Shared by
// the server (derive, issue) and the web editor (highlights while typing).
import { z } from 'zod';
import type { ProgramContent } from './programs.js';

/** Why a sentence is marked. */
export const MARK_REASONS = [
  /** A figure of the superior (a total target or a count of its units): "10 đoàn viên". */
  'parent_figure',
  /** A body of the superior: "LĐLĐ huyện", "Ban Chấp hành LĐLĐ huyện", "cấp huyện". */
  'parent_body',
  /** The units below the superior, as a set: "các công đoàn cơ sở", "100% CĐCS trực thuộc". */
  'parent_units',
  /** A target of the sentence that could not be carried to the unit (no allocation). */
  'not_carried',
  /** The unit's value of a target, which the sentence does not show (its figure was not found). */
  'value_not_found',
] as const;
export type MarkReasonCode = (typeof MARK_REASONS)[number];

export const MarkReason = z.object({
  code: z.enum(MARK_REASONS),
  /** What was found (the phrase or figure), or the target code for not_carried / value_not_found. */
  text: z.string(),
  /** The unit's value (value_not_found). */
  value: z.number().optional(),
});
export type MarkReason = z.infer<typeof MarkReason>;

/** A sentence of a derived draft to be fixed by the user. */
export const DerivedMark = z.object({
  /** Where it stood when the draft was derived ("targets.8.text", "legalBasis.1"); the sentence is what counts. */
  path: z.string(),
  /** The sentence as it was derived; the mark clears once it no longer stands in the document. */
  sentence: z.string(),
  reasons: z.array(MarkReason).min(1),
});
export type DerivedMark = z.infer<typeof DerivedMark>;

/** Why a target of the superior's program was not carried to the unit. */
export const UNCARRIED_REASONS = ['not_allocated'] as const;

/** A target of the superior's program the derived draft could not carry. */
export const UncarriedTarget = z.object({
  sourceTargetId: z.uuid(),
  code: z.string().nullable(),
  text: z.string(),
  value: z.number(),
  reason: z.enum(UNCARRIED_REASONS),
});
export type UncarriedTarget = z.infer<typeof UncarriedTarget>;

/** What the derivation left for the user, kept on the derived program (programs.derivation). */
export const ProgramDerivation = z.object({
  sourceProgramId: z.uuid(),
  /** The superior's unit (whoever may allocate its targets). */
  sourceUnitId: z.uuid(),
  marks: z.array(DerivedMark),
  uncarriedTargets: z.array(UncarriedTarget),
});
export type ProgramDerivation = z.infer<typeof ProgramDerivation>;

/** A text of the document and its path in the content ("taskGroups.1.actions.0.text"). */
export interface TextLocation {
  path: string;
  text: string;
}

/** Every free text of the document body a sentence may stand in (headings and recipients aside). */
export function textLocations(content: ProgramContent): TextLocation[] {
  const out: TextLocation[] = [];
  const add = (path: string, text: unknown) => {
    if (typeof text === 'string' && text.length > 0) out.push({ path, text });
  };
  (content.context ?? []).forEach((t, i) => add(`context.${i}`, t));
  (content.legalBasis ?? []).forEach((t, i) => add(`legalBasis.${i}`, t));
  add('theme', content.theme);
  (content.targets ?? []).forEach((t, i) => add(`targets.${i}.text`, t?.text));
  (content.taskGroups ?? []).forEach((g, gi) => {
    add(`taskGroups.${gi}.title`, g?.title);
    (g?.paragraphs ?? []).forEach((p, pi) => {
      add(`taskGroups.${gi}.paragraphs.${pi}.text`, p?.text);
      (p?.bullets ?? []).forEach((b, bi) => add(`taskGroups.${gi}.paragraphs.${pi}.bullets.${bi}`, b));
    });
    (g?.actions ?? []).forEach((a, ai) => add(`taskGroups.${gi}.actions.${ai}.text`, a?.text));
  });
  (content.organisation ?? []).forEach((o, oi) => {
    add(`organisation.${oi}.actor`, o?.actor);
    (o?.duties ?? []).forEach((d, di) => add(`organisation.${oi}.duties.${di}`, d));
  });
  add('closing', content.closing);
  return out;
}

/** Sentences of a text: a break after ".", "!", "?" or ":" followed by a capital letter. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

// A number standing alone (not a part of a date, a document number or a range): "15", "02", "1,5".
const NUMBER = /(?<![\p{L}\p{N}/.,\-–])(?<![-–/]\s)(\d+(?:[.,]\d+)*)(?![\p{N}/\-–]|[.,]\d|\s[-–]\s?\d)/gu;

/** The value of a figure as written: "02" → 2, "1,5" → 1.5, "1.000" → 1000. */
export function parseFigure(token: string): number {
  if (/^\d{1,3}(\.\d{3})+$/.test(token)) return Number(token.replaceAll('.', ''));
  return Number(token.replace(',', '.'));
}

/** A value as a document writes it, in the style of the figure it replaces ("15" → "01", "02" → "03"). */
export function formatFigure(value: number, like: string): string {
  if (!Number.isInteger(value)) return String(Math.round(value * 100) / 100).replace('.', ',');
  return value >= 0 && value < 10 && like.length >= 2 ? `0${value}` : String(value);
}

/** The figures of a text, with where they stand. */
export function figuresOf(text: string): Array<{ token: string; value: number; index: number }> {
  return [...text.matchAll(NUMBER)].map((m) => ({ token: m[1]!, value: parseFigure(m[1]!), index: m.index }));
}

/**
 * Puts a unit's value in place of the superior's in a sentence: the first
 * figure equal to `from` (not a percentage's unless the value is one) becomes
 * `to`, written in the same style. `replaced` is false when no such figure stands.
 */
export function replaceFigure(text: string, from: number, to: number): { text: string; replaced: boolean } {
  const hit = figuresOf(text).find((f) => f.value === from);
  if (!hit) return { text, replaced: false };
  if (from === to) return { text, replaced: true };
  return {
    text: text.slice(0, hit.index) + formatFigure(to, hit.token) + text.slice(hit.index + hit.token.length),
    replaced: true,
  };
}

/** The word after the figure equal to `value` ("Có 15 công đoàn…", 15 → "công"), or null. */
export function figureWord(text: string, value: number): string | null {
  const hit = figuresOf(text).find((f) => f.value === value);
  if (!hit) return null;
  const after = /^\s+([\p{L}\p{N}]+)/u.exec(text.slice(hit.index + hit.token.length));
  return after ? after[1]! : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu');

// The set of grassroots unions below a superior, named in its program: wrong in a CĐCS's own program.
const CDCS = '(?:công đoàn (?:cấp )?cơ sở|CĐCS)';
const UNITS_PATTERNS = [
  `\\d+(?:[.,]\\d+)?\\s*%\\s*(?:trở lên\\s+)?(?:số\\s+)?(?:Chủ tịch\\s+)?${CDCS}`,
  `\\d+\\s+${CDCS}`,
  `các ${CDCS}`,
  `mỗi ${CDCS}`,
  `${CDCS} trực thuộc`,
  `(?:các )?đơn vị trực thuộc`,
  `các đơn vị`,
];

/** What marks a sentence of a unit's program derived from its superior's. */
export interface MarkRules {
  /** Names of the superior's bodies ("LĐLĐ huyện", "Liên đoàn Lao động huyện", "cấp huyện"), whole words, any case. */
  bodies: string[];
  /** The unit is a CĐCS: sentences about the set of CĐCS ("các công đoàn cơ sở") are the superior's. */
  grassroots: boolean;
  /** The superior's figures with the word after them ("15 công", "10 đoàn"): its total targets and unit counts. */
  figures: Array<{ value: number; word: string }>;
  /** Reasons for the sentence of a text holding a figure (or its first sentence), e.g. a target not carried. */
  extra?: Array<{ path: string; figure?: number; reason: MarkReason }>;
  /** Texts left alone (the citation of the superior's program, the unit's own responsibilities). */
  skip?: (path: string) => boolean;
}

/** The sentences of a derived draft that still name the superior's figures or bodies, with why. */
export function markSentences(content: ProgramContent, rules: MarkRules): DerivedMark[] {
  // Longer names first, so that "LĐLĐ huyện Vĩnh Thuận" is reported whole rather than as "LĐLĐ huyện".
  const bodies = rules.bodies
    .map((b) => b.normalize('NFC').trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const bodyRe = bodies.length ? word(bodies.map(escape).join('|')) : null;
  const unitsRe = rules.grassroots ? word(UNITS_PATTERNS.join('|')) : null;
  const figureRes = rules.figures.map((f) => ({
    ...f,
    re: word(`0*${escape(String(f.value))}\\s+${escape(f.word.normalize('NFC'))}`),
  }));
  const marks: DerivedMark[] = [];
  for (const loc of textLocations(content)) {
    if (rules.skip?.(loc.path)) continue;
    const sentences = splitSentences(loc.text.normalize('NFC'));
    const reasons = sentences.map(() => [] as MarkReason[]);
    const push = (i: number, r: MarkReason) => {
      if (!reasons[i]!.some((x) => x.code === r.code && x.text === r.text)) reasons[i]!.push(r);
    };
    sentences.forEach((s, i) => {
      for (const m of bodyRe ? s.matchAll(bodyRe) : []) push(i, { code: 'parent_body', text: m[0] });
      for (const m of unitsRe ? s.matchAll(unitsRe) : []) push(i, { code: 'parent_units', text: m[0] });
      for (const f of figureRes) for (const m of s.matchAll(f.re)) push(i, { code: 'parent_figure', text: m[0] });
    });
    for (const e of rules.extra ?? []) {
      if (e.path !== loc.path || sentences.length === 0) continue;
      const at = e.figure === undefined ? -1 : sentences.findIndex((s) => figuresOf(s).some((f) => f.value === e.figure));
      push(at >= 0 ? at : 0, e.reason);
    }
    sentences.forEach((sentence, i) => {
      if (reasons[i]!.length) marks.push({ path: loc.path, sentence, reasons: reasons[i]! });
    });
  }
  return marks;
}

/** Where a marked sentence stands now (the first text holding it), or null once it was edited. */
export function locateMark(
  content: ProgramContent,
  mark: Pick<DerivedMark, 'sentence'>,
  locations = textLocations(content),
): string | null {
  return locations.find((l) => l.text.normalize('NFC').includes(mark.sentence))?.path ?? null;
}

/** The marks whose sentence still stands word for word (not yet fixed by the user). */
export function openMarks<M extends Pick<DerivedMark, 'sentence'>>(content: ProgramContent, marks: readonly M[]): M[] {
  const locations = textLocations(content);
  return marks.filter((m) => locateMark(content, m, locations) !== null);
}

/** The marks standing in one text (an editor field's value). */
export function marksInText<M extends Pick<DerivedMark, 'sentence'>>(text: string | undefined, marks: readonly M[]): M[] {
  if (!text) return [];
  const t = text.normalize('NFC');
  return marks.filter((m) => t.includes(m.sentence));
}

/** A sentence cut for a list or a message: "Có 01 công đoàn cơ sở tổ chức các hoạt động…". */
export function shortSentence(sentence: string, max = 80): string {
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Names of a superior's bodies from its unit's names: the names themselves and
 * their generic part up to the level's word ("LĐLĐ huyện Vĩnh Thuận" →
 * "LĐLĐ huyện"), and the level itself ("cấp huyện").
 */
export function bodyNames(names: string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.normalize('NFC').trim();
    if (!name) continue;
    out.add(name);
    const m = /^(.*?(?<![\p{L}])(huyện|tỉnh|thị xã|thành phố|quận|thị trấn))(?![\p{L}])/iu.exec(name);
    if (m && m[1]!.trim() !== m[2]) {
      out.add(m[1]!.trim());
      out.add(`cấp ${m[2]!.toLocaleLowerCase('vi')}`);
    }
  }
  return [...out];
}
