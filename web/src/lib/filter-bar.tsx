// The filter bar of a list page: a debounced search box, the other filters
// (folded behind a button with a count on a phone), and "clear filters".
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import { useDebouncedSearch } from './debounced-search';
import { useIsPhone } from './responsive';

export interface FilterBarProps {
  /** Class names `${name}-filters`, `${name}-filter-q`, `${name}-filter-toggle`, `${name}-filters-more`. */
  name: string;
  testIds: { root: string; search: string; toggle: string; clear: string };
  q: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  toggleLabel: string;
  clearLabel: string;
  /** How many of the folded filters are set (shown on the phone's button). */
  activeMore: number;
  hasFilters: boolean;
  onClear: () => void;
  /** The filters other than the text search. */
  children: ReactNode;
  /** A filter that stays in view on a phone too (not folded), e.g. the member status with its default. */
  pinned?: ReactNode;
}

export function FilterBar({
  name,
  testIds,
  q,
  onSearch,
  placeholder,
  toggleLabel,
  clearLabel,
  activeMore,
  hasFilters,
  onClear,
  children,
  pinned,
}: FilterBarProps) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [showMore, setShowMore] = useState(false);
  const { text, setText, push } = useDebouncedSearch(q, onSearch);
  return (
    <div className={`${name}-filters`} data-testid={testIds.root}>
      <Input.Search
        className={`${name}-filter-q`}
        data-testid={testIds.search}
        aria-label={t('common.search')}
        placeholder={placeholder}
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={push}
      />
      {isPhone && (
        <Button
          className={`${name}-filter-toggle`}
          icon={<FilterOutlined />}
          onClick={() => setShowMore(!showMore)}
          aria-expanded={showMore}
          data-testid={testIds.toggle}
        >
          {toggleLabel}
          {activeMore > 0 && <Badge count={activeMore} size="small" color="#b71c1c" />}
        </Button>
      )}
      {pinned}
      {(!isPhone || showMore) && <div className={`${name}-filters-more`}>{children}</div>}
      {hasFilters && (
        <Button icon={<ClearOutlined />} onClick={onClear} data-testid={testIds.clear}>
          {clearLabel}
        </Button>
      )}
    </div>
  );
}
