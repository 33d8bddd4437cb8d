import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { diffMeasuredTargets, diffProgramContent, type MeasuredTarget, type ProgramChanges } from '../../../common/program-diff.js';
import { formatDocumentNumber } from '../../../common/programs.js';
import type { Executor } from '../../db/client.js';
import { programs, targets } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramVisible, visiblePrograms } from './policy.js';
import { auditProgram } from './presenter.js';

/**
 * All versions of the program `id` belongs to, oldest first: the chain of
 * previous_version_id links through `id` (each version is its own document
 * with its own number, so the chain, not the number, ties them together).
 * The change summary of an issued version is the one stored on its row when
 * it was issued (programs.change_summary); a draft's is computed against the
 * version it amends.
 */
export async function listProgramVersions(db: Executor, actor: Actor, id: string) {
  const found = await findProgram(db, id);
  if (!found) throw programNotFound(actor);
  const p = found.program;
  await requireProgramVisible(db, actor, p);
  const ids = await versionChainIds(db, p.id);
  const rows = await db
    .select()
    .from(programs)
    .where(
      and(
        inArray(programs.id, ids),
        // A program issued above the caller's unit shows its issued versions only.
        visiblePrograms(actor, programs),
      ),
    )
    .orderBy(asc(programs.version));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = [];
  for (const row of rows) {
    const previous = row.previousVersionId ? byId.get(row.previousVersionId) : undefined;
    let changes: ProgramChanges | null = null;
    if (row.changeSummary) changes = row.changeSummary;
    else if (previous) changes = await versionChangesWithTargets(db, previous, row);
    out.push({
      id: row.id,
      version: row.version,
      status: row.status as 'draft' | 'issued' | 'superseded',
      issuedOn: toDateOnly(row.issuedOn),
      documentNumber: formatDocumentNumber(row.number, row.symbol),
      changes,
    });
  }
  return out;
}

type ProgramRow = typeof programs.$inferSelect;

/** Header fields compared between versions (the key fields never change; each version has its own date). */
const HEADER_FIELDS = [
  'symbol',
  'place',
  'title',
  'superiorBodyName',
  'issuingBodyName',
  'signatureAuthority',
  'signerTitle',
  'signerName',
] as const;

/** What changed from one version to the next. */
export function versionChanges(previous: ProgramRow, next: ProgramRow): ProgramChanges {
  const pick = (r: ProgramRow) => {
    const a = auditProgram(r) as Record<string, unknown>;
    return Object.fromEntries(HEADER_FIELDS.map((k) => [k, a[k]]));
  };
  return diffProgramContent(previous.content, next.content, { before: pick(previous), after: pick(next) });
}

/** Ids of every version in the chain through `id` (its first version, then each newer one). */
export async function versionChainIds(db: Executor, id: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive up as (
          select id, previous_version_id from programs where id = ${id}::uuid
          union all
          select p.id, p.previous_version_id from programs p join up on p.id = up.previous_version_id
        ), down as (
          select id from up where previous_version_id is null
          union all
          select p.id from programs p join down on p.previous_version_id = down.id
        )
        select id from down`,
  );
  return rows.map((r) => r.id);
}

/** Measured targets in use of a program version, as compared between versions. */
async function measuredTargets(db: Executor, programId: string): Promise<MeasuredTarget[]> {
  const rows = await db
    .select()
    .from(targets)
    .where(and(eq(targets.programId, programId), isNull(targets.archivedAt)))
    .orderBy(asc(targets.sortOrder), asc(targets.code));
  return rows.map((t) => ({
    id: t.id,
    previousTargetId: t.previousTargetId,
    code: t.code,
    text: t.text,
    comparator: t.comparator,
    value: Number(t.value),
    tolerance: Number(t.tolerance),
  }));
}

/** What changed from one version to the next, with the measured targets (value, comparator, tolerance, sentence). */
export async function versionChangesWithTargets(db: Executor, previous: ProgramRow, next: ProgramRow): Promise<ProgramChanges> {
  const measured = diffMeasuredTargets(await measuredTargets(db, previous.id), await measuredTargets(db, next.id));
  return { ...versionChanges(previous, next), measured };
}
