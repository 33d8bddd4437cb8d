import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { requireReadUnit } from './policy.js';
import { loadOrgUnitDetail, type OrgUnitDetailModel } from './tree-queries.js';

/** One unit with its parent history, successor links and children (as of asOf or today). */
export async function getOrgUnit(db: Executor, actor: Actor, id: string, asOf?: string): Promise<OrgUnitDetailModel> {
  await requireReadUnit(db, actor, id);
  return loadOrgUnitDetail(db, actor, id, asOf);
}
