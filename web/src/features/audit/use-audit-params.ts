import { useCallback, useMemo } from 'react';
import { useUrlListParams } from '../../lib/url-list-params';
import type { AuditFilters } from './api';

const FILTER_KEYS = ['q', 'userId', 'entityType', 'action', 'unitId', 'from', 'to'] as const;

/** The audit page's filters and paging, kept in the URL so a view can be shared or bookmarked. */
export function useAuditParams() {
  const { params, setParams, page, pageSize, setFilters, setPage, hasAny } = useUrlListParams<AuditFilters>();
  const filters = useMemo<AuditFilters>(() => {
    const f: AuditFilters = {};
    for (const k of FILTER_KEYS) f[k] = params.get(k) || undefined;
    f.includeSubtree = params.get('includeSubtree') !== 'false';
    return f;
  }, [params]);
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, page, pageSize, setFilters, setPage, clear, hasFilters: hasAny(FILTER_KEYS) };
}
