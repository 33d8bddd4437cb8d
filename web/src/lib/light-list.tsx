// Ant Design's List look without the List component: antd's List imports Pagination (and,
// through it, Select), Spin and the grid, ≈20 kB compressed, for lists that are never paged.
// LightList renders the same markup and class names with antd's own List styles.
import { useContext, type Key, type ReactNode } from 'react';
import { ConfigContext } from 'antd/es/config-provider';
import useListStyle from 'antd/es/list/style';

export interface LightListProps<T> {
  items: readonly T[];
  rowKey: (item: T, index: number) => Key;
  renderItem: (item: T) => ReactNode;
  /** Shown when there are no items. */
  emptyText?: ReactNode;
  className?: string;
}

export function LightList<T>({ items, rowKey, renderItem, emptyText, className }: LightListProps<T>) {
  const { getPrefixCls } = useContext(ConfigContext);
  const prefixCls = getPrefixCls('list');
  const [hashId, cssVarCls] = useListStyle(prefixCls);
  const classes = [prefixCls, `${prefixCls}-split`, className, hashId, cssVarCls].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      {items.length ? (
        <ul className={`${prefixCls}-items`}>
          {items.map((item, i) => (
            <li key={rowKey(item, i)} className={`${prefixCls}-item`}>
              {renderItem(item)}
            </li>
          ))}
        </ul>
      ) : (
        <div className={`${prefixCls}-empty-text`}>{emptyText}</div>
      )}
    </div>
  );
}
