import { asc, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { dataElements } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { allowedCatalogueActions, requireCatalogueRead } from './policy.js';

/** The data element catalogue, by code (archived ones only on request), and what the caller may do with each row. */
export async function listDataElements(db: Executor, actor: Actor, query: { includeArchived?: boolean | undefined }) {
  requireCatalogueRead(actor);
  const rows = await db
    .select()
    .from(dataElements)
    .where(query.includeArchived ? undefined : isNull(dataElements.archivedAt))
    .orderBy(asc(dataElements.code));
  return { rows, actionsOf: await allowedCatalogueActions(db, actor) };
}
