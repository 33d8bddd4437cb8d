import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Measure } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { indicators, programs, targetAllocations, targets } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { allocatable } from '../indicators/definition-rules.js';
import { insertDerivedTarget } from './derived-marks.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramManage } from './policy.js';
import type { CarryDerivedTargetsBody } from './schemas.js';

/**
 * Cụ thể hóa, later: the superior's total targets a derived draft could not
 * carry (no share for the unit) are carried once the superior has allocated
 * them — each becomes the unit's target at its share, and leaves the list.
 * Those still without a share stay listed. The document's sentences are the
 * user's to edit (their marks stay until then). One transaction, audited
 * ('program.carry_targets'), at the version read.
 */
export async function carryDerivedTargets(db: Executor, actor: Actor, id: string, input: CarryDerivedTargetsBody) {
  return inTransaction(db, async (tx) => {
    const found = await findProgram(tx, id, { forUpdate: true });
    if (!found) throw programNotFound(actor);
    const before = found.program;
    await requireProgramManage(tx, actor, before.unitId, before.year);
    await requireVersion(tx, 'programs', before, input.expectedVersion);
    if (before.status !== 'draft') throw new AppError('PROGRAM_NOT_EDITABLE');
    const derivation = before.derivation;
    if (!derivation || derivation.uncarriedTargets.length === 0) return found;

    const rows = await tx
      .select({ target: targets, measure: indicators.measure, allocated: targetAllocations.value })
      .from(targets)
      .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
      .innerJoin(targetAllocations, and(eq(targetAllocations.targetId, targets.id), eq(targetAllocations.unitId, before.unitId)))
      .where(
        and(
          inArray(
            targets.id,
            derivation.uncarriedTargets.map((u) => u.sourceTargetId),
          ),
          isNull(targets.archivedAt),
        ),
      );
    const carried: string[] = [];
    for (const { target: t, measure, allocated } of rows) {
      await insertDerivedTarget(
        tx,
        actor,
        t,
        { programId: before.id, unitId: before.unitId },
        {
          sourceTargetId: t.id,
          code: t.code,
          text: t.text,
          parentValue: Number(t.value),
          total: allocatable(measure as Measure),
          childValue: Number(allocated),
        },
      );
      carried.push(t.id);
    }
    if (carried.length === 0) return found;

    const remaining = derivation.uncarriedTargets.filter((u) => !carried.includes(u.sourceTargetId));
    const [after] = await tx
      .update(programs)
      .set({ derivation: { ...derivation, uncarriedTargets: remaining }, ...nextVersion(actor) })
      .where(and(eq(programs.id, before.id), eq(programs.rowVersion, input.expectedVersion)))
      .returning();
    if (!after) throw await staleWrite(tx, 'programs', before.id);
    await recordAudit(tx, actor, {
      action: 'program.carry_targets',
      entityType: 'program',
      entityId: before.id,
      unitId: before.unitId,
      before: { uncarriedTargets: derivation.uncarriedTargets.map((u) => u.sourceTargetId) },
      after: { carried, uncarriedTargets: remaining.map((u) => u.sourceTargetId) },
    });
    return { program: after, unitName: found.unitName };
  });
}
