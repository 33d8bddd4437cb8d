import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { LAGGING_STATUSES } from '../../../common/indicators.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { computeMemberDepartures } from './compute-member-departures.js';
import { computeTargets } from './compute-targets.js';
import { computeUnitCells, type UnitCell } from './compute-unit-cells.js';
import { dashboardTargets } from './dashboard-targets.js';
import { unitInScope, visibleTargets } from './policy.js';
import type { TargetMatrixQuery } from './schemas.js';

export interface MatrixUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  /** Targets the unit misses (at risk or off track). */
  lagging: number;
  noData: number;
  cells: UnitCell[];
}

const collator = new Intl.Collator('vi');

/**
 * The leader's view of who lags (issue 10 item 7): units × targets of a program
 * (or every target in progress on the as-of date), each cell the unit judged
 * against its own target. The cells come from ONE engine statement over the
 * units in the caller's scope (a chair sees only their own row, never a
 * sibling's), the column heads from one more. Units missing most targets come
 * first; `status` keeps units with at least one target in that status.
 */
export async function getTargetMatrix(db: Executor, actor: Actor, query: TargetMatrixQuery) {
  const asOf = query.asOf ?? todayInVietnam();
  const filter = dashboardTargets(actor, query.programId, asOf);
  const cells = await computeUnitCells(db, filter, asOf, unitInScope(actor, sql`p.descendant_id`));
  const targets = await computeTargets(db, { targetIds: [...new Set(cells.map((c) => c.targetId))] }, asOf, visibleTargets(actor));

  const units = new Map<string, MatrixUnit>();
  for (const c of cells) {
    let u = units.get(c.unitId);
    if (!u) {
      u = { unitId: c.unitId, unitCode: c.unitCode, unitName: c.unitName, lagging: 0, noData: 0, cells: [] };
      units.set(c.unitId, u);
    }
    u.cells.push(c);
    if (c.status && LAGGING_STATUSES.includes(c.status)) u.lagging += 1;
    if (c.status === 'no_data') u.noData += 1;
  }
  const rows = [...units.values()]
    .filter((u) => !query.status || u.cells.some((c) => c.status === query.status))
    .sort((a, b) => b.lagging - a.lagging || b.noData - a.noData || collator.compare(a.unitName, b.unitName));
  const departures = await computeMemberDepartures(
    db,
    targets.map((x) => x.targetId),
    asOf,
  );
  return { asOf, targets, units: rows, departures };
}
