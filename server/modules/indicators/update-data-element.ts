import { and, eq, sql } from 'drizzle-orm';
import type { Aggregation, ValueType } from '../../../common/indicators.js';
import type { DerivedFactSource } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { dataElements } from '../../db/schema/indicators.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { checkDataElementShape } from './definition-rules.js';
import { requireCatalogueManage } from './policy.js';
import { presentDataElement } from './presenter.js';
import type { UpdateDataElementBody } from './schemas.js';

/** Fields of a data element that change what its numbers mean (figures already computed would change). */
const MEANING_FIELDS = ['aggregation', 'gradeOptions'] as const;

/** Targets (in use) that measure through a data element, directly or as an indicator's condition or eligibility. */
export async function targetsUsingElement(db: Executor, id: string): Promise<number> {
  const [usage] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from targets tg join indicators i on i.id = tg.indicator_id
        where tg.archived_at is null
          and ${id}::uuid in (i.numerator_element_id, i.denominator_element_id, i.condition_element_id, i.eligibility_element_id)`,
  );
  return Number(usage?.count ?? 0);
}

/**
 * Corrects a data element of the catalogue (sửa dữ liệu báo cáo): names, help
 * text and "không áp dụng" allowed at any time; the aggregation and grade codes only
 * while no target uses it (DATA_ELEMENT_MEANING_IN_USE says to create a new
 * element instead). Row version checked; audited with before/after.
 */
export async function updateDataElement(db: Executor, actor: Actor, id: string, input: UpdateDataElementBody) {
  await requireCatalogueManage(db, actor);
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(dataElements).where(eq(dataElements.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    await requireVersion(tx, 'data_elements', before, input.expectedVersion);
    const { expectedVersion, ...fields } = input;
    const changed = MEANING_FIELDS.filter(
      (f) => fields[f] !== undefined && JSON.stringify(fields[f] ?? null) !== JSON.stringify(before[f] ?? null),
    );
    if (changed.length) {
      const count = await targetsUsingElement(tx, id);
      if (count > 0) throw new AppError('DATA_ELEMENT_MEANING_IN_USE', { count });
      const shapeError = checkDataElementShape({
        valueType: before.valueType as ValueType,
        aggregation: (fields.aggregation ?? before.aggregation) as Aggregation,
        gradeOptions: fields.gradeOptions === undefined ? before.gradeOptions : fields.gradeOptions,
        allowsNotApplicable: fields.allowsNotApplicable ?? before.allowsNotApplicable,
        derivedFrom: before.derivedFrom as DerivedFactSource | null,
      });
      if (shapeError) throw shapeError;
    }
    const [after] = await tx
      .update(dataElements)
      .set({
        nameVi: fields.nameVi,
        nameEn: fields.nameEn,
        allowsNotApplicable: fields.allowsNotApplicable,
        helpVi: fields.helpVi === '' ? null : fields.helpVi,
        aggregation: fields.aggregation,
        gradeOptions: fields.gradeOptions,
        ...nextVersion(actor),
      })
      .where(and(eq(dataElements.id, id), eq(dataElements.rowVersion, expectedVersion)))
      .returning();
    if (!after) throw await staleWrite(tx, 'data_elements', id);
    await recordAudit(tx, actor, {
      action: 'data_element.update',
      entityType: 'data_element',
      entityId: id,
      entityLabel: after.nameVi,
      before: presentDataElement(before),
      after: presentDataElement(after),
    });
    return after;
  });
}
