// TanStack Query hooks over /api/org-units (đơn vị công đoàn). Every key
// starts with 'org-units' so one invalidation refreshes the tree and pages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GrassrootsSector, OrgUnitKind, OrgUnitLinkKind } from '../../../../common/enums';
import { api, qs } from '../../lib/api';

export interface OrgUnitNode {
  id: string;
  code: string;
  fullName: string;
  shortName: string;
  kind: OrgUnitKind;
  sector: GrassrootsSector | null;
  address: string | null;
  /** Grassroots unions: founding / recognition decision number (founding date = validFrom). */
  foundingDecision: string | null;
  /** Grassroots unions: members at founding. */
  initialMemberCount: number | null;
  validFrom: string;
  validTo: string | null;
  /** Parent as of the requested date. */
  parentId: string | null;
}

export interface OrgUnitList {
  asOf: string;
  items: OrgUnitNode[];
  /** With a search: the units that match (the others are their ancestors). */
  matchIds: string[];
}

export interface OrgUnitParentPeriod {
  id: string;
  parentId: string;
  parentCode: string;
  parentName: string;
  validFrom: string;
  validTo: string | null;
  /** The caller may open this parent's page. */
  visible: boolean;
}

export interface OrgUnitLink {
  id: string;
  kind: OrgUnitLinkKind;
  direction: 'out' | 'in';
  otherUnitId: string;
  otherCode: string;
  otherName: string;
  effectiveDate: string;
  visible: boolean;
}

export interface OrgUnitChild {
  id: string;
  code: string;
  shortName: string;
  kind: OrgUnitKind;
  validFrom: string;
  validTo: string | null;
}

export interface OrgUnitDetail extends OrgUnitNode {
  /** Optimistic version: sent back as expectedVersion when editing. */
  rowVersion: number;
  parents: OrgUnitParentPeriod[];
  links: OrgUnitLink[];
  children: OrgUnitChild[];
  /** Units that were under this one and left it: when, and where they went. */
  departures: OrgUnitDeparture[];
}

export interface OrgUnitDeparture {
  id: string;
  code: string;
  shortName: string;
  leftOn: string;
  ended: boolean;
  to: { kind: 'parent' | 'merged_into' | 'split_from'; id: string; code: string; shortName: string; from: string; visible: boolean } | null;
}

export interface OrgUnitInput {
  code: string;
  fullName: string;
  shortName: string;
  kind: OrgUnitKind;
  sector?: GrassrootsSector | null;
  address?: string | null;
  foundingDecision?: string | null;
  initialMemberCount?: number | null;
  validFrom: string;
  validTo?: string | null;
  parentId?: string | null;
}

export type OrgUnitPatch = Partial<Omit<OrgUnitInput, 'parentId'>> & {
  /** The rowVersion the form was opened at (409 STALE_WRITE if someone saved since). */
  expectedVersion: number;
};

export interface SplitInput {
  date: string;
  endOriginal: boolean;
  newUnits: Array<{
    code: string;
    fullName: string;
    shortName: string;
    kind?: OrgUnitKind;
    sector?: GrassrootsSector | null;
    address?: string | null;
  }>;
}

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
  return useInvalidating((body: { parentId: string; fromDate: string }) =>
    api.post<OrgUnitDetail>(`/api/org-units/${id}/move`, body),
  );
}

/** Sáp nhập. */
export function useMergeOrgUnit(id: string) {
  return useInvalidating((body: { intoUnitId: string; date: string }) =>
    api.post<OrgUnitDetail>(`/api/org-units/${id}/merge`, body),
  );
}

/** Chia tách. */
export function useSplitOrgUnit(id: string) {
  return useInvalidating((body: SplitInput) =>
    api.post<{ original: OrgUnitDetail; created: OrgUnitDetail[] }>(`/api/org-units/${id}/split`, body),
  );
}

/** Giải thể. */
export function useDissolveOrgUnit(id: string) {
  return useInvalidating((body: { date: string }) => api.post<OrgUnitDetail>(`/api/org-units/${id}/dissolve`, body));
}
