import { asc, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { indicators } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { requireCatalogueRead } from './policy.js';

/** The indicator catalogue (not archived), by code. */
export async function listIndicators(db: Executor, actor: Actor) {
  requireCatalogueRead(actor);
  return db.select().from(indicators).where(isNull(indicators.archivedAt)).orderBy(asc(indicators.code));
}
