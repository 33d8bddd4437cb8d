import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LIMITS } from '../../../../common/limits';
import type { AuditFilters } from './api';

const FILTER_KEYS = ['q', 'userId', 'entityType', 'action', 'unitId', 'from', 'to'] as const;

/** The audit page's filters and paging, kept in the URL so a view can be shared or bookmarked. */
export function useAuditParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(() => {
    const f: AuditFilters = {};
    for (const k of FILTER_KEYS) f[k] = params.get(k) || undefined;
    f.includeSubtree = params.get('includeSubtree') !== 'false';
    return f;
  }, [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(LIMITS.pageSizeMax, Math.max(1, Number(params.get('pageSize')) || LIMITS.pageSizeDefault));

  /** Changes some filters and goes back to the first page. */
  const setFilters = useCallback(
    (patch: Partial<AuditFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (k === 'includeSubtree') {
              if (v === false) next.set(k, 'false');
              else next.delete(k);
            } else if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
        if (nextSize !== LIMITS.pageSizeDefault) next.set('pageSize', String(nextSize));
        else next.delete('pageSize');
        return next;
      }),
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const hasFilters = FILTER_KEYS.some((k) => params.get(k)) || params.get('includeSubtree') === 'false';
  return { filters, page, pageSize, setFilters, setPage, clear, hasFilters };
}
