// TanStack Query hooks over the indicator catalogue: data elements (dữ liệu
// báo cáo), indicators (chỉ số), targets (chỉ tiêu) and their allocations.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/indicators';
import { api, ApiError, qs } from '../../lib/api';

// Types of what crosses the wire, taken from the schemas the server uses.
export type DataElement = z.output<typeof wire.DataElementView>;
export type Indicator = z.output<typeof wire.IndicatorView>;
export type Target = z.output<typeof wire.TargetView>;
export type TargetAllocations = z.output<typeof wire.TargetAllocationsResponse>;
/** A unit offered for a split (code and name). */
export type AllocationUnit = TargetAllocations['childUnits'][number];
export type CreateDataElementBody = z.input<typeof wire.CreateDataElementBody>;
export type CreateIndicatorBody = z.input<typeof wire.CreateIndicatorBody>;
export type CreateTargetBody = z.input<typeof wire.CreateTargetBody>;
export type AllocateBody = z.input<typeof wire.AllocateTargetBody>;
export type UpdateDataElementBody = z.input<typeof wire.UpdateDataElementBody>;
export type UpdateIndicatorBody = z.input<typeof wire.UpdateIndicatorBody>;
export type UpdateTargetBody = z.input<typeof wire.UpdateTargetBody>;
export type ArchiveTargetBody = z.input<typeof wire.ArchiveTargetBody>;

const KEY = 'catalogue';

export function useDataElements(includeArchived = false) {
  return useQuery({
    queryKey: [KEY, 'elements', includeArchived],
    queryFn: () =>
      api.get<z.output<typeof wire.DataElementList>>(`/api/data-elements${qs({ includeArchived: includeArchived || undefined })}`),
  });
}

export function useIndicators() {
  return useQuery({ queryKey: [KEY, 'indicators'], queryFn: () => api.get<z.output<typeof wire.IndicatorList>>('/api/indicators') });
}

export function useCatalogueTargets(programId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'targets', programId ?? null],
    queryFn: () => api.get<z.output<typeof wire.TargetList>>(`/api/targets${qs({ programId })}`),
  });
}

export function useTargetAllocations(targetId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'allocations', targetId],
    queryFn: () => api.get<TargetAllocations>(`/api/targets/${targetId}/allocations`),
    enabled: Boolean(targetId),
    retry: false,
  });
}

/** A write that refreshes the catalogue (and the targets dashboards) when it succeeds. */
function useCatalogueMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      client.invalidateQueries({ queryKey: [KEY] });
      client.invalidateQueries({ queryKey: ['targets'] });
      // A draft's version comparison lists its targets' changes.
      client.invalidateQueries({ queryKey: ['programs', 'versions'] });
    },
    // Someone saved since the row was read: read it again (the open form keeps what was typed).
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) client.invalidateQueries({ queryKey: [KEY] });
    },
  });
}

export const useCreateDataElement = () =>
  useCatalogueMutation((body: CreateDataElementBody) => api.post<DataElement>('/api/data-elements', body));
export const useArchiveDataElement = () => useCatalogueMutation((id: string) => api.post<DataElement>(`/api/data-elements/${id}/archive`));
export const useCreateIndicator = () => useCatalogueMutation((body: CreateIndicatorBody) => api.post<Indicator>('/api/indicators', body));
export const useCreateTarget = () => useCatalogueMutation((body: CreateTargetBody) => api.post<Target>('/api/targets', body));
export const useUpdateDataElement = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: UpdateDataElementBody }) =>
    api.patch<DataElement>(`/api/data-elements/${id}`, body),
  );
export const useUpdateIndicator = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: UpdateIndicatorBody }) => api.patch<Indicator>(`/api/indicators/${id}`, body));
export const useUpdateTarget = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: UpdateTargetBody }) => api.patch<Target>(`/api/targets/${id}`, body));
export const useArchiveTarget = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: ArchiveTargetBody }) => api.post<Target>(`/api/targets/${id}/archive`, body));

export function useAllocateTarget(targetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AllocateBody) => api.put<TargetAllocations>(`/api/targets/${targetId}/allocations`, body),
    onSuccess: (data) => {
      if (data.dryRun) return;
      client.invalidateQueries({ queryKey: [KEY] });
      client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}
