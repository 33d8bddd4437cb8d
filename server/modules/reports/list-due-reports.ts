import { READ_ROLES, type Actor } from '../../lib/access.js';
import type { Executor } from '../../db/client.js';
import { todayInVietnam } from '../../lib/dates.js';
import { listExpectedReports, type ExpectedReport } from './expected-reports.js';
import { ensureReportPeriods, programsAboveUnits } from './report-periods.js';

/**
 * What the reader's own units owe (GET /api/reports/due; the home page and the
 * "Báo cáo" menu): the expected reports of periods that have begun, under the
 * issued programs of the federations above them. 'open' (default) leaves out
 * approved reports and closed periods: not started, drafts, overdue,
 * returned (with the reviewer's comment) and submitted ones waiting.
 */
export async function listDueReports(
  ex: Executor,
  actor: Actor,
  query: { show?: 'open' | 'all' | undefined },
  now: Date = new Date(),
): Promise<ExpectedReport[]> {
  const units = [...new Set(actor.assignments.filter((a) => READ_ROLES.includes(a.role)).map((a) => a.unitId))];
  const programs = await programsAboveUnits(ex, units);
  if (programs.length === 0) return [];
  for (const p of programs) await ensureReportPeriods(ex, p.id, p.year);
  const today = todayInVietnam(now);
  const rows = await listExpectedReports(ex, {
    programIds: programs.map((p) => p.id),
    unitIds: units,
    startedBy: today,
    now,
  });
  const open = (query.show ?? 'open') === 'open' ? rows.filter((r) => !r.locked && r.state !== 'approved') : rows;
  // Most urgent first: overdue and returned, then by deadline.
  return open.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.period.dueOn.localeCompare(b.period.dueOn));
}
