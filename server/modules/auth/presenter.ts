import { inArray } from 'drizzle-orm';
import { permissionsOf } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';

export async function presentMe(db: Executor, actor: Actor, csrfToken: string) {
  const unitIds = [...new Set(actor.assignments.map((a) => a.unitId))];
  const units = unitIds.length
    ? await db
        .select({ id: orgUnits.id, shortName: orgUnits.shortName, validTo: orgUnits.validTo })
        .from(orgUnits)
        .where(inArray(orgUnits.id, unitIds))
    : [];
  const names = new Map(units.map((u) => [u.id, u.shortName]));
  const ends = new Map(units.map((u) => [u.id, toDateOnly(u.validTo) ?? null]));
  return {
    user: { id: actor.userId, username: actor.username, fullName: actor.fullName, locale: actor.locale },
    assignments: actor.assignments.map((a) => ({
      id: a.id,
      role: a.role,
      unitId: a.unitId,
      unitName: names.get(a.unitId) ?? '',
      /** The unit's last day, when it has ended (e.g. a district federation after 1 July 2025). */
      unitValidTo: ends.get(a.unitId) ?? null,
      includesSubtree: a.includesSubtree,
    })),
    permissions: permissionsOf(actor.assignments.map((a) => a.role)),
    csrfToken,
  };
}
