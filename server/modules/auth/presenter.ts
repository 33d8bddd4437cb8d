import { inArray } from 'drizzle-orm';
import { permissionsOf } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';

export async function presentMe(db: Executor, actor: Actor, csrfToken: string) {
  const unitIds = [...new Set(actor.assignments.map((a) => a.unitId))];
  const units = unitIds.length
    ? await db.select({ id: orgUnits.id, shortName: orgUnits.shortName }).from(orgUnits).where(inArray(orgUnits.id, unitIds))
    : [];
  const names = new Map(units.map((u) => [u.id, u.shortName]));
  return {
    user: { id: actor.userId, username: actor.username, fullName: actor.fullName, locale: actor.locale },
    assignments: actor.assignments.map((a) => ({
      id: a.id,
      role: a.role,
      unitId: a.unitId,
      unitName: names.get(a.unitId) ?? '',
      includesSubtree: a.includesSubtree,
    })),
    permissions: permissionsOf(actor.assignments.map((a) => a.role)),
    csrfToken,
  };
}
