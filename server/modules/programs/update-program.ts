import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramManage } from './policy.js';
import { auditProgram } from './presenter.js';
import { assertUnitValidInYear, claimProgramNumber } from './program-rules.js';
import type { UpdateProgramBody } from './schemas.js';

/** Edits a draft; an issued (or superseded) program is refused with PROGRAM_NOT_EDITABLE. */
export async function updateProgram(db: Executor, actor: Actor, id: string, input: UpdateProgramBody) {
  return inTransaction(db, async (tx) => {
    const found = await findProgram(tx, id, { forUpdate: true });
    if (!found) throw programNotFound(actor);
    const before = found.program;
    await requireProgramManage(tx, actor, before.unitId, before.year);
    await requireVersion(tx, 'programs', before, input.expectedVersion);
    if (before.status !== 'draft') throw new AppError('PROGRAM_NOT_EDITABLE');
    const { expectedVersion, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<
      UpdateProgramBody,
      'expectedVersion'
    >;
    // An amendment is its own document with its own number, but stays in the year and kind of the one it amends.
    if (before.previousVersionId) {
      for (const field of ['year', 'kind'] as const) {
        if (changes[field] !== undefined && changes[field] !== before[field]) throw fieldError('PROGRAM_VERSION_KEY_FIXED', field);
      }
    }
    if (Object.keys(changes).length === 0) return { ...found, program: before };
    const key = {
      unitId: before.unitId,
      year: changes.year ?? before.year,
      kind: changes.kind ?? before.kind,
      number: changes.number ?? before.number,
    };
    if (changes.year !== undefined) await assertUnitValidInYear(tx, before.unitId, key.year);
    const [after] = await tx
      .update(programs)
      .set({ ...changes, ...nextVersion(actor) })
      .where(and(eq(programs.id, before.id), eq(programs.rowVersion, expectedVersion)))
      .returning();
    if (!after) throw await staleWrite(tx, 'programs', before.id);
    if (key.year !== before.year || key.kind !== before.kind || key.number !== before.number) {
      await claimProgramNumber(tx, after, true);
    }
    await recordAudit(tx, actor, {
      action: 'program.update',
      entityType: 'program',
      entityId: before.id,
      unitId: before.unitId,
      before: auditProgram(before),
      after: auditProgram(after!),
    });
    return { ...found, program: after! };
  });
}
