// TanStack Query hooks over /api/org-units (đơn vị công đoàn). Every key
// starts with 'org-units' so one invalidation refreshes the tree and pages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/org-units';
import { api, qs } from '../../lib/api';

// Types of what crosses the wire, taken from the schemas the server uses.
export type OrgUnitNode = z.output<typeof wire.OrgUnitNode>;
/** Units valid on asOf; with a search, matchIds are the matches (the others are their ancestors). */
export type OrgUnitList = z.output<typeof wire.OrgUnitListResponse>;
export type OrgUnitDetail = z.output<typeof wire.OrgUnitDetail>;
export type OrgUnitParentPeriod = OrgUnitDetail['parents'][number];
export type OrgUnitLink = OrgUnitDetail['links'][number];
export type OrgUnitChild = OrgUnitDetail['children'][number];
/** Units that were under this one and left it: when, and where they went. */
export type OrgUnitDeparture = OrgUnitDetail['departures'][number];
export type SplitOrgUnitResult = z.output<typeof wire.SplitOrgUnitResponse>;
export type OrgUnitInput = z.input<typeof wire.CreateOrgUnitBody>;
export type OrgUnitPatch = z.input<typeof wire.UpdateOrgUnitBody>;
export type MoveInput = z.input<typeof wire.MoveOrgUnitBody>;
export type MergeInput = z.input<typeof wire.MergeOrgUnitBody>;
export type SplitInput = z.input<typeof wire.SplitOrgUnitBody>;
export type DissolveInput = z.input<typeof wire.DissolveOrgUnitBody>;

export const ORG_UNITS_KEY = 'org-units';

/** Units valid on asOf within the caller's scope; with q, the matches and their ancestors. */
export function useOrgUnits(asOf: string | undefined, q?: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [ORG_UNITS_KEY, 'list', asOf ?? null, q ?? ''],
    queryFn: () => api.get<OrgUnitList>(`/api/org-units${qs({ asOf, q })}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: 30_000,
  });
}

export function useOrgUnit(id: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: [ORG_UNITS_KEY, 'detail', id, asOf ?? null],
    queryFn: () => api.get<OrgUnitDetail>(`/api/org-units/${encodeURIComponent(id!)}${qs({ asOf })}`),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

function useInvalidating<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: [ORG_UNITS_KEY] }),
  });
}

export function useCreateOrgUnit() {
  return useInvalidating((body: OrgUnitInput) => api.post<OrgUnitDetail>('/api/org-units', body));
}

export function useUpdateOrgUnit(id: string) {
  return useInvalidating((body: OrgUnitPatch) => api.patch<OrgUnitDetail>(`/api/org-units/${id}`, body));
}

/** Chuyển đơn vị cấp trên: the new parent applies from fromDate. */
export function useMoveOrgUnit(id: string) {
  return useInvalidating((body: MoveInput) => api.post<OrgUnitDetail>(`/api/org-units/${id}/move`, body));
}

/** Sáp nhập. */
export function useMergeOrgUnit(id: string) {
  return useInvalidating((body: MergeInput) => api.post<OrgUnitDetail>(`/api/org-units/${id}/merge`, body));
}

/** Chia tách. */
export function useSplitOrgUnit(id: string) {
  return useInvalidating((body: SplitInput) => api.post<SplitOrgUnitResult>(`/api/org-units/${id}/split`, body));
}

/** Giải thể. */
export function useDissolveOrgUnit(id: string) {
  return useInvalidating((body: DissolveInput) => api.post<OrgUnitDetail>(`/api/org-units/${id}/dissolve`, body));
}
