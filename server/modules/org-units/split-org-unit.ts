import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { orgUnitLinks, orgUnitParents, orgUnits } from '../../db/schema/index.js';
import { nextVersion } from '../../lib/row-version.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { dayBefore } from '../../lib/dates.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { refreshActivityFacts } from '../activities/activity-facts.js';
import { refreshOrgUnitPaths } from './refresh-org-unit-paths.js';
import { requireManageParent, requireManageUnit } from './policy.js';
import type { SplitOrgUnitInput } from './schemas.js';
import {
  checkSector,
  childRowsFrom,
  codeTaken,
  distinctUnitCount,
  findUnit,
  loadOrgUnitDetail,
  lockUnit,
  ownRowsAfter,
  parentRowOn,
  snapshotUnit,
  vnDate,
  withCodeRace,
  type OrgUnitDetailModel,
} from './tree-queries.js';

export interface SplitOrgUnitResult {
  original: OrgUnitDetailModel;
  created: OrgUnitDetailModel[];
}

/**
 * Splits a unit (chia tách): the new units start on `date` under the
 * original's parent on that day, each with a split_from link to the original.
 * With endOriginal the original's last day is the day before (refused while
 * it still has children on the date). Creating units under the parent needs
 * manageUnits over that parent, as creating them one by one would.
 */
export async function splitOrgUnit(db: Executor, actor: Actor, id: string, input: SplitOrgUnitInput): Promise<SplitOrgUnitResult> {
  const { date, endOriginal, newUnits } = input;
  await requireManageUnit(db, actor, id, date);
  const createdIds = await withCodeRace('newUnits.0.code', () =>
    inTransaction(db, async (tx) => {
      const unit = await lockUnit(tx, id);
      const d = vnDate(date);
      if (date < unit.validFrom || (endOriginal && date === unit.validFrom))
        throw fieldError('UNIT_DATE_BEFORE_START', 'date', { date: d });
      if (unit.validTo !== null && unit.validTo < date) throw fieldError('UNIT_NOT_VALID_ON_DATE', 'date', { date: d });
      const parentId = (await parentRowOn(tx, id, date))?.parentId ?? null;
      await requireManageParent(tx, actor, parentId, date);
      const parent = parentId ? await findUnit(tx, parentId) : undefined;

      const seen = new Set<string>();
      for (const [i, nu] of newUnits.entries()) {
        checkSector(nu.kind ?? unit.kind, nu.sector, `newUnits.${i}.sector`);
        if (seen.has(nu.code) || (await codeTaken(tx, nu.code))) throw fieldError('UNIT_CODE_TAKEN', `newUnits.${i}.code`);
        seen.add(nu.code);
      }

      const before = await snapshotUnit(tx, id);
      if (endOriginal) {
        const count = distinctUnitCount(await childRowsFrom(tx, id, date));
        if (count > 0) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN', { count });
        const lastDay = dayBefore(date);
        const later = await ownRowsAfter(tx, id, lastDay);
        if (later.length > 0) throw fieldError('UNIT_MOVE_DATE_CONFLICT', 'date', { date: vnDate(later[0]!.validFrom) });
        const own = await parentRowOn(tx, id, lastDay);
        if (own && (own.validTo === null || own.validTo > lastDay)) {
          await tx.update(orgUnitParents).set({ validTo: lastDay }).where(eq(orgUnitParents.id, own.id));
        }
        await tx
          .update(orgUnits)
          .set({ validTo: lastDay, ...nextVersion(actor) })
          .where(eq(orgUnits.id, id));
      }

      const inserted = await tx
        .insert(orgUnits)
        .values(
          newUnits.map((nu) => ({
            code: nu.code,
            fullName: nu.fullName,
            shortName: nu.shortName,
            kind: nu.kind ?? unit.kind,
            sector: nu.sector ?? null,
            address: nu.address ?? null,
            validFrom: date,
            validTo: null,
          })),
        )
        .returning({ id: orgUnits.id, code: orgUnits.code });
      // returning() keeps the order of the values.
      if (parentId) {
        await tx
          .insert(orgUnitParents)
          .values(inserted.map((u) => ({ unitId: u.id, parentId, validFrom: date, validTo: parent?.validTo ?? null })));
      }
      await tx
        .insert(orgUnitLinks)
        .values(inserted.map((u) => ({ fromUnitId: u.id, toUnitId: id, kind: 'split_from', effectiveDate: date })));
      await refreshOrgUnitPaths(tx);
      // The new units' figures from activity records start at zero; the original's follow its end.
      await refreshActivityFacts(tx, [id, ...inserted.map((u) => u.id)]);
      await recordAudit(tx, actor, {
        action: 'org_unit.split',
        entityType: 'org_unit',
        entityId: id,
        unitId: id,
        before,
        after: { ...(await snapshotUnit(tx, id)), date, endOriginal, created: inserted.map((u) => ({ id: u.id, code: u.code })) },
      });
      return inserted.map((u) => u.id);
    }),
  );
  return {
    original: await loadOrgUnitDetail(db, actor, id),
    created: await Promise.all(createdIds.map((cid) => loadOrgUnitDetail(db, actor, cid))),
  };
}
