// TanStack Query hooks over /api/audit (nhật ký hệ thống). The shapes are the
// server's zod schemas (common/api/audit.ts): a changed field breaks the type check.
import { keepPreviousData, useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Wire from '../../../../common/api/audit';
import type * as OrgUnitWire from '../../../../common/api/org-units';
import { api, download, qs } from '../../lib/api';

export type AuditEntry = z.output<typeof Wire.AuditEntryResponse>;
export type AuditPage = z.output<typeof Wire.AuditPageResponse>;
export type AuditFacets = z.output<typeof Wire.AuditFacetsResponse>;

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * The filters, as kept in the URL and sent to the API: the API's filter query
 * as the server reads it, every field optional (includeSubtree is only sent
 * when false, the API's default being true).
 */
export type AuditFilters = Optional<z.output<typeof Wire.AuditFilterQuery>>;

export const AUDIT_KEY = 'audit';

function filterParams(f: AuditFilters) {
  return {
    q: f.q,
    userId: f.userId,
    entityType: f.entityType,
    action: f.action,
    unitId: f.unitId,
    includeSubtree: f.unitId && f.includeSubtree === false ? 'false' : undefined,
    from: f.from,
    to: f.to,
  };
}

export function useAuditEntries(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [AUDIT_KEY, 'list', filterParams(filters), page, pageSize],
    queryFn: () => api.get<AuditPage>(`/api/audit${qs({ ...filterParams(filters), page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAuditFacets() {
  return useQuery({
    queryKey: [AUDIT_KEY, 'facets'],
    queryFn: () => api.get<AuditFacets>('/api/audit/facets'),
    staleTime: 60_000,
  });
}

/** Units for the filter's picker (today's tree in the caller's scope); with q, only the matches. */
export function useAuditUnitOptions(q: string) {
  return useQuery({
    queryKey: [AUDIT_KEY, 'units', q],
    queryFn: async () => {
      const list = await api.get<z.output<typeof OrgUnitWire.OrgUnitListResponse>>(`/api/org-units${qs({ q })}`);
      const matches = q && list.matchIds ? new Set(list.matchIds) : null;
      return list.items.filter((u) => !matches || matches.has(u.id));
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** One unit's name, for a unit chosen in the URL that the option list does not hold. */
export function useAuditUnit(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [AUDIT_KEY, 'unit', id],
    queryFn: () => api.get<z.output<typeof OrgUnitWire.OrgUnitDetail>>(`/api/org-units/${encodeURIComponent(id!)}`),
    enabled: Boolean(id) && enabled,
    staleTime: 300_000,
    retry: false,
  });
}

/** Downloads the XLSX of the current filters; the export itself becomes an entry, so the list refreshes. */
export function useExportAudit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (filters: AuditFilters) => download(`/api/audit/export.xlsx${qs(filterParams(filters))}`, 'nhat-ky-he-thong.xlsx'),
    onSettled: () => client.invalidateQueries({ queryKey: [AUDIT_KEY] }),
  });
}
