// Ant Design parts that few screens show, loaded on first use instead of with the app:
// the Result illustrations (403/404 pictures), the desktop Table (phones get cards) and
// the date picker's calendar (its field shows the date until someone taps it), the Select
// of a page's filter (the same: its field shows the choice until tapped) and Pagination.
import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { DatePickerProps, PaginationProps, ResultProps, SelectProps, TableProps } from 'antd';
import { CalendarOutlined, DownOutlined } from '@ant-design/icons';
import Input from 'antd/es/input';
import Skeleton from 'antd/es/skeleton';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT } from './dates';

const Result = lazy(() => import('antd/es/result'));
const Table = lazy(() => import('antd/es/table'));
const DatePicker = lazy(() => import('antd/es/date-picker'));
const Select = lazy(() => import('antd/es/select'));
const Pagination = lazy(() => import('antd/es/pagination'));

export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}

export function LazyTable<T extends object>(props: TableProps<T>) {
  // React.lazy drops the row type parameter; the props were checked against TableProps<T> above.
  const TypedTable = Table as unknown as ComponentType<TableProps<T>>;
  return (
    <Suspense fallback={<Skeleton active />}>
      <TypedTable {...props} />
    </Suspense>
  );
}

/**
 * A DatePicker whose calendar (≈30 kB compressed) downloads on the first tap: until then a
 * read-only field shows the value the same way; the tap swaps in the real picker, opened.
 */
export type SingleDatePickerProps = Omit<DatePickerProps, 'value' | 'defaultValue' | 'onChange' | 'multiple'> & {
  value?: Dayjs | null;
  onChange?: (date: Dayjs | null) => void;
};

export function LazyDatePicker(props: SingleDatePickerProps) {
  const [wanted, setWanted] = useState(false);
  // React.lazy loses the picker's overloads; a single date in, a single date out.
  const Picker = DatePicker as unknown as ComponentType<SingleDatePickerProps>;
  const format = typeof props.format === 'string' ? props.format : DATE_FORMAT;
  const field = (
    <Input
      readOnly
      value={props.value ? props.value.format(format) : ''}
      placeholder={typeof props.placeholder === 'string' ? props.placeholder : undefined}
      prefix={props.prefix}
      suffix={<CalendarOutlined />}
      aria-label={props['aria-label']}
      data-testid={(props as { 'data-testid'?: string })['data-testid']}
      style={{ width: 'auto', ...props.style }}
      disabled={props.disabled === true}
      onFocus={() => setWanted(true)}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return field;
  return (
    <Suspense fallback={field}>
      <Picker {...props} autoFocus defaultOpen />
    </Suspense>
  );
}

export function LazyPagination(props: PaginationProps) {
  return (
    <Suspense fallback={null}>
      <Pagination {...props} />
    </Suspense>
  );
}

/**
 * A single-choice Select (with Pagination, ≈20 kB compressed) that downloads on the first tap:
 * until then a read-only field shows the chosen option's label; the tap swaps in the real
 * Select, opened.
 */
export interface LazySelectOption<V extends string> {
  value: V;
  label: string;
}

export function LazySelect<V extends string>(
  props: Omit<SelectProps<V, LazySelectOption<V>>, 'options' | 'value' | 'onChange'> & {
    options: LazySelectOption<V>[];
    value: V;
    onChange: (value: V) => void;
  },
) {
  const [wanted, setWanted] = useState(false);
  const TypedSelect = Select as unknown as ComponentType<typeof props & { autoFocus?: boolean; defaultOpen?: boolean }>;
  const field = (
    <Input
      readOnly
      value={props.options.find((o) => o.value === props.value)?.label ?? ''}
      suffix={<DownOutlined style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.25)' }} />}
      aria-label={props['aria-label']}
      style={{ width: 'auto', cursor: 'pointer', ...props.style }}
      onFocus={() => setWanted(true)}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return field;
  return (
    <Suspense fallback={field}>
      <TypedSelect {...props} autoFocus defaultOpen />
    </Suspense>
  );
}
