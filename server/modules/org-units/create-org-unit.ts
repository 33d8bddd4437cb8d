import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { orgUnitParents, orgUnits } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { refreshActivityFacts } from '../activities/activity-facts.js';
import { refreshOrgUnitPaths } from './refresh-org-unit-paths.js';
import { requireManageParent } from './policy.js';
import type { CreateOrgUnitInput } from './schemas.js';
import {
  checkFoundingRecord,
  checkSector,
  codeTaken,
  findUnit,
  isValidOn,
  loadOrgUnitDetail,
  minDate,
  snapshotUnit,
  vnDate,
  withCodeRace,
  type OrgUnitDetailModel,
} from './tree-queries.js';

/**
 * Creates a unit (thành lập đơn vị), under a parent from its first day when
 * one is given. A grassroots union may carry its founding record (decision
 * number, members at founding ≥ MEMBER_LIMITS.foundingMinMembers); its
 * founding date is validFrom. The caller needs manageUnits over the parent; only a system
 * administrator creates a top-level unit.
 */
export async function createOrgUnit(db: Executor, actor: Actor, input: CreateOrgUnitInput): Promise<OrgUnitDetailModel> {
  // The parent is held on the day the new unit starts (access.ts heldOn).
  await requireManageParent(db, actor, input.parentId, input.validFrom);
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo < input.validFrom) throw fieldError('UNIT_DATES_INVALID', 'validTo');
  checkSector(input.kind, input.sector);
  checkFoundingRecord(input.kind, input);

  const id = await withCodeRace('code', () =>
    inTransaction(db, async (tx) => {
      if (await codeTaken(tx, input.code)) throw fieldError('UNIT_CODE_TAKEN', 'code');
      let parentTo: string | null = null;
      if (input.parentId) {
        const parent = await findUnit(tx, input.parentId);
        if (!parent || !isValidOn(parent, input.validFrom)) {
          throw fieldError('UNIT_PARENT_NOT_VALID', 'parentId', { date: vnDate(input.validFrom) });
        }
        parentTo = minDate(validTo, parent.validTo);
      }
      const [unit] = await tx
        .insert(orgUnits)
        .values({
          code: input.code,
          fullName: input.fullName,
          shortName: input.shortName,
          kind: input.kind,
          sector: input.sector ?? null,
          address: input.address ?? null,
          foundingDecision: input.foundingDecision ?? null,
          initialMemberCount: input.initialMemberCount ?? null,
          validFrom: input.validFrom,
          validTo,
        })
        .returning({ id: orgUnits.id });
      if (input.parentId) {
        await tx
          .insert(orgUnitParents)
          .values({ unitId: unit!.id, parentId: input.parentId, validFrom: input.validFrom, validTo: parentTo });
      }
      await refreshOrgUnitPaths(tx);
      // Its figures from activity records start at zero (a new CĐCS did 0 inspections, not "no data").
      await refreshActivityFacts(tx, [unit!.id]);
      await recordAudit(tx, actor, {
        action: 'org_unit.create',
        entityType: 'org_unit',
        entityId: unit!.id,
        unitId: unit!.id,
        before: null,
        after: await snapshotUnit(tx, unit!.id),
      });
      return unit!.id;
    }),
  );
  return loadOrgUnitDetail(db, actor, id);
}
