// TanStack Query hooks over /api/activities (hồ sơ hoạt động, docs/activities.md).
// Every key starts with 'activities' so one invalidation refreshes the list,
// the totals and the drawer; a write also refreshes the targets, which count
// the records through record-derived data elements. Every shape is the
// server's own zod schema (common/api/activities.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Wire from '../../../../common/api/activities';
import type { MemberListResponse } from '../../../../common/api/members';
import { api, download, qs } from '../../lib/api';

export type ActivityRecord = z.output<typeof Wire.ActivityRecordView>;
export type ActivityRecordPage = z.output<typeof Wire.ActivityRecordPage>;
export type ActivityTotals = z.output<typeof Wire.ActivityTotalsView>;
export type RecordPerson = z.output<typeof Wire.RecordPersonView>;
/** What the create form sends (before the server's defaults). */
export type ActivityRecordBody = z.input<typeof Wire.CreateActivityRecordBody>;
export type UpdateActivityRecordBody = z.input<typeof Wire.UpdateActivityRecordBody>;
export type DeleteActivityRecordBody = z.input<typeof Wire.DeleteActivityRecordBody>;
/** A file attached to a record (stored like a report's: report_attachments). */
export type ActivityAttachment = z.output<typeof Wire.ActivityAttachmentView>;
export type MemberOption = z.output<typeof MemberListResponse>['items'][number];

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** The list's filters as kept in the URL and sent to the list and the export (paging apart). */
export type ActivityFilters = Optional<Omit<z.output<typeof Wire.ListActivityRecordsQuery>, 'page' | 'pageSize'>>;

export const ACTIVITIES_KEY = 'activities';

export function filterParams(f: ActivityFilters) {
  return {
    kind: f.kind,
    unitId: f.unitId,
    from: f.from,
    to: f.to,
    q: f.q,
    elementId: f.elementId,
    sort: f.sort,
    order: f.order,
  };
}

export function useActivities(filters: ActivityFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'list', filterParams(filters), page, pageSize],
    queryFn: () => api.get<ActivityRecordPage>(`/api/activities${qs({ ...filterParams(filters), page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

/** Welfare totals by source per unit over the period (GET /api/activities/totals). */
export function useActivityTotals(params: { kind: 'welfare'; unitId?: string; from: string; to: string } | null) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'totals', params],
    queryFn: () => api.get<ActivityTotals>(`/api/activities/totals${qs(params ?? {})}`),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });
}

/** A write that refreshes every list of records and the targets they feed. */
function useActivityWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
      void client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}

export function useCreateActivity() {
  return useActivityWrite((body: ActivityRecordBody) => api.post<ActivityRecord>('/api/activities', body));
}

export function useUpdateActivity(id: string) {
  return useActivityWrite((body: UpdateActivityRecordBody) => api.put<ActivityRecord>(`/api/activities/${id}`, body));
}

export function useDeleteActivity(id: string) {
  return useActivityWrite((body: DeleteActivityRecordBody) => api.delete<unknown>(`/api/activities/${id}`, body));
}

/** Downloads the XLSX of the current filters (the server audits the export). */
export function useExportActivities() {
  return useMutation({
    mutationFn: (filters: ActivityFilters) => download(`/api/activities/export${qs(filterParams(filters))}`, 'ho-so-hoat-dong.xlsx'),
  });
}

export const activityAttachmentUrl = (recordId: string, attachmentId?: string) =>
  `/api/activities/${recordId}/attachments${attachmentId ? `/${attachmentId}` : ''}`;

export function useActivityAttachments(recordId: string | null) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'attachments', recordId],
    queryFn: () => api.get<z.output<typeof Wire.ActivityAttachmentList>>(activityAttachmentUrl(recordId!)),
    enabled: Boolean(recordId),
  });
}

/**
 * Members of a unit for the people picker (the member registry's own search,
 * GET /api/members: diacritics-free on the server), whatever their status
 * today: someone who left since may have taken part on the record's date.
 */
export function useMemberOptions(unitId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['members', 'list', 'picker', unitId ?? null, q],
    queryFn: () => api.get<z.output<typeof MemberListResponse>>(`/api/members${qs({ unitId, q: q || undefined, page: 1, pageSize: 30 })}`),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
