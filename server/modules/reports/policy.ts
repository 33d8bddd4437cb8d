// Who may do what with reports, in which scope (DOMAIN.md "Roles",
// docs/reporting.md "Workflow"). The form's allowedActions are computed by
// these same functions, so what the form offers is what the write accepts.
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { canWriteUnit, requireWriteAccess, writeDateFor, type Actor } from '../../lib/access.js';
import { requireProgramVisible } from '../programs/policy.js';
import type { ProgramChain } from './report-periods.js';

/** The day a write about a period takes effect: today, or its cut-off when that is past (write scope: who holds the unit then). */
export const periodWriteDate = (period: { dataTo: string }) => writeDateFor(period.dataTo);

/** Reading a program's schedule: whoever may read the program. */
export async function requireScheduleRead(ex: Executor, actor: Actor, chain: ProgramChain): Promise<void> {
  const status = chain.versions.some((v) => v.status === 'issued' || v.status === 'superseded') ? 'issued' : 'draft';
  await requireProgramVisible(ex, actor, { unitId: chain.unitId, year: chain.year, status });
}

/** Setting the schedule: an officer holding the program's issuing unit at the end of its year (or today). */
export function requireScheduleWrite(ex: Executor, actor: Actor, chain: ProgramChain): Promise<void> {
  return requireWriteAccess(ex, actor, chain.unitId, PERMISSIONS.manageReportSchedules, writeDateFor(`${chain.year}-12-31`));
}

/** Closing or reopening a period: a leader holding the program's issuing unit on the period's cut-off. */
export function requirePeriodClose(ex: Executor, actor: Actor, programUnitId: string, period: { dataTo: string }): Promise<void> {
  return requireWriteAccess(ex, actor, programUnitId, PERMISSIONS.closeReportPeriods, periodWriteDate(period));
}

/** Saving and submitting: the unit's chair/officer (write scope on the period). */
export const canSubmitReport = (ex: Executor, actor: Actor, unitId: string, period: { dataTo: string }) =>
  canWriteUnit(ex, actor, unitId, PERMISSIONS.submitReports, periodWriteDate(period));

/** Returning and reopening: the Office of the federation holding the unit on the period. */
export const canReviewReport = (ex: Executor, actor: Actor, unitId: string, period: { dataTo: string }) =>
  canWriteUnit(ex, actor, unitId, PERMISSIONS.reviewReports, periodWriteDate(period));

/** Approving: the Office or a leader holding the unit on the period. */
export const canApproveReport = (ex: Executor, actor: Actor, unitId: string, period: { dataTo: string }) =>
  canWriteUnit(ex, actor, unitId, PERMISSIONS.approveReports, periodWriteDate(period));
