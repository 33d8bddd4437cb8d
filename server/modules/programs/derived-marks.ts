// Cụ thể hóa, the document side: the unit's value in each target sentence, the
// sentences still naming the superior's figures or bodies (marks, kept on the
// program's `derivation` column), the targets not carried, and the issue rule
// (a derived draft with unedited marks is issued only when the user confirms).
// The sentence rules themselves are pure and shared with the web: common/derived-marks.ts.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { presentTarget } from '../indicators/presenter.js';
import {
  bodyNames,
  figureWord,
  figuresOf,
  formatFigure,
  locateMark,
  markSentences,
  openMarks,
  shortSentence,
  textLocations,
  type MarkRules,
  type ProgramDerivation,
  type UncarriedTarget,
} from '../../../common/derived-marks.js';
import type { ProgramContent } from '../../../common/programs.js';
import type { Executor } from '../../db/client.js';
import { targets, type programs } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { AppError } from '../../lib/errors.js';

type ProgramRow = typeof programs.$inferSelect;

/** A target of the superior's program and what the unit gets of it. */
export interface CarriedTarget {
  sourceTargetId: string;
  code: string | null;
  text: string;
  /** The superior's value. */
  parentValue: number;
  /** A total (sum, count): split by allocation, not inherited. */
  total: boolean;
  /** The unit's value: the allocated share, the inherited value, or null when not carried. */
  childValue: number | null;
}

/**
 * Puts several values in place of others at once: each pair takes the first
 * figure equal to `from` not taken by an earlier pair, so that "10 … 01" with
 * 10 → 1 and 1 → 0 does not replace the same figure twice.
 */
export function replaceFigures(text: string, pairs: Array<{ from: number; to: number }>): { text: string; replaced: boolean[] } {
  const figures = figuresOf(text);
  const taken = new Set<number>();
  const edits: Array<{ index: number; length: number; to: string }> = [];
  const replaced = pairs.map(({ from, to }) => {
    const hit = figures.find((f) => f.value === from && !taken.has(f.index));
    if (!hit) return false;
    taken.add(hit.index);
    if (from !== to) edits.push({ index: hit.index, length: hit.token.length, to: formatFigure(to, hit.token) });
    return true;
  });
  let out = text;
  for (const e of edits.sort((a, b) => b.index - a.index)) out = out.slice(0, e.index) + e.to + out.slice(e.index + e.length);
  return { text: out, replaced };
}

/**
 * The child's copy of a superior's target, in the derived program: the same
 * indicator, period and comparator over the child unit, at `value` (the share
 * allocated, or the inherited value); a share keeps the tolerance in
 * proportion. Audited ('target.create', derivedFrom).
 */
export async function insertDerivedTarget(
  tx: Executor,
  actor: Actor,
  t: typeof targets.$inferSelect,
  into: { programId: string; unitId: string },
  carried: CarriedTarget,
) {
  const value = carried.childValue!;
  const tolerance = carried.total && Number(t.value) > 0 ? String((Number(t.tolerance) * value) / Number(t.value)) : t.tolerance;
  const [created] = await tx
    .insert(targets)
    .values({
      indicatorId: t.indicatorId,
      programId: into.programId,
      code: t.code,
      // The unit's value in the target's own sentence too.
      text: carriedTargetText(carried),
      comparator: t.comparator,
      value: String(value),
      unitOfMeasure: t.unitOfMeasure,
      periodFrom: t.periodFrom,
      periodTo: t.periodTo,
      scopeUnitId: into.unitId,
      tolerance,
      stretch: t.stretch,
      whenConditionsAllow: t.whenConditionsAllow,
      sortOrder: t.sortOrder,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'target.create',
    entityType: 'target',
    entityId: created!.id,
    unitId: into.unitId,
    after: { ...presentTarget(created!, []), derivedFrom: t.id },
  });
  return created!;
}

/** The targets of a document sentence: its code, or its code and a letter ("7" → 7a, 7b). */
const belongsTo = (sentenceCode: string, targetCode: string | null) =>
  targetCode !== null && (targetCode === sentenceCode || new RegExp(`^${sentenceCode.replace(/\W/g, '\\$&')}[a-z]$`, 'i').test(targetCode));

/** A carried target's own sentence (targets.text) with the unit's value in place of the superior's. */
export function carriedTargetText(t: CarriedTarget): string {
  if (t.childValue === null || t.childValue === t.parentValue) return t.text;
  return replaceFigures(t.text, [{ from: t.parentValue, to: t.childValue }]).text;
}

/**
 * The document's target sentences with the unit's values, and what the marks
 * need to know: the superior's figures that remain (totals not carried or
 * carried with another value) and the sentences' own reasons.
 */
