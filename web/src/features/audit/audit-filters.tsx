import { Badge, Button, DatePicker, Grid, Input, Select, Switch } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useDebouncedSearch } from '../../lib/debounced-search';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
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
  const isPhone = !Grid.useBreakpoint().md;
  // On a phone the filters other than the text search fold away behind a button.
  const [showMore, setShowMore] = useState(false);
  const activeMore = [filters.userId, filters.entityType, filters.action, filters.unitId, filters.from || filters.to].filter(Boolean).length;
  const { text, setText, push } = useDebouncedSearch(filters.q, (q) => onChange({ q }));

  return (
    <div className="audit-filters" data-testid="audit-filters">
      <Input.Search
        className="audit-filter-q"
        data-testid="audit-filter-q"
        aria-label={t('common.search')}
        placeholder={t('audit.searchPlaceholder')}
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={push}
      />
      {isPhone && (
        <Button
          className="audit-filter-toggle"
          icon={<FilterOutlined />}
          onClick={() => setShowMore(!showMore)}
          aria-expanded={showMore}
          data-testid="audit-filter-toggle"
        >
          {t('audit.filters')}
          {activeMore > 0 && <Badge count={activeMore} size="small" color="#b71c1c" />}
        </Button>
      )}
      {(!isPhone || showMore) && (
        <div className="audit-filters-more">
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
        </div>
      )}
      {hasFilters && (
        <Button icon={<ClearOutlined />} onClick={onClear} data-testid="audit-filter-clear">
          {t('audit.clearFilters')}
        </Button>
      )}
    </div>
  );
}
