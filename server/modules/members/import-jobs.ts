// Background work of the members' Excel import (validation, import): run after
// the request answered, tracked in this process so that status reads can show
// the import's progress (the import runs in one transaction, whose writes no
// other connection sees — and PGlite has only one connection), tell a running
// job from one a restart interrupted, and so that shutdown can wait for them.

const running = new Map<string, Promise<void>>();
const progress = new Map<string, number>();
/** The status when the import started, served while its transaction holds the (PGlite) connection. */
const snapshots = new Map<string, { ownerId: string; locale: string; status: unknown }>();

/** Runs job on a later tick; a job handles its own failures (state 'failed'), this only logs what escapes. */
export function runImportJob(importId: string, job: () => Promise<void>): void {
  const done = new Promise<void>((resolve) => setImmediate(resolve))
    .then(job)
    .catch((err: unknown) => {
      console.error(`member import ${importId}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    })
    .finally(() => {
      running.delete(importId);
      progress.delete(importId);
      snapshots.delete(importId);
    });
  running.set(importId, done);
}

export function isImportJobRunning(importId: string): boolean {
  return running.has(importId);
}

/** Progress (0..100) of a running import, kept in memory. */
export function setImportProgress(importId: string, value: number): void {
  progress.set(importId, Math.max(0, Math.min(100, Math.round(value))));
}

export function importProgress(importId: string): number | undefined {
  return progress.get(importId);
}

export function setImportSnapshot(importId: string, snapshot: { ownerId: string; locale: string; status: unknown }): void {
  snapshots.set(importId, snapshot);
}

export function importSnapshot(importId: string): { ownerId: string; locale: string; status: unknown } | undefined {
  return running.has(importId) ? snapshots.get(importId) : undefined;
}

/** Resolves when every job started so far has finished (shutdown, tests, benchmarks). */
export async function waitForImportJobs(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}
