// The chair's report form over /api/report-periods/:periodId/units/:unitId/report,
// /api/reports/:id[/submit] and /api/reports/:id/attachments (docs/reporting.md "Routes").
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/reports';
import { api } from '../../lib/api';

export type ReportView = z.output<typeof wire.ReportView>;
export type ReportField = z.output<typeof wire.ReportFieldView>;
export type ReportSection = z.output<typeof wire.ReportSectionView>;
export type ReportAttachment = z.output<typeof wire.ReportAttachmentView>;
export type SaveReportBody = z.input<typeof wire.SaveReportBody>;

/** Where the form is: a report by id, or a period and unit (a report not started yet). */
export type ReportTarget = { reportId: string } | { periodId: string; unitId: string };

export const formUrl = (periodId: string, unitId: string) => `/api/report-periods/${periodId}/units/${unitId}/report`;

export function useReportForm(target: ReportTarget) {
  const url = 'reportId' in target ? `/api/reports/${target.reportId}` : formUrl(target.periodId, target.unitId);
  return useQuery({
    queryKey: ['reports', 'form', url],
    queryFn: () => api.get<ReportView>(url),
    retry: false,
    // The form holds what is typed; a refetch in the background must not reset it.
    refetchOnWindowFocus: false,
  });
}

export const saveReport = (periodId: string, unitId: string, body: SaveReportBody) => api.put<ReportView>(formUrl(periodId, unitId), body);

export const submitReport = (reportId: string, expectedVersion: number) =>
  api.post<ReportView>(`/api/reports/${reportId}/submit`, { expectedVersion });

export const attachmentUrl = (reportId: string, attachmentId?: string) =>
  `/api/reports/${reportId}/attachments${attachmentId ? `/${attachmentId}` : ''}`;
