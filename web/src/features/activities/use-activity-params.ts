import { useCallback, useMemo } from 'react';
import { ACTIVITY_KINDS } from '../../../../common/activities';
import { ACTIVITY_SORTS } from '../../../../common/api/activities';
import { useUrlListParams } from '../../lib/url-list-params';
import type { ActivityFilters } from './api';

const FILTER_KEYS = ['unitId', 'from', 'to', 'q', 'elementId'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
const day = (v: string | null) => (v && ISO_DAY.test(v) ? v : undefined);
const uuid = (v: string | null) => (v && UUID.test(v) ? v : undefined);

/**
 * The records list's kind, filters, sort and paging, kept in the URL: a link
 * such as /activities?unitId=…&elementId=…&from=…&to=… (the report form's
 * "records behind this figure") opens exactly those records.
 */
export function useActivityParams() {
  const { params, setParams, page, pageSize, setFilters, setPage, hasAny } = useUrlListParams<ActivityFilters>();
  const filters = useMemo<ActivityFilters>(
    () => ({
      kind: oneOf(ACTIVITY_KINDS, params.get('kind')),
      unitId: uuid(params.get('unitId')),
      from: day(params.get('from')),
      to: day(params.get('to')),
      q: params.get('q')?.trim() || undefined,
      elementId: uuid(params.get('elementId')),
      sort: oneOf(ACTIVITY_SORTS, params.get('sort')),
      order: oneOf(['asc', 'desc'] as const, params.get('order')),
    }),
    [params],
  );

  /** Clears the filters, keeping the kind, the sort and the page size. */
  const clear = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams();
          for (const k of ['kind', 'sort', 'order', 'pageSize']) if (prev.get(k)) next.set(k, prev.get(k)!);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, page, pageSize, setFilters, setPage, clear, hasFilters: hasAny(FILTER_KEYS) } as const;
}
