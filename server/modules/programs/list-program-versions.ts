import { and, asc, eq } from 'drizzle-orm';
import { diffProgramContent, type ProgramChanges } from '../../../common/program-diff.js';
import type { Executor } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { toDateOnly } from '../../db/sql.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramVisible, visiblePrograms } from './policy.js';
import { auditProgram } from './presenter.js';

/**
 * All versions of the program `id` belongs to, oldest first. Versions share
 * the unit, year, kind and number of the first one (only first versions claim
 * a number), so they are exactly the rows with that key. The change summary
 * of an issued version is the one stored on its row when it was issued
 * (programs.change_summary); a draft's is computed against the version it amends.
 */
export async function listProgramVersions(db: Executor, actor: Actor, id: string) {
  const found = await findProgram(db, id);
  if (!found) throw programNotFound(actor);
  const p = found.program;
  await requireProgramVisible(db, actor, p);
  const rows = await db
    .select()
    .from(programs)
    .where(
      and(
        eq(programs.unitId, p.unitId),
        eq(programs.year, p.year),
        eq(programs.kind, p.kind),
        eq(programs.number, p.number),
        // A program issued above the caller's unit shows its issued versions only.
        visiblePrograms(actor, programs),
      ),
    )
    .orderBy(asc(programs.version));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((row) => {
    const previous = row.previousVersionId ? byId.get(row.previousVersionId) : undefined;
    let changes: ProgramChanges | null = null;
    if (row.changeSummary) changes = row.changeSummary;
    else if (previous) changes = versionChanges(previous, row);
    return {
      id: row.id,
      version: row.version,
      status: row.status as 'draft' | 'issued' | 'superseded',
      issuedOn: toDateOnly(row.issuedOn),
      changes,
    };
  });
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
