import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { orgUnitLinks, orgUnitParents, orgUnits } from '../../db/schema/index.js';
import { nextVersion } from '../../lib/row-version.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { dayBefore } from '../../lib/dates.js';
import { fieldError } from '../../lib/errors.js';
import { refreshActivityFacts } from '../activities/activity-facts.js';
import { refreshOrgUnitPaths } from './refresh-org-unit-paths.js';
import { requireManageUnit } from './policy.js';
import type { MergeOrgUnitInput } from './schemas.js';
import {
  childRowsFrom,
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
 * Merges a unit into another from a date (sáp nhập), e.g. LĐLĐ tỉnh Kiên
 * Giang into LĐLĐ tỉnh An Giang on 01/07/2025: the unit's last day is the day
 * before, its parent period ends with it, a merged_into link is recorded and
 * its children in force on the date move under the receiving unit from the date.
 */
export async function mergeOrgUnit(db: Executor, actor: Actor, id: string, input: MergeOrgUnitInput): Promise<OrgUnitDetailModel> {
  const { intoUnitId, date } = input;
  if (intoUnitId === id) throw fieldError('UNIT_MERGE_SAME', 'intoUnitId');
  await requireManageUnit(db, actor, id, date);
  await requireManageUnit(db, actor, intoUnitId, date);
  await inTransaction(db, async (tx) => {
    const unit = await lockUnit(tx, id);
    const lastDay = dayBefore(date);
    if (date <= unit.validFrom) throw fieldError('UNIT_DATE_BEFORE_START', 'date', { date: vnDate(date) });
    if (unit.validTo !== null && unit.validTo < lastDay) throw fieldError('UNIT_ALREADY_ENDED', 'date');
    const target = await findUnit(tx, intoUnitId);
    if (!target || !isValidOn(target, date)) throw fieldError('UNIT_MERGE_TARGET_NOT_VALID', 'intoUnitId', { date: vnDate(date) });
    if (await isSelfOrDescendantFrom(tx, id, intoUnitId, lastDay)) throw fieldError('UNIT_OWN_ANCESTOR', 'intoUnitId');
    const later = await ownRowsAfter(tx, id, lastDay);
    if (later.length > 0) throw fieldError('UNIT_MOVE_DATE_CONFLICT', 'date', { date: vnDate(later[0]!.validFrom) });

    const before = await snapshotUnit(tx, id);
    const own = await parentRowOn(tx, id, lastDay);
    if (own && (own.validTo === null || own.validTo > lastDay)) {
      await tx.update(orgUnitParents).set({ validTo: lastDay }).where(eq(orgUnitParents.id, own.id));
    }
    await tx
      .update(orgUnits)
      .set({ validTo: lastDay, ...nextVersion(actor) })
      .where(eq(orgUnits.id, id));

    const children = await childRowsFrom(tx, id, date);
    // A child period that begins after the receiving unit ends has nowhere to go (e.g. the receiving
    // unit was itself merged into this one later): refused, nothing written.
    const orphan = target.validTo === null ? undefined : children.find((row) => row.validFrom > target.validTo!);
    if (orphan) throw fieldError('UNIT_MERGE_TARGET_ENDS', 'intoUnitId', { date: vnDate(target.validTo!) });
    for (const row of children) {
      const to = minDate(row.validTo, target.validTo);
      if (row.validFrom >= date) {
        await tx.update(orgUnitParents).set({ parentId: intoUnitId, validTo: to }).where(eq(orgUnitParents.id, row.id));
      } else {
        await tx.update(orgUnitParents).set({ validTo: lastDay }).where(eq(orgUnitParents.id, row.id));
        await tx.insert(orgUnitParents).values({ unitId: row.unitId, parentId: intoUnitId, validFrom: date, validTo: to });
      }
    }
    await tx.insert(orgUnitLinks).values({ fromUnitId: id, toUnitId: intoUnitId, kind: 'merged_into', effectiveDate: date });
    await refreshOrgUnitPaths(tx);
    // Figures from activity records only while the unit is valid.
    await refreshActivityFacts(tx, [id]);
    await recordAudit(tx, actor, {
      action: 'org_unit.merge',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      before,
      after: {
        ...(await snapshotUnit(tx, id)),
        mergedInto: intoUnitId,
        date,
        movedChildren: [...new Set(children.map((c) => c.unitId))],
      },
    });
  });
  return loadOrgUnitDetail(db, actor, id);
}
