// Ant Design parts that few screens show, loaded on first use instead of with the app:
// the Result illustrations (403/404 pictures) and the desktop Table (phones get cards).
import { lazy, Suspense, type ComponentType } from 'react';
import type { ResultProps, TableProps } from 'antd';
import Skeleton from 'antd/es/skeleton';

const Result = lazy(() => import('antd/es/result'));
const Table = lazy(() => import('antd/es/table'));

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
