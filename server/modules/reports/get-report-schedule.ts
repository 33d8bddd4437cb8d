import { asc, eq } from 'drizzle-orm';
import type { OrgUnitKind } from '../../../common/enums.js';
import type { Executor } from '../../db/client.js';
import { reportPeriods, reportSchedules } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { programNotFound } from '../programs/policy.js';
import { requireScheduleRead } from './policy.js';
import { chainIssued, ensureReportPeriods, programChain, type ProgramChain } from './report-periods.js';

export type ReportPeriodRow = typeof reportPeriods.$inferSelect;

export interface ReportSchedule {
  programId: string;
  saved: boolean;
  unitKinds: OrgUnitKind[];
  periods: ReportPeriodRow[];
  rowVersion: number | null;
}

/** The schedule of a program (any version's id; keyed by the first): saved, or the defaults (saved: false). */
export async function getReportSchedule(ex: Executor, actor: Actor, programId: string): Promise<ReportSchedule> {
  const chain = await programChain(ex, programId);
  if (!chain) throw programNotFound(actor);
  await requireScheduleRead(ex, actor, chain);
  return loadReportSchedule(ex, chain);
}

/** The schedule without the access check (callers have checked); makes the default periods real for an issued program. */
export async function loadReportSchedule(ex: Executor, chain: ProgramChain): Promise<ReportSchedule> {
  if (chainIssued(chain)) await ensureReportPeriods(ex, chain.firstId, chain.year);
  const [saved] = await ex.select().from(reportSchedules).where(eq(reportSchedules.programId, chain.firstId));
  const periods = await ex
    .select()
    .from(reportPeriods)
    .where(eq(reportPeriods.programId, chain.firstId))
    .orderBy(asc(reportPeriods.dueOn), asc(reportPeriods.kind));
  return {
    programId: chain.firstId,
    saved: Boolean(saved),
    unitKinds: (saved?.unitKinds ?? ['grassroots_union']) as OrgUnitKind[],
    periods,
    rowVersion: saved?.rowVersion ?? null,
  };
}
