// TanStack Query hooks over /api/targets (tiến độ chỉ tiêu).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { todayIso } from '../../lib/dates';
import { api, qs } from '../../lib/api';

export const TARGET_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const UNIT_STATES = ['reported', 'ineligible', 'not_applicable', 'no_data'] as const;
export type UnitState = (typeof UNIT_STATES)[number];
export type Comparator = 'gte' | 'lte' | 'eq';

export interface TargetProgress {
  targetId: string;
  indicatorId: string;
  programId: string | null;
  code: string | null;
  text: string;
  measure: string;
  unitOfMeasure: string;
  comparator: Comparator;
  targetValue: number;
  tolerance: number;
  stretch: boolean;
  whenConditionsAllow: boolean;
  scopeUnitId: string;
  periodFrom: string;
  periodTo: string;
  value: number | null;
  status: TargetStatus;
  reportedUnits: number;
  eligibleUnits: number;
  notApplicableUnits: number;
  noDataUnits: number;
}

export interface TargetSummary {
  id: string;
  programId: string | null;
  code: string | null;
  text: string;
  comparator: Comparator;
  value: number;
  unitOfMeasure: string;
  periodFrom: string;
  periodTo: string;
  scopeUnitId: string;
  stretch: boolean;
  whenConditionsAllow: boolean;
}

export interface UnitBreakdown {
  unitId: string;
  unitCode: string;
  unitName: string;
  months: number;
  state: UnitState;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: boolean | null;
  allocated: number | null;
}

export interface AllocationProgress {
  unitId: string;
  unitCode: string;
  unitName: string;
  allocated: number;
  value: number | null;
  status: TargetStatus;
  reportedUnits: number;
  noDataUnits: number;
}

export interface TargetBreakdown {
  targetId: string;
  asOf: string;
  units: UnitBreakdown[];
  allocations: AllocationProgress[];
}

export interface ProgramOption {
  id: string;
  year: number;
  kind: string;
  title: string;
  documentNumber: string;
  unitName: string;
}

export function useTargetProgress(params: { programId?: string; scopeUnitId?: string; asOf?: string }, enabled = true) {
  return useQuery({
    queryKey: ['targets', 'progress', params],
    queryFn: () => api.get<{ asOf: string; items: TargetProgress[] }>(`/api/targets/progress${qs(params)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTargets() {
  return useQuery({
    queryKey: ['targets', 'list'],
    queryFn: () => api.get<{ items: TargetSummary[] }>('/api/targets'),
  });
}

export function useTargetBreakdown(id: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: ['targets', 'breakdown', id, asOf],
    queryFn: () => api.get<TargetBreakdown>(`/api/targets/${id}/breakdown${qs({ asOf })}`),
    enabled: Boolean(id),
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useProgramOptions() {
  return useQuery({
    queryKey: ['programs', 'options'],
    queryFn: () => api.get<{ items: ProgramOption[] }>(`/api/programs${qs({ page: 1, pageSize: 200 })}`),
  });
}

export const targetBreakdownXlsxUrl = (id: string, asOf?: string) => `/api/targets/${id}/breakdown.xlsx${qs({ asOf })}`;

/** The program of the most recent targets in scope (by end of period), to open the page on. */
export function latestTargetProgramId(targets: TargetSummary[] | undefined): string | undefined {
  let best: TargetSummary | undefined;
  for (const x of targets ?? []) if (x.programId && (!best || x.periodTo > best.periodTo)) best = x;
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
