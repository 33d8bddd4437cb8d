// TanStack Query hooks of the compliance board (GET /api/report-periods/:id/compliance[.xlsx])
// and the pickers it needs (programs, a program's periods). Shapes from common/api (decision 0005).
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as ProgramWire from '../../../../common/api/programs';
import type * as Wire from '../../../../common/api/reports';
import type { ComplianceState } from '../../../../common/reports';
import { api, download, qs } from '../../lib/api';

export type Compliance = z.output<typeof Wire.ComplianceView>;
export type ComplianceRow = Compliance['rows'][number];
export type ReportSchedule = z.output<typeof Wire.ReportScheduleView>;
type ProgramPage = z.output<typeof ProgramWire.ProgramPage>;

export interface ComplianceFilters {
  state?: ComplianceState | undefined;
  q?: string | undefined;
}

export const COMPLIANCE_KEY = 'compliance';

export function useCompliance(periodId: string | undefined, filters: ComplianceFilters) {
  return useQuery({
    queryKey: [COMPLIANCE_KEY, periodId, filters.state, filters.q],
    queryFn: () =>
      api.get<Compliance>(`/api/report-periods/${encodeURIComponent(periodId!)}/compliance${qs({ state: filters.state, q: filters.q })}`),
    enabled: Boolean(periodId),
    placeholderData: keepPreviousData,
  });
}

export function useExportCompliance() {
  return useMutation({
    mutationFn: ({ periodId, filters }: { periodId: string; filters: ComplianceFilters }) =>
      download(
        `/api/report-periods/${encodeURIComponent(periodId)}/compliance.xlsx${qs({ state: filters.state, q: filters.q })}`,
        'theo-doi-nop-bao-cao.xlsx',
      ),
  });
}

/** Programs in the reader's scope (the picker). */
export function useCompliancePrograms() {
  return useQuery({
    queryKey: [COMPLIANCE_KEY, 'programs'],
    queryFn: () => api.get<ProgramPage>(`/api/programs${qs({ pageSize: 100 })}`),
    staleTime: 300_000,
  });
}

export function useProgramPeriods(programId: string | undefined) {
  return useQuery({
    queryKey: [COMPLIANCE_KEY, 'schedule', programId],
    queryFn: () => api.get<ReportSchedule>(`/api/programs/${encodeURIComponent(programId!)}/report-schedule`),
    enabled: Boolean(programId),
    staleTime: 300_000,
  });
}
