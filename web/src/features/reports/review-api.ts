// TanStack Query hooks of the Office's and the leader's side of the reporting
// cycle (docs/reporting.md): a report by id and its review steps, a program's
// schedule, closing a period, the compiled report (BC).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/reports';
import { api } from '../../lib/api';

export type ReportView = z.output<typeof wire.ReportView>;
export type ReportField = ReportView['sections'][number]['fields'][number];
export type ReportEvent = ReportView['history'][number];
export type ReportSchedule = z.output<typeof wire.ReportScheduleView>;
export type ReportPeriod = z.output<typeof wire.ReportPeriodView>;
export type CompiledReport = z.output<typeof wire.CompiledReportView>;

const reportKey = (id: string | undefined) => ['reports', 'byId', id];

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => api.get<ReportView>(`/api/reports/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

/** Return / approve / reopen: the new state replaces the cached report; the dashboard's figures change with it. */
function useReportStep<Body>(step: 'return' | 'approve' | 'reopen') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Body }) => api.post<ReportView>(`/api/reports/${id}/${step}`, body),
    onSuccess: (report) => {
      if (report?.id) client.setQueryData(reportKey(report.id), report);
      void client.invalidateQueries({ queryKey: ['reports'] });
      void client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}

export const useReturnReport = () => useReportStep<z.input<typeof wire.ReturnReportBody>>('return');
export const useApproveReport = () => useReportStep<z.input<typeof wire.ApproveReportBody>>('approve');
export const useReopenReport = () => useReportStep<z.input<typeof wire.ReopenReportBody>>('reopen');

export const reportDocxUrl = (id: string) => `/api/reports/${id}/docx`;

/** The report of a unit for a period (blank when not started): the breakdown's link to "the report that gave a figure". */
export function usePeriodUnitReport(periodId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'period-unit', periodId, unitId],
    queryFn: () => api.get<ReportView>(`/api/report-periods/${periodId}/units/${unitId}/report`),
    enabled: Boolean(periodId && unitId),
    retry: false,
  });
}

// ---- Schedule and periods ----

const scheduleKey = (programId: string | undefined) => ['reports', 'schedule', programId];

export function useReportSchedule(programId: string | undefined) {
  return useQuery({
    queryKey: scheduleKey(programId),
    queryFn: () => api.get<ReportSchedule>(`/api/programs/${programId}/report-schedule`),
    enabled: Boolean(programId),
    retry: false,
  });
}

export function useSaveReportSchedule(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof wire.PutReportScheduleBody>) =>
      api.put<ReportSchedule>(`/api/programs/${programId}/report-schedule`, body),
    onSuccess: (schedule) => client.setQueryData(scheduleKey(programId), schedule),
  });
}

export function usePeriodLock(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      periodId,
      action,
      body,
    }: {
      periodId: string;
      action: 'close' | 'reopen';
      body: z.input<typeof wire.ReopenPeriodBody> | z.input<typeof wire.ClosePeriodBody>;
    }) => api.post<ReportPeriod>(`/api/report-periods/${periodId}/${action}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: scheduleKey(programId) });
      void client.invalidateQueries({ queryKey: ['reports'] });
      void client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}

// ---- Compiled report (BC) ----

const compiledKey = (periodId: string | undefined) => ['reports', 'compiled', periodId];

export function useCompiledReport(periodId: string | undefined) {
  return useQuery({
    queryKey: compiledKey(periodId),
    queryFn: () => api.get<CompiledReport>(`/api/report-periods/${periodId}/compiled`),
    enabled: Boolean(periodId),
    retry: false,
  });
}

export function useSaveCompiledReport(periodId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof wire.PutCompiledReportBody>) =>
      api.put<CompiledReport>(`/api/report-periods/${periodId}/compiled`, body),
    onSuccess: (compiled) => client.setQueryData(compiledKey(periodId), compiled),
  });
}

export const compiledDocxUrl = (periodId: string) => `/api/report-periods/${periodId}/compiled.docx`;
