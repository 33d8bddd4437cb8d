// Who may use the members' Excel import, and reading one's own imports.
import { and, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { memberImports } from '../../db/schema/index.js';
import { hasAnyRole, isSystemAdmin, type Actor } from '../../lib/access.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { isImportJobRunning } from './import-jobs.js';

/** An import left 'validating' or 'importing' this long without a job is treated as failed (server restart). */
export const STALE_IMPORT_MS = 30 * 60_000;

/** The template needs manageMembers somewhere. */
export function requireMemberImporter(actor: Actor): void {
  if (!hasAnyRole(actor, PERMISSIONS.manageMembers)) throw forbidden();
}

/**
 * Uploading and committing an import: manageMembers in an assignment in force.
 * The write rule itself is applied ROW BY ROW, exactly as for a single
 * admission: each row's unit must be held by the caller on that row's
 * admission date (import-validate.ts checkHeld → access.ts heldOn). So an
 * officer of a federation that has ended may still import the history of the
 * time it held its units (as it may admit one member back-dated), and every
 * row dated after that is refused with "unitNotHeldOn"; nothing is decided by
 * what the caller holds today.
 */
export async function requireMemberImportWriter(_db: Executor, actor: Actor): Promise<void> {
  requireMemberImporter(actor);
}

/** Only the user who uploaded the file, or a system administrator, sees an import (others: 404). */
export function ownImport(actor: Actor, id: string): SQL {
  return isSystemAdmin(actor) ? eq(memberImports.id, id) : and(eq(memberImports.id, id), eq(memberImports.userId, actor.userId))!;
}

/**
 * Marks the import failed when a restart interrupted its job: still
 * 'validating'/'importing', no job in this process, untouched for 30 minutes.
 */
export async function failIfInterrupted(db: Executor, id: string, now: Date = new Date()): Promise<void> {
  if (isImportJobRunning(id)) return;
  await db
    .update(memberImports)
    .set({ state: 'failed', fileError: { code: 'interrupted' }, updatedAt: now })
    .where(
      and(
        eq(memberImports.id, id),
        inArray(memberImports.state, ['validating', 'importing']),
        lt(memberImports.updatedAt, new Date(now.getTime() - STALE_IMPORT_MS)),
      ),
    );
}

/**
 * At start-up (server/main.ts): no job of this process is running yet, so an
 * import still 'validating' or 'importing' was cut off by a crash or restart.
 * It is marked failed with a message; one cut off while importing (its one
 * transaction rolled back, nothing written, its checked rows still stored)
 * can be committed again (import-commit.ts). Returns how many were marked.
 */
export async function recoverInterruptedImports(db: Executor, now: Date = new Date()): Promise<number> {
  const importing = await db
    .update(memberImports)
    .set({ state: 'failed', fileError: { code: 'interruptedImport' }, updatedAt: now })
    .where(eq(memberImports.state, 'importing'))
    .returning({ id: memberImports.id });
  const validating = await db
    .update(memberImports)
    .set({ state: 'failed', fileError: { code: 'interrupted' }, updatedAt: now })
    .where(eq(memberImports.state, 'validating'))
    .returning({ id: memberImports.id });
  return importing.length + validating.length;
}

/** The import's row without its stored sheet, or 404. */
export async function loadImport(db: Executor, actor: Actor, id: string) {
  await failIfInterrupted(db, id);
  const [row] = await db
    .select({
      id: memberImports.id,
      userId: memberImports.userId,
      fileName: memberImports.fileName,
      state: memberImports.state,
      fileError: memberImports.fileError,
    })
    .from(memberImports)
    .where(ownImport(actor, id));
  if (!row) throw notFound();
  return row;
}

/** Marks an import failed after its background job threw (nothing of it was written: the job is one transaction). */
export async function markImportFailed(db: Executor, id: string): Promise<void> {
  await db
    .update(memberImports)
    .set({ state: 'failed', fileError: { code: 'failed' }, updatedAt: new Date() })
    .where(eq(memberImports.id, id))
    .catch(() => undefined);
}
