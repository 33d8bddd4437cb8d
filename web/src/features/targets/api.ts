// TanStack Query hooks over /api/targets (tiến độ chỉ tiêu).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/indicators';
import { todayIso } from '../../lib/dates';
import { api, qs } from '../../lib/api';
import type { ProgramPage, ProgramSummary } from '../programs/api';
import { useMe } from '../auth/use-me';
import type { FactCounting } from '../../../../common/reports';

export { TARGET_STATUSES, UNIT_STATES, type TargetStatus, type UnitState } from '../../../../common/indicators';
export type { TargetComparator as Comparator } from '../../../../common/indicators';

// Types of what crosses the wire, taken from the schemas the server uses.
export type TargetProgressResponse = z.output<typeof wire.TargetProgressResponse>;
export type TargetProgress = TargetProgressResponse['items'][number];
/** A target as listed by GET /api/targets. */
export type TargetSummary = z.output<typeof wire.TargetView>;
export type TargetBreakdown = z.output<typeof wire.TargetBreakdownResponse>;
export type UnitBreakdown = TargetBreakdown['units'][number];
export type AllocationProgress = TargetBreakdown['allocations'][number];
/** A program offered in the pickers (GET /api/programs). */
export type ProgramOption = ProgramSummary;

/** Which facts count on the dashboard (docs/reporting.md "Dashboard counting"): submitted and approved (default), or approved only. */
export type Counting = FactCounting;
export { FACT_COUNTING } from '../../../../common/reports';

/** The counting in the address (?counting=approved), 'submitted' when absent or unknown. */
export const countingFrom = (value: string | null): Counting => (value === 'approved' ? 'approved' : 'submitted');

export function useTargetProgress(params: z.input<typeof wire.TargetProgressQuery> & { counting?: Counting }, enabled = true) {
  return useQuery({
    queryKey: ['targets', 'progress', params],
    queryFn: () => api.get<TargetProgressResponse>(`/api/targets/progress${qs(params)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTargets() {
  return useQuery({
    queryKey: ['targets', 'list'],
    queryFn: () => api.get<z.output<typeof wire.TargetList>>('/api/targets'),
  });
}

export function useTargetBreakdown(id: string | undefined, asOf: string | undefined, counting: Counting = 'submitted') {
  return useQuery({
    queryKey: ['targets', 'breakdown', id, asOf, counting],
    queryFn: () => api.get<TargetBreakdown>(`/api/targets/${id}/breakdown${qs({ asOf, counting })}`),
    enabled: Boolean(id),
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export type UnitTargets = z.output<typeof wire.UnitTargetsResponse>;
export type UnitTargetItem = UnitTargets['items'][number];
export type UnitCell = z.output<typeof wire.UnitCellView>;
export type TargetMatrix = z.output<typeof wire.TargetMatrixResponse>;
export type MatrixUnit = TargetMatrix['units'][number];

/** A unit's own targets (the chair's view): its share or inherited rate, its value, status and what it owes. */
export function useUnitTargets(params: z.input<typeof wire.UnitTargetsQuery> | undefined, enabled = true) {
  return useQuery({
    queryKey: ['targets', 'unit-view', params],
    queryFn: () => api.get<UnitTargets>(`/api/targets/unit-view${qs(params!)}`),
    placeholderData: keepPreviousData,
    enabled: enabled && Boolean(params?.unitId),
  });
}

/** The leader's units × targets matrix. */
export function useTargetMatrix(params: z.input<typeof wire.TargetMatrixQuery>, enabled = true) {
  return useQuery({
    queryKey: ['targets', 'matrix', params],
    queryFn: () => api.get<TargetMatrix>(`/api/targets/matrix${qs(params)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const targetMatrixXlsxUrl = (params: z.input<typeof wire.TargetMatrixQuery>) => `/api/targets/matrix.xlsx${qs(params)}`;

/**
 * The unit whose own targets the user sees first: a user whose every role is
 * held at one unit without its subtree (a CĐCS chair) sees that unit; a
 * federation's leader or officer (a subtree) sees the whole.
 */
export function useOwnUnit(): { unitId: string; unitName: string } | undefined {
  const { data: me } = useMe();
  const assignments = me?.assignments ?? [];
  if (assignments.length === 0 || assignments.some((a) => a.includesSubtree)) return undefined;
  return { unitId: assignments[0]!.unitId, unitName: assignments[0]!.unitName };
}

/**
 * Programs a dashboard offers: issued (or superseded) ones, and drafts of the
 * user's own units only — another unit's draft never shows on home or progress.
 */
export function useDashboardPrograms() {
  const { data: me } = useMe();
  const query = useProgramOptions();
  const own = new Set((me?.assignments ?? []).map((a) => a.unitId));
  const items = (query.data?.items ?? []).filter((p) => p.status !== 'draft' || own.has(p.unitId));
  return { ...query, items };
}

export type TargetSeries = z.output<typeof wire.TargetSeriesResponse>;

/** A target's value month by month (GET /api/targets/:id/series), for the monthly chart. */
export function useTargetSeries(id: string | undefined, params: z.input<typeof wire.TargetSeriesQuery>) {
  return useQuery({
    queryKey: ['targets', 'series', id, params],
    queryFn: () => api.get<TargetSeries>(`/api/targets/${id}/series${qs(params)}`),
    enabled: Boolean(id),
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/**
 * The monthly reporting period of a program for the as-of month: the period
 * whose report gave a unit's figure on the breakdown. Undefined while the
 * reader may not see the schedule (a chair) or the month has no period.
 */
export function useMonthlyPeriodId(programId: string | null | undefined, asOf: string, enabled = true): string | undefined {
  const schedule = useQuery({
    queryKey: ['reports', 'schedule', programId],
    queryFn: () => api.get<{ periods: { id: string; kind: string; factMonth: string }[] }>(`/api/programs/${programId}/report-schedule`),
    enabled: enabled && Boolean(programId),
    retry: false,
    staleTime: 60_000,
  });
  return schedule.data?.periods.find((p) => p.kind === 'monthly' && p.factMonth.slice(0, 7) === asOf.slice(0, 7))?.id;
}

export function useProgramOptions() {
  return useQuery({
    queryKey: ['programs', 'options'],
    queryFn: () => api.get<ProgramPage>(`/api/programs${qs({ page: 1, pageSize: 200 })}`),
  });
}

export const targetBreakdownXlsxUrl = (id: string, asOf?: string) => `/api/targets/${id}/breakdown.xlsx${qs({ asOf })}`;

/**
 * The program of the most recent targets in scope (by end of period), to open the page on;
 * with `programs`, only among those (useDashboardPrograms: never another unit's draft).
 */
export function latestTargetProgramId(targets: TargetSummary[] | undefined, programs?: readonly ProgramOption[]): string | undefined {
  const allowed = programs ? new Set(programs.map((p) => p.id)) : undefined;
  let best: TargetSummary | undefined;
  for (const x of targets ?? [])
    if (x.programId && (!allowed || allowed.has(x.programId)) && (!best || x.periodTo > best.periodTo)) best = x;
  return best?.programId ?? undefined;
}

/**
 * Default as-of date: today, or — when the program's year is over — 30/11 of
 * that year, the cut-off of the year-end report (DOMAIN.md: year statistics
 * are "as of 30/11"), so a past year opens on the figures it was judged by.
 */
export function defaultAsOf(program: ProgramOption | undefined): string {
  const today = todayIso();
  if (program && program.year < Number(today.slice(0, 4))) return `${program.year}-11-30`;
  return today;
}
