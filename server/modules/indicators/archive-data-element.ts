import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { dataElements } from '../../db/schema/indicators.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { requireCatalogueManage } from './policy.js';
import { presentDataElement } from './presenter.js';

/**
 * Archives (lưu trữ) a data element so it is no longer offered for new
 * indicators and reports. Refused while any target measures through it (the
 * target's figures would lose their source) and while a derived element that
 * is not archived adds it (its figures would stop following the reports).
 * (Deleting is never offered, and foreign keys from facts, indicators and
 * derived elements forbid it in the database.) Returns the archived row.
 */
export async function archiveDataElement(db: Executor, actor: Actor, id: string) {
  await requireCatalogueManage(db, actor);
  return inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(dataElements).where(eq(dataElements.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (row.archivedAt) throw new AppError('DATA_ELEMENT_ALREADY_ARCHIVED');
    const [usage] = await queryRows<{ count: number }>(
      tx,
      sql`select count(*)::int as count from targets tg join indicators i on i.id = tg.indicator_id
          where ${id}::uuid in (i.numerator_element_id, i.denominator_element_id, i.condition_element_id, i.eligibility_element_id)`,
    );
    const count = Number(usage?.count ?? 0);
    if (count > 0) throw new AppError('DATA_ELEMENT_IN_USE', { count });
    const [addendUsage] = await queryRows<{ count: number }>(
      tx,
      sql`select count(*)::int as count from data_elements where derived_addend_element_id = ${id}::uuid and archived_at is null`,
    );
    const addendCount = Number(addendUsage?.count ?? 0);
    if (addendCount > 0) throw new AppError('DATA_ELEMENT_ADDEND_IN_USE', { count: addendCount });
    const [updated] = await tx
      .update(dataElements)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(eq(dataElements.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'data_element.archive',
      entityType: 'data_element',
      entityId: id,
      before: presentDataElement(row),
      after: presentDataElement(updated!),
    });
    return updated!;
  });
}
