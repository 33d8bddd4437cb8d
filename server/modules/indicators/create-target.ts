import { and, eq, isNull, sql } from 'drizzle-orm';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Measure, Direction } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { indicators, targetAllocations, targets } from '../../db/schema/indicators.js';
import { programs } from '../../db/schema/programs.js';
import { queryRows } from '../../db/sql.js';
import { canReachUnit, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { allocatable, checkTargetValue } from './definition-rules.js';
import { requireTargetManage } from './policy.js';
import { presentTarget } from './presenter.js';
import { firstDay, firstOutsideScope, lastDay } from './target-scope.js';
import type { CreateTargetBody } from './schemas.js';

/**
 * Sets a target (chỉ tiêu) over the subtree of a scope unit and a period of
 * months, optionally split among units of that subtree (totals only).
 * Returns the target's row with its allocations.
 */
export async function createTarget(db: Executor, actor: Actor, input: CreateTargetBody) {
  await requireTargetManage(db, actor, input.scopeUnitId, input.periodTo);
  const [indicator] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.id, input.indicatorId), isNull(indicators.archivedAt)));
  if (!indicator) throw fieldError('TARGET_INDICATOR_NOT_FOUND', 'indicatorId');
  const measure = indicator.measure as Measure;
  const valueError = checkTargetValue(
    { measure, unitOfMeasure: indicator.unitOfMeasure, direction: indicator.direction as Direction, bounded: indicator.bounded },
    input,
  );
  if (valueError) throw valueError;

  const [scopeValid] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from org_units u where u.id = ${input.scopeUnitId}::uuid
          and u.valid_from <= ${lastDay(input.periodTo)}::date
          and coalesce(u.valid_to, '9999-12-31'::date) >= ${firstDay(input.periodFrom)}::date) as ok`,
  );
  if (!scopeValid?.ok) throw fieldError('TARGET_SCOPE_NOT_VALID', 'scopeUnitId');

  if (input.programId) {
    const [program] = await db.select({ unitId: programs.unitId }).from(programs).where(eq(programs.id, input.programId));
    if (!program || !(await canReachUnit(db, actor, program.unitId, PERMISSIONS.managePrograms))) {
      throw fieldError('TARGET_PROGRAM_NOT_FOUND', 'programId');
    }
  }
  if (input.taskGroupNumber != null) await requireTaskGroup(db, input.programId ?? null, input.taskGroupNumber);

  if (input.allocations.length > 0) {
    if (!allocatable(measure)) throw fieldError('TARGET_ALLOCATION_NOT_TOTAL', 'allocations');
    const seen = new Set<string>();
    for (const [i, a] of input.allocations.entries()) {
      if (seen.has(a.unitId)) throw fieldError('TARGET_ALLOCATION_DUPLICATE', `allocations.${i}.unitId`);
      seen.add(a.unitId);
    }
    const outside = await firstOutsideScope(
      db,
      input.scopeUnitId,
      { from: input.periodFrom, to: input.periodTo },
      input.allocations.map((a) => a.unitId),
    );
    if (outside >= 0) throw fieldError('TARGET_ALLOCATION_OUTSIDE_SCOPE', `allocations.${outside}.unitId`);
  }

  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(targets)
      .values({
        indicatorId: indicator.id,
        programId: input.programId ?? null,
        code: input.code ?? null,
        text: input.text,
        comparator: input.comparator,
        value: String(input.value),
        unitOfMeasure: indicator.unitOfMeasure,
        periodFrom: firstDay(input.periodFrom),
        periodTo: firstDay(input.periodTo),
        scopeUnitId: input.scopeUnitId,
        tolerance: String(input.tolerance),
        stretch: input.stretch,
        whenConditionsAllow: input.whenConditionsAllow,
        sortOrder: input.sortOrder,
        taskGroupNumber: input.taskGroupNumber ?? null,
      })
      .returning();
    const allocations = input.allocations.length
      ? await tx
          .insert(targetAllocations)
          .values(input.allocations.map((a) => ({ targetId: row!.id, unitId: a.unitId, value: String(a.value) })))
          .returning()
      : [];
    await recordAudit(tx, actor, {
      action: 'target.create',
      entityType: 'target',
      entityId: row!.id,
      unitId: input.scopeUnitId,
      after: presentTarget(row!, allocations),
    });
    return { ...row!, allocations };
  });
}

/**
 * A target's task group must be one of its program's (content.taskGroups of
 * that version): the report form groups its fields and narratives by it.
 */
export async function requireTaskGroup(db: Executor, programId: string | null, taskGroupNumber: number): Promise<void> {
  const [row] = programId
    ? await queryRows<{ ok: boolean }>(
        db,
        sql`select exists (select 1 from programs p, jsonb_array_elements(coalesce(p.content->'taskGroups', '[]'::jsonb)) g
              where p.id = ${programId}::uuid and (g->>'number')::int = ${taskGroupNumber}) as ok`,
      )
    : [];
  if (!row?.ok) throw fieldError('TARGET_TASK_GROUP_NOT_FOUND', 'taskGroupNumber', { number: taskGroupNumber });
}
