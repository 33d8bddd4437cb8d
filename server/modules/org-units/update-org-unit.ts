import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { orgUnitParents, orgUnits } from '../../db/schema/index.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { refreshActivityFacts } from '../activities/activity-facts.js';
import { refreshOrgUnitPaths } from './refresh-org-unit-paths.js';
import { requireManageUnit } from './policy.js';
import type { UpdateOrgUnitInput } from './schemas.js';
import {
  checkFoundingRecord,
  checkSector,
  childRowsBefore,
  childRowsFrom,
  codeTaken,
  dayAfter,
  distinctUnitCount,
  findUnit,
  isValidOn,
  loadOrgUnitDetail,
  lockUnit,
  minDate,
  parentHistory,
  snapshotUnit,
  vnDate,
  withCodeRace,
  type OrgUnitDetailModel,
  type OrgUnitRow,
} from './tree-queries.js';

/**
 * Edits a unit's fields and validity. When the dates change, the parent
 * history follows: the first and last parent rows are clipped or extended
 * with the unit; a change that would leave a parent change, or a child,
 * outside the new validity is refused with a code saying what to fix first.
 */
export async function updateOrgUnit(db: Executor, actor: Actor, id: string, input: UpdateOrgUnitInput): Promise<OrgUnitDetailModel> {
  await requireManageUnit(db, actor, id);
  await withCodeRace('code', () =>
    inTransaction(db, async (tx) => {
      const unit = await lockUnit(tx, id);
      await requireVersion(tx, 'org_units', unit, input.expectedVersion);
      const before = await snapshotUnit(tx, id);
      const validFrom = input.validFrom ?? unit.validFrom;
      const validTo = input.validTo === undefined ? unit.validTo : input.validTo;
      if (validTo !== null && validTo < validFrom) throw fieldError('UNIT_DATES_INVALID', 'validTo');
      const kind = input.kind ?? unit.kind;
      let sector: string | null;
      if (input.sector !== undefined) {
        checkSector(kind, input.sector);
        sector = input.sector;
      } else {
        // Changing the kind away from grassroots drops a sector that no longer applies.
        sector = kind === 'grassroots_union' ? unit.sector : null;
      }
      // The founding record follows the same rule: refused when given for another
      // kind, dropped when the kind is no longer grassroots.
      checkFoundingRecord(kind, { foundingDecision: input.foundingDecision, initialMemberCount: input.initialMemberCount });
      const grassroots = kind === 'grassroots_union';
      const foundingDecision = !grassroots ? null : input.foundingDecision === undefined ? unit.foundingDecision : input.foundingDecision;
      const initialMemberCount = !grassroots
        ? null
        : input.initialMemberCount === undefined
          ? unit.initialMemberCount
          : input.initialMemberCount;
      if (input.code !== undefined && input.code !== unit.code && (await codeTaken(tx, input.code, id))) {
        throw fieldError('UNIT_CODE_TAKEN', 'code');
      }
      if (validFrom !== unit.validFrom || validTo !== unit.validTo) await adjustParentRows(tx, unit, validFrom, validTo);
      const updated = await tx
        .update(orgUnits)
        .set({
          code: input.code ?? unit.code,
          fullName: input.fullName ?? unit.fullName,
          shortName: input.shortName ?? unit.shortName,
          kind,
          sector,
          address: input.address === undefined ? unit.address : input.address,
          foundingDecision,
          initialMemberCount,
          validFrom,
          validTo,
          ...nextVersion(actor),
        })
        .where(and(eq(orgUnits.id, id), eq(orgUnits.rowVersion, input.expectedVersion)))
        .returning({ id: orgUnits.id });
      if (updated.length === 0) throw await staleWrite(tx, 'org_units', id);
      await refreshOrgUnitPaths(tx);
      // Figures from activity records follow the unit's validity.
      if (validFrom !== unit.validFrom || validTo !== unit.validTo) await refreshActivityFacts(tx, [id]);
      await recordAudit(tx, actor, {
        action: 'org_unit.update',
        entityType: 'org_unit',
        entityId: id,
        unitId: id,
        before,
        after: await snapshotUnit(tx, id),
      });
    }),
  );
  return loadOrgUnitDetail(db, actor, id);
}

async function adjustParentRows(tx: Executor, unit: OrgUnitRow, validFrom: string, validTo: string | null): Promise<void> {
  const rows = await parentHistory(tx, unit.id);
  // Refuse when a whole parent period would fall outside the new validity.
  for (const row of rows) {
    if (validTo !== null && row.validFrom > validTo) {
      throw fieldError('UNIT_PARENT_HISTORY_OUTSIDE', 'validTo', { date: vnDate(row.validFrom) });
    }
    if (row.validTo !== null && row.validTo < validFrom) {
      throw fieldError('UNIT_PARENT_HISTORY_OUTSIDE', 'validFrom', { date: vnDate(dayAfter(row.validTo)) });
    }
  }
  // Children must stay inside the unit's validity.
  if (validTo !== null) {
    const count = distinctUnitCount(await childRowsFrom(tx, unit.id, dayAfter(validTo)));
    if (count > 0) throw fieldError('UNIT_HAS_ACTIVE_CHILDREN', 'validTo', { count });
  }
  if (validFrom > unit.validFrom) {
    const count = distinctUnitCount(await childRowsBefore(tx, unit.id, validFrom));
    if (count > 0) throw fieldError('UNIT_CHILDREN_BEFORE_START', 'validFrom', { count, date: vnDate(validFrom) });
  }

  for (const row of rows) {
    let from = row.validFrom;
    let to = row.validTo;
    if (from < validFrom) from = validFrom; // later start: clip
    if (from === unit.validFrom && validFrom < unit.validFrom) {
      // earlier start: the first parent period starts earlier too, if the parent existed then
      const parent = await findUnit(tx, row.parentId);
      if (!parent || !isValidOn(parent, validFrom)) throw fieldError('UNIT_PARENT_NOT_VALID', 'validFrom', { date: vnDate(validFrom) });
      from = validFrom;
    }
    if (validTo !== null && (to === null || to > validTo)) to = validTo; // earlier end: clip
    if (unit.validTo !== null && to === unit.validTo && (validTo === null || validTo > unit.validTo)) {
      // later end: the last parent period runs on, while the parent exists
      const parent = await findUnit(tx, row.parentId);
      to = minDate(validTo, parent?.validTo ?? null);
      if (to !== null && to < unit.validTo) to = unit.validTo;
    }
    if (from !== row.validFrom || to !== row.validTo) {
      await tx.update(orgUnitParents).set({ validFrom: from, validTo: to }).where(eq(orgUnitParents.id, row.id));
    }
  }
}
