import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../lib/access.js';
import { notOthersDrafts, visibleTargets } from './policy.js';

/**
 * The targets a dashboard shows (condition on `tg`): those the caller may read
 * (visibleTargets), not another unit's draft (notOthersDrafts), of one program,
 * or — without one — every target whose period includes the as-of date.
 */
export function dashboardTargets(actor: Actor, programId: string | undefined, asOf: string): SQL {
  const selection = programId
    ? sql`tg.program_id = ${programId}::uuid`
    : sql`tg.period_from <= ${asOf}::date and tg.period_to >= date_trunc('month', ${asOf}::date::timestamp)::date`;
  return sql`(${visibleTargets(actor)}) and (${notOthersDrafts(actor)}) and (${selection})`;
}
