import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { dataElements } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { refreshAllActivityFacts } from '../activities/activity-facts.js';
import { isRegistrySource, refreshDerivedFactsForAddend } from '../members/member-facts.js';
import { checkDataElementShape, checkDerivedAddend, isRecordDerivedSource } from './definition-rules.js';
import { requireCatalogueManage } from './policy.js';
import { presentDataElement } from './presenter.js';
import type { CreateDataElementBody } from './schemas.js';
import { isUniqueViolation } from './unique.js';

/**
 * Adds a data element (dữ liệu báo cáo) to the shared catalogue; returns its row.
 * An element derived from records (derivedFrom) gets its facts computed in
 * the same transaction, so a target over it shows figures at once: every unit
 * with members, and every unit that reported an addend element (so a unit
 * with non-member workers but no member yet gets its figures too); for an
 * element from activity records, every unit (refreshAllActivityFacts).
 */
export async function createDataElement(db: Executor, actor: Actor, input: CreateDataElementBody) {
  await requireCatalogueManage(db, actor);
  const shapeError = checkDataElementShape(input);
  if (shapeError) throw shapeError;
  const [taken] = await db.select({ id: dataElements.id }).from(dataElements).where(eq(dataElements.code, input.code));
  if (taken) throw fieldError('DATA_ELEMENT_CODE_TAKEN', 'code');
  try {
    return await inTransaction(db, async (tx) => {
      if (input.derivedAddendElementId) {
        // Locked against a concurrent archive (archive-data-element refuses an addend in use).
        const [addend] = await tx.select().from(dataElements).where(eq(dataElements.id, input.derivedAddendElementId)).for('share');
        const addendError = checkDerivedAddend(input, addend ?? null);
        if (addendError) throw addendError;
      }
      if (input.upperBoundElementId) {
        // The bound: an existing number element (members, workers), for a reported number.
        const [bound] = await tx.select().from(dataElements).where(eq(dataElements.id, input.upperBoundElementId)).for('share');
        if (!bound || bound.valueType !== 'number' || bound.archivedAt || input.valueType !== 'number' || input.derivedFrom)
          throw fieldError('INDICATOR_ELEMENT_NOT_NUMBER', 'upperBoundElementId');
      }
      const [row] = await tx
        .insert(dataElements)
        .values({
          code: input.code,
          nameVi: input.nameVi,
          nameEn: input.nameEn,
          valueType: input.valueType,
          aggregation: input.aggregation,
          allowsNotApplicable: input.allowsNotApplicable,
          gradeOptions: input.valueType === 'grade' ? input.gradeOptions! : null,
          derivedFrom: input.derivedFrom ?? null,
          derivedAddendElementId: input.derivedFrom ? (input.derivedAddendElementId ?? null) : null,
          wholeNumber: input.valueType === 'number' && !input.derivedFrom ? input.wholeNumber : false,
          upperBoundElementId: input.upperBoundElementId ?? null,
          reportedIn: input.reportedIn,
          helpVi: input.helpVi ?? null,
        })
        .returning();
      if (isRegistrySource(row!.derivedFrom)) {
        // Its facts exist from the start: every unit that ever had a member or reported an addend.
        await refreshDerivedFactsForAddend(tx, null);
      } else if (isRecordDerivedSource(row!.derivedFrom)) {
        // Figures from activity records: every unit gets its months, zeros included.
        await refreshAllActivityFacts(tx);
      }
      await recordAudit(tx, actor, {
        action: 'data_element.create',
        entityType: 'data_element',
        entityId: row!.id,
        after: presentDataElement(row!),
      });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('DATA_ELEMENT_CODE_TAKEN', 'code');
    throw e;
  }
}
