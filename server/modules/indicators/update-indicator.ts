import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { indicators } from '../../db/schema/indicators.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { requireCatalogueManage } from './policy.js';
import { presentIndicator } from './presenter.js';
import type { UpdateIndicatorBody } from './schemas.js';

/**
 * Corrects an indicator of the catalogue (sửa chỉ số): names and `bounded` at
 * any time (a share of units stays bounded; bounding is refused while a target
 * above 100 uses it); the direction only while no target uses it
 * (INDICATOR_MEANING_IN_USE says to create a new indicator instead).
 * Row version checked; audited with before/after.
 */
export async function updateIndicator(db: Executor, actor: Actor, id: string, input: UpdateIndicatorBody) {
  await requireCatalogueManage(db, actor);
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    await requireVersion(tx, 'indicators', before, input.expectedVersion);
    const [usage] = await queryRows<{ count: number; over: number }>(
      tx,
      sql`select count(*)::int as count, count(*) filter (where value > 100)::int as over
          from targets where indicator_id = ${id}::uuid and archived_at is null`,
    );
    if (input.direction !== undefined && input.direction !== before.direction && Number(usage?.count ?? 0) > 0) {
      throw new AppError('INDICATOR_MEANING_IN_USE', { count: Number(usage!.count) });
    }
    const bounded = before.measure === 'share_of_units' ? true : input.bounded;
    if (bounded && !before.bounded && Number(usage?.over ?? 0) > 0) {
      throw new AppError('TARGET_PERCENT_OVER_100');
    }
    const [after] = await tx
      .update(indicators)
      .set({ nameVi: input.nameVi, nameEn: input.nameEn, bounded, direction: input.direction, ...nextVersion(actor) })
      .where(and(eq(indicators.id, id), eq(indicators.rowVersion, input.expectedVersion)))
      .returning();
    if (!after) throw await staleWrite(tx, 'indicators', id);
    await recordAudit(tx, actor, {
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: id,
      entityLabel: after.nameVi,
      before: presentIndicator(before),
      after: presentIndicator(after),
    });
    return after;
  });
}
