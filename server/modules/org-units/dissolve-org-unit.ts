import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { orgUnitParents, orgUnits } from '../../db/schema/index.js';
import { nextVersion } from '../../lib/row-version.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { refreshActivityFacts } from '../activities/activity-facts.js';
import { refreshOrgUnitPaths } from './refresh-org-unit-paths.js';
import { requireManageUnit } from './policy.js';
import type { DissolveOrgUnitInput } from './schemas.js';
import {
  childRowsFrom,
  dayAfter,
  distinctUnitCount,
  loadOrgUnitDetail,
  lockUnit,
  ownRowsAfter,
  parentRowOn,
  snapshotUnit,
  vnDate,
  type OrgUnitDetailModel,
} from './tree-queries.js';

/**
 * Dissolves a unit (giải thể): `date` is its last day. Refused while children
 * are still under it after that day (move or dissolve them first).
 */
export async function dissolveOrgUnit(db: Executor, actor: Actor, id: string, input: DissolveOrgUnitInput): Promise<OrgUnitDetailModel> {
  const { date } = input;
  await requireManageUnit(db, actor, id, date);
  await inTransaction(db, async (tx) => {
    const unit = await lockUnit(tx, id);
    if (date < unit.validFrom) throw fieldError('UNIT_DATE_BEFORE_START', 'date', { date: vnDate(date) });
    if (unit.validTo !== null && unit.validTo <= date) throw new AppError('UNIT_ALREADY_ENDED');
    const count = distinctUnitCount(await childRowsFrom(tx, id, dayAfter(date)));
    if (count > 0) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN', { count });
    const later = await ownRowsAfter(tx, id, date);
    if (later.length > 0) throw fieldError('UNIT_MOVE_DATE_CONFLICT', 'date', { date: vnDate(later[0]!.validFrom) });

    const before = await snapshotUnit(tx, id);
    const own = await parentRowOn(tx, id, date);
    if (own && (own.validTo === null || own.validTo > date)) {
      await tx.update(orgUnitParents).set({ validTo: date }).where(eq(orgUnitParents.id, own.id));
    }
    await tx
      .update(orgUnits)
      .set({ validTo: date, ...nextVersion(actor) })
      .where(eq(orgUnits.id, id));
    await refreshOrgUnitPaths(tx);
    // Figures from activity records only while the unit is valid.
    await refreshActivityFacts(tx, [id]);
    await recordAudit(tx, actor, {
      action: 'org_unit.dissolve',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      before,
      after: await snapshotUnit(tx, id),
    });
  });
  return loadOrgUnitDetail(db, actor, id);
}
