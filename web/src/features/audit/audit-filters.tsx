import { DatePicker, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n';
import { FilterBar } from '../../lib/filter-bar';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useIsPhone } from '../../lib/responsive';
import { useAuditFacets, type AuditFilters } from './api';
import { actionLabel, entityTypeLabel } from './labels';
import { UnitFilter } from './unit-filter';

interface Props {
  filters: AuditFilters;
  onChange: (patch: Partial<AuditFilters>) => void;
  onClear: () => void;
  hasFilters: boolean;
}

/** Bộ lọc nhật ký: text, user, entity type, action, unit (with subtree), Vietnam-day range. */
export function AuditFilterBar({ filters, onChange, onClear, hasFilters }: Props) {
  const { t } = useI18n();
  const facets = useAuditFacets();
  const isPhone = useIsPhone();
  const activeMore = [filters.userId, filters.entityType, filters.action, filters.unitId, filters.from || filters.to].filter(
    Boolean,
  ).length;

  return (
    <FilterBar
      name="audit"
      testIds={{ root: 'audit-filters', search: 'audit-filter-q', toggle: 'audit-filter-toggle', clear: 'audit-filter-clear' }}
      q={filters.q}
      onSearch={(q) => onChange({ q })}
      placeholder={t('audit.searchPlaceholder')}
      toggleLabel={t('audit.filters')}
      clearLabel={t('audit.clearFilters')}
      activeMore={activeMore}
      hasFilters={hasFilters}
      onClear={onClear}
    >
      <Select
        className="audit-filter-select"
        data-testid="audit-filter-user"
        aria-label={t('audit.userFilter')}
        placeholder={t('audit.allUsers')}
        allowClear
        value={filters.userId}
        onChange={(v: string | undefined) => onChange({ userId: v })}
        loading={facets.isLoading}
        options={(facets.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
      />
      <Select
        className="audit-filter-select"
        data-testid="audit-filter-entity-type"
        aria-label={t('audit.entityTypeFilter')}
        placeholder={t('audit.allEntityTypes')}
        allowClear
        value={filters.entityType}
        onChange={(v: string | undefined) => onChange({ entityType: v })}
        loading={facets.isLoading}
        options={(facets.data?.entityTypes ?? []).map((e) => ({ value: e, label: entityTypeLabel(t, e) }))}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
      />
      <Select
        className="audit-filter-select"
        data-testid="audit-filter-action"
        aria-label={t('audit.actionFilter')}
        placeholder={t('audit.allActions')}
        allowClear
        value={filters.action}
        onChange={(v: string | undefined) => onChange({ action: v })}
        loading={facets.isLoading}
        options={(facets.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(t, a) }))}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
      />
      <UnitFilter value={filters.unitId} onChange={(unitId) => onChange({ unitId })} />
      {filters.unitId && (
        <label className="audit-filter-subtree">
          <Switch
            size="small"
            data-testid="audit-filter-subtree"
            checked={filters.includeSubtree !== false}
            onChange={(checked) => onChange({ includeSubtree: checked })}
          />
          <span>{t('audit.includeSubtree')}</span>
        </label>
      )}
      {isPhone ? (
        // A range picker's two months do not fit a phone: two single pickers instead.
        <div className="audit-filter-date-pair" data-testid="audit-filter-dates">
          <DatePicker
            aria-label={t('common.fromDate')}
            placeholder={t('common.fromDate')}
            format={DATE_FORMAT}
            value={filters.from ? dayjs(filters.from) : null}
            maxDate={filters.to ? dayjs(filters.to) : undefined}
            onChange={(d) => onChange({ from: toIsoDate(d) })}
            inputReadOnly
          />
          <DatePicker
            aria-label={t('common.toDate')}
            placeholder={t('common.toDate')}
            format={DATE_FORMAT}
            value={filters.to ? dayjs(filters.to) : null}
            minDate={filters.from ? dayjs(filters.from) : undefined}
            onChange={(d) => onChange({ to: toIsoDate(d) })}
            inputReadOnly
          />
        </div>
      ) : (
        <DatePicker.RangePicker
          className="audit-filter-dates"
          data-testid="audit-filter-dates"
          aria-label={t('audit.dateRange')}
          format={DATE_FORMAT}
          placeholder={[t('common.fromDate'), t('common.toDate')]}
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => onChange({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]) })}
        />
      )}
    </FilterBar>
  );
}
