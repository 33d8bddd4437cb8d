import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ValueType } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { dataElements, indicators } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { checkCondition, checkIndicatorSlots, checkRecordFilter } from './definition-rules.js';
import { requireCatalogueManage } from './policy.js';
import { presentIndicator } from './presenter.js';
import type { CreateIndicatorBody } from './schemas.js';
import { isUniqueViolation } from './unique.js';

/** Adds an indicator (chỉ số) to the shared catalogue after checking it measures something coherent; returns its row. */
export async function createIndicator(db: Executor, actor: Actor, input: CreateIndicatorBody) {
  await requireCatalogueManage(db, actor);
  const slots = {
    numeratorElementId: input.numeratorElementId ?? null,
    denominatorElementId: input.denominatorElementId ?? null,
    condition: input.condition ?? null,
    eligibilityElementId: input.eligibilityElementId ?? null,
    recordSource: input.recordSource ?? null,
  };
  const slotError = checkIndicatorSlots(input.measure, slots);
  if (slotError) throw slotError;
  if (input.measure === 'share_of_units' && input.unitOfMeasure !== 'percent') {
    throw fieldError('INDICATOR_PERCENT_REQUIRED', 'unitOfMeasure');
  }
  const filterError = checkRecordFilter(slots.recordSource, input.recordFilter);
  if (filterError) throw filterError;

  const ids = [slots.numeratorElementId, slots.denominatorElementId, slots.condition?.elementId, slots.eligibilityElementId].filter(
    (x): x is string => Boolean(x),
  );
  const elements = ids.length
    ? await db
        .select()
        .from(dataElements)
        .where(and(inArray(dataElements.id, ids), isNull(dataElements.archivedAt)))
    : [];
  const byId = new Map(elements.map((e) => [e.id, e]));
  const need = (id: string | null, field: string, type?: 'number' | 'boolean') => {
    if (!id) return null;
    const element = byId.get(id);
    if (!element) throw fieldError('INDICATOR_ELEMENT_NOT_FOUND', field);
    if (type === 'number' && element.valueType !== 'number') throw fieldError('INDICATOR_ELEMENT_NOT_NUMBER', field);
    if (type === 'boolean' && element.valueType !== 'boolean') throw fieldError('INDICATOR_ELEMENT_NOT_BOOLEAN', field);
    return element;
  };
  need(slots.numeratorElementId, 'numeratorElementId', 'number');
  need(slots.denominatorElementId, 'denominatorElementId', 'number');
  need(slots.eligibilityElementId, 'eligibilityElementId', 'boolean');
  if (slots.condition) {
    const element = need(slots.condition.elementId, 'condition.elementId')!;
    const conditionError = checkCondition(slots.condition, {
      valueType: element.valueType as ValueType,
      gradeOptions: element.gradeOptions ?? null,
    });
    if (conditionError) throw conditionError;
  }

  const [taken] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, input.code));
  if (taken) throw fieldError('INDICATOR_CODE_TAKEN', 'code');
  const condition = slots.condition;
  const recordFilter = Object.fromEntries(Object.entries(input.recordFilter ?? {}).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  try {
    return await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(indicators)
        .values({
          code: input.code,
          nameVi: input.nameVi,
          nameEn: input.nameEn,
          measure: input.measure,
          unitOfMeasure: input.unitOfMeasure,
          direction: input.direction,
          numeratorElementId: slots.numeratorElementId,
          denominatorElementId: slots.denominatorElementId,
          conditionElementId: condition?.elementId ?? null,
          conditionOperator: condition?.operator ?? null,
          conditionNumber: condition?.number == null ? null : String(condition.number),
          conditionValues: condition?.operator === 'in' ? condition.values! : null,
          eligibilityElementId: slots.eligibilityElementId,
          unitKinds: [...new Set(input.unitKinds)],
          recordSource: slots.recordSource,
          recordFilter: Object.keys(recordFilter).length ? recordFilter : null,
          // A share of units is a share by construction.
          bounded: input.bounded || input.measure === 'share_of_units',
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'indicator.create',
        entityType: 'indicator',
        entityId: row!.id,
        after: presentIndicator(row!),
      });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('INDICATOR_CODE_TAKEN', 'code');
    throw e;
  }
}