export function carryIntoSentences(content: ProgramContent, carried: CarriedTarget[]) {
  const figures: MarkRules['figures'] = [];
  const extra: NonNullable<MarkRules['extra']> = [];
  const addFigure = (value: number, ...texts: string[]) => {
    for (const t of texts) {
      const w = figureWord(t, value);
      if (w && !figures.some((f) => f.value === value && f.word === w)) figures.push({ value, word: w });
    }
  };
  const targets = content.targets.map((sentence, i) => {
    const path = `targets.${i}.text`;
    const related = carried.filter((t) => t.total && belongsTo(sentence.code, t.code));
    const changing = related.filter((t) => t.childValue !== null && t.childValue !== t.parentValue);
    const { text, replaced } = replaceFigures(
      sentence.text,
      changing.map((t) => ({ from: t.parentValue, to: t.childValue! })),
    );
    changing.forEach((t, k) => {
      if (!replaced[k]) extra.push({ path, reason: { code: 'value_not_found', text: t.code ?? '', value: t.childValue! } });
    });
    for (const t of related.filter((r) => r.childValue === null)) {
      extra.push({ path, figure: t.parentValue, reason: { code: 'not_carried', text: t.code ?? '' } });
    }
    return { ...sentence, text };
  });
  for (const t of carried) {
    if (!t.total || t.childValue === t.parentValue) continue;
    const sentence = content.targets.find((s) => t.code !== null && belongsTo(s.code, t.code));
    addFigure(t.parentValue, t.text, ...(sentence ? [sentence.text] : []));
  }
  return { targets, figures, extra };
}

/**
 * How the superior speaks: the names of the program's unit and of the child's
 * direct superior that year ("LĐLĐ huyện Vĩnh Thuận", "LĐLĐ huyện", "cấp
 * huyện"), whether the child is a CĐCS, and the superior's count of units.
 */
export async function superiorVoice(tx: Executor, sourceUnitId: string, childUnitId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const names = await queryRows<{ full_name: string; short_name: string }>(
    tx,
    sql`select u.full_name, u.short_name from org_units u where u.id = ${sourceUnitId}::uuid
        union
        select u.full_name, u.short_name from org_unit_paths p join org_units u on u.id = p.ancestor_id
        where p.descendant_id = ${childUnitId}::uuid and p.depth = 1
          and p.valid_from <= ${to}::date and p.valid_to >= ${from}::date`,
  );
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`select count(distinct p.descendant_id)::int as n from org_unit_paths p
        where p.ancestor_id = ${sourceUnitId}::uuid and p.depth = 1
          and p.valid_from <= ${from}::date and p.valid_to >= ${from}::date`,
  );
  const [child] = await queryRows<{ kind: string }>(tx, sql`select kind from org_units where id = ${childUnitId}::uuid`);
  return {
    bodies: bodyNames(names.flatMap((n) => [n.full_name, n.short_name])),
    grassroots: child?.kind === 'grassroots_union',
    unitCount: Number(count?.n ?? 0),
  };
}

/**
 * The derivation kept on a derived draft: its content's marks (the citation of
 * the superior's program, legalBasis.0, and the unit's own responsibilities are
 * the unit's words) and the targets not carried.
 */
export function deriveMarks(
  content: ProgramContent,
  voice: Awaited<ReturnType<typeof superiorVoice>>,
  carry: ReturnType<typeof carryIntoSentences>,
  source: { programId: string; unitId: string },
  uncarried: UncarriedTarget[],
): ProgramDerivation {
  const unitFigures = voice.unitCount > 0 ? ['công', 'CĐCS', 'đơn'].map((w) => ({ value: voice.unitCount, word: w })) : [];
  const marks = markSentences(content, {
    bodies: voice.bodies,
    grassroots: voice.grassroots,
    figures: [...carry.figures, ...unitFigures],
    extra: carry.extra,
    skip: (path) => path === 'legalBasis.0' || path.startsWith('organisation.'),
  });
  return { sourceProgramId: source.programId, sourceUnitId: source.unitId, marks, uncarriedTargets: uncarried };
}

/** The derivation as the API shows it: each mark open or not (edited), and how many are open. */
export function presentDerivation(row: Pick<ProgramRow, 'derivation' | 'content'>) {
  const d = row.derivation;
  if (!d) return null;
  const open = new Set(openMarks(row.content, d.marks));
  return { ...d, marks: d.marks.map((m) => ({ ...m, open: open.has(m) })), openMarkCount: open.size };
}

/**
 * Ban hành: a derived draft with marked sentences not yet edited is refused
 * (409 PROGRAM_UNRESOLVED_MARKS, listing them, each on its field) unless the
 * user confirms issuing anyway.
 */
export function requireMarksResolved(program: Pick<ProgramRow, 'derivation' | 'content'>, confirmed: boolean | undefined): void {
  const marks = program.derivation?.marks ?? [];
  if (confirmed || marks.length === 0) return;
  const open = openMarks(program.content, marks);
  if (open.length === 0) return;
  const locations = textLocations(program.content);
  const listed = open.slice(0, 5).map((m) => `«${shortSentence(m.sentence)}»`);
  if (open.length > listed.length) listed.push('…');
  throw new AppError(
    'PROGRAM_UNRESOLVED_MARKS',
    { count: open.length, sentences: listed.join('; ') },
    {
      fields: open.map((m) => ({
        field: `content.${locateMark(program.content, m, locations)}`,
        messageKey: 'derivedMarks.unresolvedField',
        params: { sentence: shortSentence(m.sentence) },
      })),
    },
  );
}
