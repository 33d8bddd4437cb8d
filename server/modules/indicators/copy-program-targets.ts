import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { targetAllocations, targets } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { presentTarget } from './presenter.js';

/**
 * An amendment carries its targets (sửa đổi, bổ sung): copies the targets in
 * use of program version `fromProgramId` (and their allocations) to the new
 * version `toProgramId`, each copy linked to the target it continues
 * (previous_target_id). The copies are then edited, retired or added to on the
 * draft; the earlier version's targets stay as they were, readable in its
 * history. Runs inside the caller's transaction; one audit entry per copy.
 */
export async function copyProgramTargets(tx: Executor, actor: Actor, fromProgramId: string, toProgramId: string): Promise<number> {
  const source = await tx
    .select()
    .from(targets)
    .where(and(eq(targets.programId, fromProgramId), isNull(targets.archivedAt)))
    .orderBy(asc(targets.sortOrder), asc(targets.code), asc(targets.createdAt));
  if (source.length === 0) return 0;
  const allocations = await tx
    .select()
    .from(targetAllocations)
    .where(
      inArray(
        targetAllocations.targetId,
        source.map((t) => t.id),
      ),
    );
  for (const t of source) {
    const [copy] = await tx
      .insert(targets)
      .values({
        indicatorId: t.indicatorId,
        programId: toProgramId,
        code: t.code,
        text: t.text,
        comparator: t.comparator,
        value: t.value,
        unitOfMeasure: t.unitOfMeasure,
        periodFrom: t.periodFrom,
        periodTo: t.periodTo,
        scopeUnitId: t.scopeUnitId,
        tolerance: t.tolerance,
        stretch: t.stretch,
        whenConditionsAllow: t.whenConditionsAllow,
        sortOrder: t.sortOrder,
        taskGroupNumber: t.taskGroupNumber,
        previousTargetId: t.id,
      })
      .returning();
    const shares = allocations.filter((a) => a.targetId === t.id);
    const copied = shares.length
      ? await tx
          .insert(targetAllocations)
          .values(shares.map((a) => ({ targetId: copy!.id, unitId: a.unitId, value: a.value })))
          .returning()
      : [];
    await recordAudit(tx, actor, {
      action: 'target.create',
      entityType: 'target',
      entityId: copy!.id,
      unitId: copy!.scopeUnitId,
      after: { ...presentTarget(copy!, copied), continues: t.id },
    });
  }
  return source.length;
}
