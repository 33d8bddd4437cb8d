import { DatePicker } from 'antd';
import { UnitSearchSelect } from '../../components/unit-search-select';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { FilterBar } from '../../lib/filter-bar';
import { useIsPhone } from '../../lib/responsive';
import { useOrgUnit } from '../units/api';
import type { ActivityFilters } from './api';

interface Props {
  filters: ActivityFilters;
  onChange: (patch: Partial<ActivityFilters>) => void;
  onClear: () => void;
  hasFilters: boolean;
}

/** Bộ lọc hồ sơ: text (title, notes, people's names, with or without diacritics), unit with its subtree, date range. */
export function ActivityFilterBar({ filters, onChange, onClear, hasFilters }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const unit = useOrgUnit(filters.unitId);
  const activeMore = [filters.unitId, filters.from || filters.to].filter(Boolean).length;
  return (
    <FilterBar
      name="activities"
      testIds={{
        root: 'activities-filters',
        search: 'activities-search',
        toggle: 'activities-filter-toggle',
        clear: 'activities-filter-clear',
      }}
      q={filters.q}
      onSearch={(q) => onChange({ q })}
      placeholder={t(isPhone ? 'activities.searchPlaceholderShort' : 'activities.searchPlaceholder')}
      toggleLabel={t('activities.filters')}
      clearLabel={t('activities.clearFilters')}
      activeMore={activeMore}
      hasFilters={hasFilters}
      onClear={onClear}
    >
      <div className="activities-filter-unit" aria-label={t('activities.filterUnit')}>
        <UnitSearchSelect
          data-testid="activities-filter-unit"
          value={filters.unitId}
          // With a period, the units of its end (a district that has since ended is found for its records).
          asOf={filters.to ?? filters.from}
          onChange={(unitId) => onChange({ unitId })}
          initialOption={filters.unitId && unit.data ? { id: unit.data.id, code: unit.data.code, name: unit.data.shortName } : undefined}
        />
      </div>
      <DatePicker.RangePicker
        className="activities-filter-dates"
        data-testid="activities-filter-dates"
        aria-label={t('activities.filterDates')}
        format={DATE_FORMAT}
        placeholder={[t('activities.from'), t('activities.to')]}
        allowEmpty={[true, true]}
        value={[fromIsoDate(filters.from) ?? null, fromIsoDate(filters.to) ?? null]}
        onChange={(range) => onChange({ from: toIsoDate(range?.[0] ?? null), to: toIsoDate(range?.[1] ?? null) })}
        inputReadOnly={isPhone}
      />
    </FilterBar>
  );
}
