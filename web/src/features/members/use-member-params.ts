import { useCallback, useMemo } from 'react';
import { AGE_BANDS, GENDERS, MEMBER_SORTS, MEMBER_STATUSES, UNION_POSITIONS } from '../../../../common/members';
import { useUrlListParams } from '../../lib/url-list-params';
import type { MemberFilters } from './api';

const FILTER_KEYS = ['q', 'unitId', 'status', 'gender', 'ageBand', 'position', 'admissionYear'] as const;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** The member list's filters, sort and paging, kept in the URL so a view can be shared or bookmarked. */
export function useMemberParams() {
  const { params, setParams, page, pageSize, setFilters, setPage, hasAny } = useUrlListParams<MemberFilters>();
  const filters = useMemo<MemberFilters>(() => {
    const year = Number(params.get('admissionYear'));
    return {
      q: params.get('q') || undefined,
      unitId: params.get('unitId') || undefined,
      includeSubtree: params.get('includeSubtree') !== 'false',
      // Đang sinh hoạt by default: members who left are there when asked for ('all' or their status).
      status: params.get('status') === 'all' ? 'all' : (oneOf(MEMBER_STATUSES, params.get('status')) ?? 'active'),
      gender: oneOf(GENDERS, params.get('gender')),
      ageBand: oneOf(AGE_BANDS, params.get('ageBand')),
      position: oneOf(UNION_POSITIONS, params.get('position')),
      admissionYear: Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : undefined,
      sort: oneOf(MEMBER_SORTS, params.get('sort')),
      order: params.get('order') === 'desc' ? 'desc' : undefined,
    };
  }, [params]);
  const tab = params.get('tab') === 'transfers' ? 'transfers' : 'list';

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
  return { filters, page, pageSize, tab, setFilters, setPage, setTab, clear, hasFilters: hasAny(FILTER_KEYS) } as const;
}
