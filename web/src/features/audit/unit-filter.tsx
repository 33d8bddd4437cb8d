import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAuditUnit, useAuditUnitOptions } from './api';

const MAX_OPTIONS = 50;

/** Chọn đơn vị to filter by: searches the caller's units on the server as one types. */
export function UnitFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useAuditUnitOptions(q);
  const inList = Boolean(value && list.data?.some((u) => u.id === value));
  const chosen = useAuditUnit(value, Boolean(value) && list.isSuccess && !inList);

  const options = useMemo(() => {
    const items = (list.data ?? []).slice(0, MAX_OPTIONS).map((u) => ({ value: u.id, label: `${u.shortName} (${u.code})` }));
    if (value && !items.some((o) => o.value === value)) {
      const u = chosen.data;
      items.unshift({ value, label: u ? `${u.shortName} (${u.code})` : t('audit.unitGone') });
    }
    return items;
  }, [list.data, value, chosen.data, t]);

  return (
    <Select
      data-testid="audit-filter-unit"
      aria-label={t('audit.unitFilter')}
      className="audit-filter-unit"
      value={value}
      onChange={(v: string | undefined) => onChange(v ?? undefined)}
      allowClear
      placeholder={t('audit.unitPlaceholder')}
      options={options}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onOpenChange={(open) => !open && setTyped('')}
      notFoundContent={list.isError ? t('common.loadFailed') : t('common.empty')}
      popupMatchSelectWidth={false}
    />
  );
}
