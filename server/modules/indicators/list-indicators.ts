import { asc, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { indicators } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { allowedCatalogueActions, requireCatalogueRead } from './policy.js';

/** The indicator catalogue (not archived), by code, and what the caller may do with each row. */
export async function listIndicators(db: Executor, actor: Actor) {
  requireCatalogueRead(actor);
  const rows = await db.select().from(indicators).where(isNull(indicators.archivedAt)).orderBy(asc(indicators.code));
  return { rows, actionsOf: await allowedCatalogueActions(db, actor, ['edit']) };
}
