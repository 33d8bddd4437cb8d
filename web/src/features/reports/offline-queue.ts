// What a chair typed in a report form and the server has not taken yet (chưa
// gửi được): kept in the browser's localStorage, keyed by period and unit, so
// a dropped connection or a closed tab loses nothing. The form writes here on
// every change and removes the copy once the server has saved exactly that
// copy (compare-and-remove on `typedAt`, so edits typed while a save was in
// flight stay queued). When the connection is back, sendPendingDrafts sends
// every copy (docs/reporting.md "The form").
import type { ReportValueLike } from '../../../../common/report-values';

export interface DraftContent {
  /** By data element id. */
  values: Record<string, ReportValueLike>;
  /** By task group number ("1".."9"). */
  narratives: Record<string, string>;
  difficulties: string | null;
}

export interface PendingDraft extends DraftContent {
  periodId: string;
  unitId: string;
  /** Null until the first save created the report. */
  reportId: string | null;
  /** The report's rowVersion the edits were typed on (null: not created yet). */
  baseVersion: number | null;
  /** When the last edit was typed (ISO), the copy's identity for compare-and-remove. */
  typedAt: string;
  /** Why the last attempt did not go through: 'offline' (no connection), 'stale' (someone else saved), 'refused' (the server refused a value). */
  problem: 'offline' | 'stale' | 'refused' | null;
}

/** The part of Storage the queue needs (localStorage in the browser, a map in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'congdoan.reportDraft.';

export const draftKey = (periodId: string, unitId: string) => `${PREFIX}${periodId}:${unitId}`;

function parse(raw: string | null): PendingDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as PendingDraft;
    return d && typeof d.periodId === 'string' && typeof d.unitId === 'string' && d.values && typeof d.values === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function createDraftQueue(storage: DraftStorage) {
  return {
    get(periodId: string, unitId: string): PendingDraft | null {
      return parse(storage.getItem(draftKey(periodId, unitId)));
    },
    /** Keeps the copy; false when the browser refused (storage full or disabled). */
    put(draft: PendingDraft): boolean {
      try {
        storage.setItem(draftKey(draft.periodId, draft.unitId), JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    /** Marks why the copy is still here, unless it was replaced meanwhile. */
    mark(periodId: string, unitId: string, typedAt: string, problem: PendingDraft['problem']): void {
      const current = this.get(periodId, unitId);
      if (current && current.typedAt === typedAt) this.put({ ...current, problem });
    },
    /** Removes the copy only if it is still the one that was sent (nothing newer was typed meanwhile). */
    settle(periodId: string, unitId: string, typedAt: string, saved?: { reportId: string; rowVersion: number }): boolean {
      const current = this.get(periodId, unitId);
      if (!current) return true;
      if (current.typedAt === typedAt) {
        storage.removeItem(draftKey(periodId, unitId));
        return true;
      }
      // Newer edits stay queued, now based on the version just saved.
      if (saved) this.put({ ...current, reportId: saved.reportId, baseVersion: saved.rowVersion });
      return false;
    },
    discard(periodId: string, unitId: string): void {
      storage.removeItem(draftKey(periodId, unitId));
    },
    list(): PendingDraft[] {
      const out: PendingDraft[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(PREFIX)) {
          const d = parse(storage.getItem(key));
          if (d) out.push(d);
        }
      }
      return out.sort((a, b) => a.typedAt.localeCompare(b.typedAt));
    },
  };
}

export type DraftQueue = ReturnType<typeof createDraftQueue>;

/** The body of PUT …/report for a queued copy (SaveReportBody). */
export function saveBodyOf(draft: PendingDraft) {
  return {
    values: Object.entries(draft.values).map(([dataElementId, v]) => ({
      dataElementId,
      number: v.number ?? null,
      bool: v.bool ?? null,
      text: v.text ?? null,
      notApplicable: Boolean(v.notApplicable),
      notApplicableReason: v.notApplicableReason ?? null,
    })),
    narratives: Object.fromEntries(Object.entries(draft.narratives).filter(([, text]) => text.trim() !== '')),
    difficulties: draft.difficulties && draft.difficulties.trim() !== '' ? draft.difficulties : null,
    expectedVersion: draft.baseVersion,
  };
}

/** What a send attempt came to: saved (with the report's new version), or kept with the reason. */
export type SendOutcome =
  | { kind: 'saved'; reportId: string; rowVersion: number }
  | { kind: 'offline' }
  | { kind: 'stale'; message: string }
  | { kind: 'refused'; message: string; fields: { field: string; message: string }[] };

/** Turns a save's result or error into an outcome: status 0 = no connection, 409 = saved by someone else meanwhile. */
export function outcomeOfError(error: unknown): SendOutcome {
  const e = error as { status?: number; code?: string; message?: string; fields?: { field: string; message: string }[] };
  if (e?.status === 0 || e?.status === undefined) return { kind: 'offline' };
  if (e.status === 409 && e.code === 'STALE_WRITE') return { kind: 'stale', message: e.message ?? '' };
  return { kind: 'refused', message: e.message ?? '', fields: e.fields ?? [] };
}

/**
 * Sends one queued copy and settles the queue by the outcome: removed when
 * saved (unless newer edits arrived), kept and marked otherwise.
 */
export async function sendDraft(
  queue: DraftQueue,
  draft: PendingDraft,
  save: (draft: PendingDraft) => Promise<{ id: string | null; rowVersion: number | null }>,
): Promise<SendOutcome> {
  let outcome: SendOutcome;
  try {
    const saved = await save(draft);
    outcome = { kind: 'saved', reportId: saved.id ?? '', rowVersion: saved.rowVersion ?? 1 };
  } catch (error) {
    outcome = outcomeOfError(error);
  }
  if (outcome.kind === 'saved') queue.settle(draft.periodId, draft.unitId, draft.typedAt, outcome);
  else queue.mark(draft.periodId, draft.unitId, draft.typedAt, outcome.kind);
  return outcome;
}

/** Sends every queued copy once (oldest first); stops at the first 'offline' (the connection is still down). */
export async function sendPendingDrafts(
  queue: DraftQueue,
  save: (draft: PendingDraft) => Promise<{ id: string | null; rowVersion: number | null }>,
): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const draft of queue.list()) {
    if (draft.problem === 'stale' || draft.problem === 'refused') continue; // waits for the chair to look at it in the form
    const outcome = await sendDraft(queue, draft, save);
    outcomes.push(outcome);
    if (outcome.kind === 'offline') break;
  }
  return outcomes;
}

/** The form's content: the server's, with the browser's unsent copy on top when there is one. */
export function mergeWithPending(server: DraftContent, pending: PendingDraft | null): DraftContent {
  if (!pending) return server;
  return {
    values: { ...server.values, ...pending.values },
    narratives: { ...server.narratives, ...pending.narratives },
    difficulties: pending.difficulties,
  };
}
