import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { findProgram } from './find-program.js';
import { requireProgramManage } from './policy.js';
import { auditProgram } from './presenter.js';
import { assertUnitValidInYear, claimProgramNumber } from './program-rules.js';
import type { CreateProgramBody } from './schemas.js';

/** Creates a draft program (dự thảo) for a unit in the caller's scope. */
export async function createProgram(db: Executor, actor: Actor, input: CreateProgramBody) {
  return inTransaction(db, async (tx) => {
    await requireProgramManage(tx, actor, input.unitId, input.year);
    await assertUnitValidInYear(tx, input.unitId, input.year);
    const [row] = await tx
      .insert(programs)
      .values({ ...input, status: 'draft', version: 1, createdBy: actor.userId })
      .returning();
    await claimProgramNumber(tx, row!);
    await recordAudit(tx, actor, {
      action: 'program.create',
      entityType: 'program',
      entityId: row!.id,
      unitId: row!.unitId,
      after: auditProgram(row!),
    });
    return (await findProgram(tx, row!.id))!;
  });
}
