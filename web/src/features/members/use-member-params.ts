import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LIMITS } from '../../../../common/limits';
import { AGE_BANDS, GENDERS, MEMBER_SORTS, MEMBER_STATUSES, UNION_POSITIONS } from '../../../../common/members';
import type { MemberFilters } from './api';

const FILTER_KEYS = ['q', 'unitId', 'status', 'gender', 'ageBand', 'position', 'admissionYear'] as const;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** The member list's filters, sort and paging, kept in the URL so a view can be shared or bookmarked. */
export function useMemberParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<MemberFilters>(() => {
    const year = Number(params.get('admissionYear'));
    return {
      q: params.get('q') || undefined,
      unitId: params.get('unitId') || undefined,
      includeSubtree: params.get('includeSubtree') !== 'false',
      status: oneOf(MEMBER_STATUSES, params.get('status')),
      gender: oneOf(GENDERS, params.get('gender')),
      ageBand: oneOf(AGE_BANDS, params.get('ageBand')),
      position: oneOf(UNION_POSITIONS, params.get('position')),
      admissionYear: Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : undefined,
      sort: oneOf(MEMBER_SORTS, params.get('sort')),
      order: params.get('order') === 'desc' ? 'desc' : undefined,
    };
  }, [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(LIMITS.pageSizeMax, Math.max(1, Number(params.get('pageSize')) || LIMITS.pageSizeDefault));
  const tab = params.get('tab') === 'transfers' ? 'transfers' : 'list';

  /** Changes some filters (or the sort) and goes back to the first page. */
  const setFilters = useCallback(
    (patch: Partial<MemberFilters>) =>
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

  const setTab = useCallback(
    (value: 'list' | 'transfers') =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === 'transfers') next.set('tab', 'transfers');
          else next.delete('tab');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const clear = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams();
          for (const k of ['sort', 'order', 'pageSize', 'tab']) if (prev.get(k)) next.set(k, prev.get(k)!);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const hasFilters = FILTER_KEYS.some((k) => params.get(k)) || params.get('includeSubtree') === 'false';
  return { filters, page, pageSize, tab, setFilters, setPage, setTab, clear, hasFilters } as const;
}
