import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { canWriteUnit } from '../../lib/access.js';
import { MANAGE_ROLES, requireReadUnit } from './policy.js';
import { loadOrgUnitDetail, type OrgUnitDetailModel } from './tree-queries.js';

/**
 * One unit with its parent history, successor links and children (as of asOf
 * or today), and whether the caller may change it today (the check the writes
 * make, policy.ts requireManageUnit), so the web shows only usable buttons.
 */
export async function getOrgUnit(
  db: Executor,
  actor: Actor,
  id: string,
  asOf?: string,
): Promise<OrgUnitDetailModel & { canManage: boolean }> {
  await requireReadUnit(db, actor, id);
  const detail = await loadOrgUnitDetail(db, actor, id, asOf);
  return { ...detail, canManage: await canWriteUnit(db, actor, id, MANAGE_ROLES) };
}
