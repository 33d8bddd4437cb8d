// What changed between two versions of a program's content (sửa đổi, bổ sung):
// kept in the audit entry when an amendment is issued and shown in the versions panel.
import { z } from 'zod';
import type { ProgramContent } from './programs.js';

/** Content sections compared as a whole (targets and task groups are compared item by item). */
export const PROGRAM_SECTIONS = ['context', 'legalBasis', 'headings', 'theme', 'organisation', 'closing', 'recipients', 'archive'] as const;
export type ProgramSection = (typeof PROGRAM_SECTIONS)[number];

const ItemChanges = <T extends z.ZodType>(key: T) =>
  z.object({
    added: z.array(key),
    removed: z.array(key),
    edited: z.array(key),
    /** The items kept appear in a different order. */
    reordered: z.boolean(),
  });

export const ProgramChanges = z
  .object({
    /** Header fields (number, title, signer…) that changed. */
    header: z.array(z.string()),
    sections: z.array(z.enum(PROGRAM_SECTIONS)),
    /** Targets (chỉ tiêu) by code. */
    targets: ItemChanges(z.string()),
    /** Task groups (nhóm nhiệm vụ) by number. */
    taskGroups: ItemChanges(z.number().int()),
    /** The measured targets of the indicator engine (value, comparator, tolerance, sentence); absent in summaries made before. */
    measured: z.array(z.lazy(() => MeasuredTargetChange)).optional(),
  })
  .meta({ id: 'ProgramChanges' });
export type ProgramChanges = z.infer<typeof ProgramChanges>;

/** A measured target as compared between versions. */
export interface MeasuredTarget {
  id: string;
  /** The target of the previous version it continues. */
  previousTargetId: string | null;
  code: string | null;
  text: string;
  comparator: string;
  value: number;
  tolerance: number;
}

export const MEASURED_FIELDS = ['value', 'comparator', 'tolerance', 'text'] as const;
const MeasuredSnapshot = z.object({ comparator: z.string(), value: z.number(), tolerance: z.number(), text: z.string() });

/** One measured target added, retired or edited by an amendment. */
export const MeasuredTargetChange = z.object({
  code: z.string().nullable(),
  change: z.enum(['added', 'retired', 'edited']),
  fields: z.array(z.enum(MEASURED_FIELDS)),
  before: MeasuredSnapshot.nullable(),
  after: MeasuredSnapshot.nullable(),
});
export type MeasuredTargetChange = z.infer<typeof MeasuredTargetChange>;

const snapshot = (t: MeasuredTarget) => ({ comparator: t.comparator, value: t.value, tolerance: t.tolerance, text: t.text });

/** Measured targets of a new version against the previous one, matched by the previous_target_id link. */
export function diffMeasuredTargets(before: MeasuredTarget[], after: MeasuredTarget[]): MeasuredTargetChange[] {
  const continued = new Map(after.filter((t) => t.previousTargetId).map((t) => [t.previousTargetId!, t]));
  const old = new Set(before.map((t) => t.id));
  const out: MeasuredTargetChange[] = [];
  for (const b of before) {
    const a = continued.get(b.id);
    if (!a) {
      out.push({ code: b.code, change: 'retired', fields: [], before: snapshot(b), after: null });
      continue;
    }
    const fields = MEASURED_FIELDS.filter((f) => a[f] !== b[f]);
    if (fields.length) out.push({ code: a.code, change: 'edited', fields, before: snapshot(b), after: snapshot(a) });
  }
  for (const a of after) {
    if (!a.previousTargetId || !old.has(a.previousTargetId))
      out.push({ code: a.code, change: 'added', fields: [], before: null, after: snapshot(a) });
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function diffItems<K extends string | number, T>(before: T[], after: T[], key: (item: T) => K) {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  return {
    added: [...now.keys()].filter((k) => !old.has(k)),
    removed: [...old.keys()].filter((k) => !now.has(k)),
    edited: [...now.keys()].filter((k) => old.has(k) && !same(old.get(k), now.get(k))),
    reordered: !same(
      [...old.keys()].filter((k) => now.has(k)),
      [...now.keys()].filter((k) => old.has(k)),
    ),
  };
}

/**
 * The sections, targets (matched by code) and task groups (matched by number)
 * added, removed or edited from `before` to `after`, and the header fields
 * that changed when both headers are given.
 */
export function diffProgramContent(
  before: ProgramContent,
  after: ProgramContent,
  headers?: { before: Record<string, unknown>; after: Record<string, unknown> },
): ProgramChanges {
  const header = headers ? Object.keys(headers.after).filter((k) => !same(headers.before[k], headers.after[k])) : [];
  return {
    header,
    sections: PROGRAM_SECTIONS.filter((s) => !same(before[s], after[s])),
    targets: diffItems(before.targets, after.targets, (t) => t.code),
    taskGroups: diffItems(before.taskGroups, after.taskGroups, (g) => g.number),
  };
}

/** True when nothing changed at all. */
export function isUnchanged(c: ProgramChanges): boolean {
  return (
    c.header.length === 0 &&
    c.sections.length === 0 &&
    [c.targets, c.taskGroups].every((x) => x.added.length + x.removed.length + x.edited.length === 0 && !x.reordered) &&
    (c.measured ?? []).length === 0
  );
}
