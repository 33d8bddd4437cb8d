import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { OrgUnitKind } from '../../../common/enums';
import type { MessageKey } from '../../../common/i18n';
import { useI18n } from '../app/i18n';
import { ORG_UNITS_KEY } from '../features/units/api';
import { api, qs } from '../lib/api';
import './unit-search-select.css';

/** Units matching a search, for the unit picker (GET /api/org-units?q=, matches only). */
export interface UnitOption {
  id: string;
  code: string;
  shortName: string;
  fullName: string;
  kind: OrgUnitKind;
}

export function useUnitSearch(q: string, asOf: string | undefined) {
  return useQuery({
    queryKey: [ORG_UNITS_KEY, 'search', q, asOf ?? null],
    queryFn: async () => {
      const res = await api.get<{ items: UnitOption[]; matchIds?: string[] }>(`/api/org-units${qs({ q, asOf })}`);
      const matches = new Set(res.matchIds ?? res.items.map((u) => u.id));
      return res.items.filter((u) => matches.has(u.id)).slice(0, 50);
    },
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Offer the units that exist on this ISO date (defaults to today on the server). */
  asOf?: string;
  /** Label of the current value when it is not among the search results. */
  initialOption?: { id: string; code: string; name: string };
  id?: string;
  'data-testid'?: string;
}

/**
 * Chọn đơn vị by typing part of its code or name: the server searches
 * (ignoring diacritics) so the picker scales to a national tree.
 */
export function UnitSearchSelect({ value, onChange, asOf, initialOption, id, ...rest }: Props) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<UnitOption | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useUnitSearch(q, asOf);

  const options = useMemo(() => {
    const list = [...(search.data ?? [])];
    if (chosen && chosen.id === value && !list.some((u) => u.id === chosen.id)) list.unshift(chosen);
    const items = list.map((u) => ({
      value: u.id,
      label: `${u.shortName} (${u.code})`,
      unit: u,
    }));
    if (value && initialOption && initialOption.id === value && !items.some((o) => o.value === value)) {
      items.unshift({
        value,
        label: `${initialOption.name} (${initialOption.code})`,
        unit: {
          id: value,
          code: initialOption.code,
          shortName: initialOption.name,
          fullName: initialOption.name,
          kind: 'grassroots_union',
        },
      });
    }
    return items;
  }, [search.data, chosen, value, initialOption]);

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value}
      onChange={(v: string | undefined, option) => {
        const unit = (option as { unit?: UnitOption } | undefined)?.unit;
        if (unit) setChosen(unit);
        onChange?.(v);
      }}
      allowClear
      placeholder={t('users.unitPlaceholder')}
      loading={search.isFetching}
      options={options}
      optionRender={(option) => {
        const u = (option.data as { unit: UnitOption }).unit;
        return (
          <div className="unit-search-option">
            <div>
              {u.shortName} <Typography.Text type="secondary">({u.code})</Typography.Text>
            </div>
            <Typography.Text type="secondary" className="unit-search-option-sub">
              {t(`enums.kind.${u.kind}` as MessageKey)} · {u.fullName}
            </Typography.Text>
          </div>
        );
      }}
      notFoundContent={
        search.isError
          ? t('users.unitsLoadFailed')
          : q
            ? search.isFetching
              ? t('common.loading')
              : t('common.empty')
            : t('users.unitPlaceholder')
      }
      style={{ width: '100%' }}
    />
  );
}
