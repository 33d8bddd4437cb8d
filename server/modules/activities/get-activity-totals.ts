// Totals of one kind of record per unit over a period, in the reader's scope:
// how many records, Σ amount (welfare: all sources; emulation works: their
// value) and, for welfare, Σ by fund source. Units without a record are left out.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivityTotalsQuery, ActivityTotalsView } from '../../../common/api/activities.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { activityConditions } from './activity-reads.js';
import { requireActivityReader } from './policy.js';

export async function getActivityTotals(
  db: Executor,
  actor: Actor,
  query: z.output<typeof ActivityTotalsQuery>,
): Promise<z.output<typeof ActivityTotalsView>> {
  requireActivityReader(actor);
  const where = await activityConditions(db, actor, { kind: query.kind, unitId: query.unitId, from: query.from, to: query.to });
  const [units, sources] = await Promise.all([
    queryRows<{ unit_id: string; unit_name: string; records: number | string; amount: number | string }>(
      db,
      sql`select r.unit_id::text as unit_id, u.short_name as unit_name, count(*)::int as records,
          coalesce(sum(r.amount_vnd), 0)::bigint as amount
        from activity_records r join org_units u on u.id = r.unit_id
        where ${where}
        group by r.unit_id, u.short_name
        order by u.short_name, r.unit_id`,
    ),
    queryRows<{ unit_id: string; source: string; amount: number | string }>(
      db,
      sql`select r.unit_id::text as unit_id, a.source, coalesce(sum(a."amountVnd"), 0)::bigint as amount
        from activity_records r
        cross join lateral jsonb_to_recordset(
          case when jsonb_typeof(r.details -> 'amounts') = 'array' then r.details -> 'amounts' else '[]'::jsonb end
        ) as a(source text, "amountVnd" bigint)
        where ${where}
        group by r.unit_id, a.source`,
    ),
  ]);
  const bySource = new Map<string, Record<string, number>>();
  for (const s of sources) {
    const entry = bySource.get(s.unit_id) ?? {};
    entry[s.source] = Number(s.amount);
    bySource.set(s.unit_id, entry);
  }
  return {
    rows: units.map((u) => ({
      unitId: u.unit_id,
      unitName: u.unit_name,
      records: Number(u.records),
      amountVnd: Number(u.amount),
      bySource: bySource.get(u.unit_id) ?? {},
    })),
  };
}
