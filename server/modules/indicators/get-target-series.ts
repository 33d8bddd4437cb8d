import { sql } from 'drizzle-orm';
import type { FactCounting } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { canReachUnit, READ_ROLES, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { forbidden } from '../../lib/errors.js';
import { computeAllocationProgress } from './compute-allocation-progress.js';
import { computeTargetBreakdown } from './compute-target-breakdown.js';
import { computeTargets, monthOf } from './compute-targets.js';
import { monthFromIndex, monthIndex } from './periods.js';
import { requireTargetVisible, visibleTargets } from './policy.js';
import type { TargetSeriesQuery } from './schemas.js';
import type { TargetStatus } from './status.js';
import { lastDay } from './target-scope.js';

export interface SeriesPoint {
  month: string;
  asOf: string;
  value: number | null;
  status: TargetStatus | null;
}

/**
 * A target's value month by month (biểu đồ theo tháng): the same one-statement
 * engine as the dashboard, run at the end of each month of the target's period
 * up to the as-of date (the last point is the as-of date itself), so each point
 * is exactly what the dashboard showed on that day. With a unit: its allocated
 * share when it has one, else its own row of the breakdown.
 */
export async function getTargetSeries(db: Executor, actor: Actor, targetId: string, query: TargetSeriesQuery) {
  const asOf = query.asOf ?? todayInVietnam();
  await requireTargetVisible(db, actor, targetId);
  const [target] = await queryRows<{ period_from: unknown; period_to: unknown; scope_unit_id: string }>(
    db,
    sql`select period_from, period_to, scope_unit_id from targets where id = ${targetId}::uuid`,
  );
  const from = monthOf(target!.period_from);
  const to = monthOf(target!.period_to);
  const unitId = query.unitId ?? null;
  if (unitId) {
    const whole = await canReachUnit(db, actor, target!.scope_unit_id, READ_ROLES);
    if (!whole && !(await canReachUnit(db, actor, unitId, READ_ROLES))) throw forbidden();
  }
  const last = Math.min(monthIndex(to), monthIndex(asOf.slice(0, 7)));
  const points: SeriesPoint[] = [];
  for (let i = monthIndex(from); i <= last; i++) {
    const month = monthFromIndex(i);
    const monthEnd = lastDay(month);
    const at = monthEnd < asOf ? monthEnd : asOf;
    points.push({
      month,
      asOf: at,
      ...(unitId ? await unitPoint(db, targetId, unitId, at, query.counting) : await targetPoint(db, actor, targetId, at, query.counting)),
    });
  }
  return { targetId, asOf, unitId, points };
}

async function targetPoint(db: Executor, actor: Actor, targetId: string, at: string, counting: FactCounting) {
  const [p] = await computeTargets(db, { targetIds: [targetId] }, at, visibleTargets(actor), counting);
  return { value: p?.value ?? null, status: p?.status ?? null };
}

async function unitPoint(db: Executor, targetId: string, unitId: string, at: string, counting: FactCounting) {
  const [share] = await computeAllocationProgress(db, targetId, at, sql`al.unit_id = ${unitId}::uuid`, counting);
  if (share) return { value: share.value, status: share.status };
  const [row] = await computeTargetBreakdown(db, targetId, at, sql`pu.unit_id = ${unitId}::uuid`, counting);
  return { value: row?.value ?? (row?.meets == null ? null : row.meets ? 1 : 0), status: null };
}
