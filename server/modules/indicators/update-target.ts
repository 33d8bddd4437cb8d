import { and, eq } from 'drizzle-orm';
import type { Direction, Measure, TargetComparator } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { indicators, targetAllocations, targets } from '../../db/schema/indicators.js';
import { programs } from '../../db/schema/programs.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { toDateOnly } from '../../db/sql.js';
import { requireTaskGroup } from './create-target.js';
import { checkTargetValue } from './definition-rules.js';
import { requireTargetManage, targetNotFound } from './policy.js';
import { presentTarget } from './presenter.js';
import type { UpdateTargetBody } from './schemas.js';

/**
 * Loads a target for a change (locked), with its indicator and the status of
 * its program. A target of a superseded version is history and is not changed
 * (its program's newer version carries the target); one of an issued program
 * is corrected only with a reason (audited).
 */
export async function loadTargetForChange(tx: Executor, actor: Actor, id: string, expectedVersion: number, reason: string | undefined) {
  const [row] = await tx
    .select({ target: targets, indicator: indicators, programStatus: programs.status })
    .from(targets)
    .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
    .leftJoin(programs, eq(programs.id, targets.programId))
    .where(eq(targets.id, id))
    .for('update', { of: targets });
  if (!row) throw targetNotFound(actor);
  await requireTargetManage(tx, actor, row.target.scopeUnitId, toDateOnly(row.target.periodTo)!.slice(0, 7));
  await requireVersion(tx, 'targets', row.target, expectedVersion);
  if (row.target.archivedAt) throw new AppError('TARGET_ARCHIVED');
  if (row.programStatus === 'superseded') throw new AppError('TARGET_VERSION_SUPERSEDED');
  if (row.programStatus === 'issued' && !reason) throw fieldError('TARGET_REASON_REQUIRED', 'reason');
  return row;
}

/**
 * Corrects a target (sửa chỉ tiêu): its sentence, comparator, value, tolerance
 * and flags, checked against its indicator as when it was set. On a draft
 * (a new program, or an amendment being written) this is how the amendment
 * changes a target; once issued it needs a reason. Audited with before/after.
 */
export async function updateTarget(db: Executor, actor: Actor, id: string, input: UpdateTargetBody) {
  return inTransaction(db, async (tx) => {
    const { target: before, indicator } = await loadTargetForChange(tx, actor, id, input.expectedVersion, input.reason);
    const { expectedVersion, reason, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<
      UpdateTargetBody,
      'expectedVersion' | 'reason'
    >;
    const valueError = checkTargetValue(
      {
        measure: indicator.measure as Measure,
        unitOfMeasure: indicator.unitOfMeasure,
        direction: indicator.direction as Direction,
        bounded: indicator.bounded,
      },
      {
        comparator: (changes.comparator ?? before.comparator) as TargetComparator,
        value: changes.value ?? Number(before.value),
        periodFrom: toDateOnly(before.periodFrom)!.slice(0, 7),
        periodTo: toDateOnly(before.periodTo)!.slice(0, 7),
      },
    );
    if (valueError) throw valueError;
    if (changes.taskGroupNumber != null) await requireTaskGroup(tx, before.programId, changes.taskGroupNumber);
    const [after] = await tx
      .update(targets)
      .set({
        code: changes.code,
        text: changes.text,
        comparator: changes.comparator,
        stretch: changes.stretch,
        whenConditionsAllow: changes.whenConditionsAllow,
        sortOrder: changes.sortOrder,
        taskGroupNumber: changes.taskGroupNumber,
        value: changes.value === undefined ? undefined : String(changes.value),
        tolerance: changes.tolerance === undefined ? undefined : String(changes.tolerance),
        ...nextVersion(actor),
      })
      .where(and(eq(targets.id, id), eq(targets.rowVersion, expectedVersion)))
      .returning();
    if (!after) throw await staleWrite(tx, 'targets', id);
    const allocations = await tx.select().from(targetAllocations).where(eq(targetAllocations.targetId, id));
    await recordAudit(tx, actor, {
      action: 'target.update',
      entityType: 'target',
      entityId: id,
      entityLabel: after.code ? `Chỉ tiêu ${after.code}` : after.text.slice(0, 80),
      unitId: after.scopeUnitId,
      before: presentTarget(before, allocations),
      after: { ...presentTarget(after, allocations), ...(reason ? { reason } : {}) },
    });
    return { ...after, allocations };
  });
}
