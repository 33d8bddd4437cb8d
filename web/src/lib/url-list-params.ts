// A list page's filters and paging kept in the URL (shareable, bookmarkable,
// kept on reload): the parts every such page shares.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { LIMITS } from '../../../common/limits';

/**
 * The URL's search params with the page, the page size, and setters that
 * change filters (back to the first page; `includeSubtree` is stored only when
 * false, as it defaults to true) or the page.
 */
export function useUrlListParams<F extends object>() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(LIMITS.pageSizeMax, Math.max(1, Number(params.get('pageSize')) || LIMITS.pageSizeDefault));

  /** Changes some filters and goes back to the first page. */
  const setFilters = useCallback(
    (patch: Partial<F>) =>
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

  /** Were any of these filters set (or the subtree switched off)? */
  const hasAny = (keys: readonly string[]) => keys.some((k) => params.get(k)) || params.get('includeSubtree') === 'false';

  return { params, setParams, page, pageSize, setFilters, setPage, hasAny };
}
