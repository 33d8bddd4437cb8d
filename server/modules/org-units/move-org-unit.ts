import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { orgUnitParents } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { dayBefore } from '../../lib/dates.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { refreshOrgUnitPaths } from './refresh-org-unit-paths.js';
import { requireManageUnit } from './policy.js';
import type { MoveOrgUnitInput } from './schemas.js';
import {
  findUnit,
  isSelfOrDescendantFrom,
  isValidOn,
  loadOrgUnitDetail,
  lockUnit,
  minDate,
  ownRowsAfter,
  parentRowOn,
  snapshotUnit,
  vnDate,
  type OrgUnitDetailModel,
} from './tree-queries.js';

/**
 * Moves a unit under another parent from a date (chuyển đơn vị cấp trên):
 * the parent period covering the date ends the day before and a new one
 * starts on the date, so the tree before the date keeps the old parent. Only
 * the latest parent period can be changed this way.
 */
export async function moveOrgUnit(db: Executor, actor: Actor, id: string, input: MoveOrgUnitInput): Promise<OrgUnitDetailModel> {
  const { parentId, fromDate } = input;
  // Both ends are held on the day the move takes effect (access.ts heldOn).
  await requireManageUnit(db, actor, id, fromDate);
  await requireManageUnit(db, actor, parentId, fromDate);
  await inTransaction(db, async (tx) => {
    const unit = await lockUnit(tx, id);
    const date = vnDate(fromDate);
    if (fromDate < unit.validFrom) throw fieldError('UNIT_DATE_BEFORE_START', 'fromDate', { date });
    if (unit.validTo !== null && fromDate > unit.validTo) throw fieldError('UNIT_NOT_VALID_ON_DATE', 'fromDate', { date });
    const parent = await findUnit(tx, parentId);
    if (!parent || !isValidOn(parent, fromDate)) throw fieldError('UNIT_PARENT_NOT_VALID', 'parentId', { date });
    if (await isSelfOrDescendantFrom(tx, id, parentId, fromDate)) throw fieldError('UNIT_OWN_ANCESTOR', 'parentId');
    const later = await ownRowsAfter(tx, id, fromDate);
    if (later.length > 0) throw fieldError('UNIT_MOVE_DATE_CONFLICT', 'fromDate', { date: vnDate(later[0]!.validFrom) });

    const before = await snapshotUnit(tx, id);
    const current = await parentRowOn(tx, id, fromDate);
    const newTo = minDate(unit.validTo, parent.validTo);
    if (current && current.validFrom === fromDate) {
      // Same start day: the period simply gets the new parent.
      await tx.update(orgUnitParents).set({ parentId, validTo: newTo }).where(eq(orgUnitParents.id, current.id));
    } else {
      if (current)
        await tx
          .update(orgUnitParents)
          .set({ validTo: dayBefore(fromDate) })
          .where(eq(orgUnitParents.id, current.id));
      await tx.insert(orgUnitParents).values({ unitId: id, parentId, validFrom: fromDate, validTo: newTo });
    }
    await refreshOrgUnitPaths(tx);
    await recordAudit(tx, actor, {
      action: 'org_unit.move',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      before,
      after: { ...(await snapshotUnit(tx, id)), movedTo: parentId, fromDate },
    });
  });
  return loadOrgUnitDetail(db, actor, id);
}
