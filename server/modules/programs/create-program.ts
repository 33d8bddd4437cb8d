import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { findProgram } from './find-program.js';
import { requireProgramManage } from './policy.js';
import { auditProgram } from './presenter.js';
import { assertNumberFree, assertUnitValidInYear, isUniqueViolation } from './program-rules.js';
import type { CreateProgramBody } from './schemas.js';

/** Creates a draft program (dự thảo) for a unit in the caller's scope. */
export async function createProgram(db: Executor, actor: Actor, input: CreateProgramBody) {
  try {
    return await inTransaction(db, async (tx) => {
      await requireProgramManage(tx, actor, input.unitId, input.year);
      await assertUnitValidInYear(tx, input.unitId, input.year);
      await assertNumberFree(tx, input);
      const [row] = await tx
        .insert(programs)
        .values({ ...input, status: 'draft', version: 1, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, actor, {
        action: 'program.create',
        entityType: 'program',
        entityId: row!.id,
        unitId: row!.unitId,
        after: auditProgram(row!),
      });
      return (await findProgram(tx, row!.id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError('PROGRAM_NUMBER_TAKEN', 'number', { number: input.number, year: input.year });
    throw error;
  }
}
