import { DatePicker, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { AGE_BANDS, GENDERS, MEMBER_STATUSES, UNION_POSITIONS } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { todayDayjs } from '../../lib/dates';
import { FilterBar } from '../../lib/filter-bar';
import { useIsPhone } from '../../lib/responsive';
import { useOrgUnit } from '../units/api';
import { UnitSearchSelect } from '../../components/unit-search-select';
import type { MemberFilters } from './api';
import { ageBandKey, genderKey, positionKey, statusKey } from './labels';

interface Props {
  filters: MemberFilters;
  onChange: (patch: Partial<MemberFilters>) => void;
  onClear: () => void;
  hasFilters: boolean;
}

/** Bộ lọc sổ đoàn viên: text (name with or without diacritics, CCCD, card), unit with subtree, status, gender, age, position, admission year. */
export function MemberFilterBar({ filters, onChange, onClear, hasFilters }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const activeMore = [filters.unitId, filters.gender, filters.ageBand, filters.position, filters.admissionYear].filter(Boolean).length;
  // The chosen unit's name, when the page opens from a link with unitId.
  const unit = useOrgUnit(filters.unitId);

  return (
    <FilterBar
      name="members"
      testIds={{ root: 'members-filters', search: 'members-search', toggle: 'members-filter-toggle', clear: 'members-filter-clear' }}
      q={filters.q}
      onSearch={(q) => onChange({ q })}
      placeholder={t(isPhone ? 'members.searchPlaceholderShort' : 'members.searchPlaceholder')}
      toggleLabel={t('members.filters')}
      clearLabel={t('members.clearFilters')}
      activeMore={activeMore}
      hasFilters={hasFilters}
      onClear={onClear}
      pinned={
        <Select
          className="members-filter-select members-filter-status"
          data-testid="members-filter-status"
          aria-label={t('members.filterStatus')}
          value={filters.status ?? 'active'}
          // Active is the default: it is kept out of the URL.
          onChange={(status) => onChange({ status: status === 'active' ? undefined : status })}
          options={[
            ...MEMBER_STATUSES.map((s) => ({ value: s as MemberFilters['status'], label: t(statusKey(s)) })),
            { value: 'all', label: t('members.allStatuses') },
          ]}
          popupMatchSelectWidth={false}
        />
      }
    >
      <div className="members-filter-unit" aria-label={t('members.filterUnit')}>
        <UnitSearchSelect
          data-testid="members-filter-unit"
          value={filters.unitId}
          onChange={(unitId) => onChange({ unitId })}
          initialOption={filters.unitId && unit.data ? { id: unit.data.id, code: unit.data.code, name: unit.data.shortName } : undefined}
        />
      </div>
      {filters.unitId && (
        <label className="members-filter-subtree">
          <Switch
            size="small"
            data-testid="members-filter-subtree"
            checked={filters.includeSubtree !== false}
            onChange={(checked) => onChange({ includeSubtree: checked })}
          />
          <span>{t('members.includeSubtree')}</span>
        </label>
      )}
      <Select
        className="members-filter-select"
        data-testid="members-filter-gender"
        aria-label={t('members.filterGender')}
        placeholder={t('members.allGenders')}
        allowClear
        value={filters.gender}
        onChange={(gender) => onChange({ gender })}
        options={GENDERS.map((g) => ({ value: g, label: t(genderKey(g)) }))}
      />
      <Select
        className="members-filter-select"
        data-testid="members-filter-age"
        aria-label={t('members.filterAge')}
        placeholder={t('members.allAges')}
        allowClear
        value={filters.ageBand}
        onChange={(ageBand) => onChange({ ageBand })}
        options={AGE_BANDS.map((a) => ({ value: a, label: t(ageBandKey(a)) }))}
        popupMatchSelectWidth={false}
      />
      <Select
        className="members-filter-select"
        data-testid="members-filter-position"
        aria-label={t('members.filterPosition')}
        placeholder={t('members.allPositions')}
        allowClear
        value={filters.position}
        onChange={(position) => onChange({ position })}
        options={UNION_POSITIONS.map((p) => ({ value: p, label: t(positionKey(p)) }))}
        popupMatchSelectWidth={false}
      />
      <DatePicker
        picker="year"
        className="members-filter-year"
        data-testid="members-filter-year"
        aria-label={t('members.filterAdmissionYear')}
        placeholder={t('members.filterAdmissionYear')}
        value={filters.admissionYear ? dayjs(`${filters.admissionYear}-01-01`) : null}
        onChange={(d) => onChange({ admissionYear: d ? d.year() : undefined })}
        maxDate={todayDayjs().endOf('year')}
        inputReadOnly={isPhone}
      />
    </FilterBar>
  );
}
