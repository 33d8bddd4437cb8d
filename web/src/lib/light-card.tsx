// Ant Design's Card look without the Card component: antd's Card imports Tabs (for its
// `tabList`) and Skeleton, ≈10 kB compressed that the sign-in, home and target pages never
// use. LightCard renders the same markup and class names and injects the same Card styles
// (antd's own style hook), so it looks the same; it offers only title, extra, size and loading.
import { useContext, type HTMLAttributes, type ReactNode } from 'react';
import { ConfigContext } from 'antd/es/config-provider';
import useCardStyle from 'antd/es/card/style';
import Skeleton from 'antd/es/skeleton';

export interface LightCardProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'small' | 'default';
  /** A skeleton instead of the content, as Card's `loading`. */
  loading?: boolean;
  'data-testid'?: string;
}

export function LightCard({ title, extra, size, loading, className, children, ...rest }: LightCardProps) {
  const { getPrefixCls } = useContext(ConfigContext);
  const prefixCls = getPrefixCls('card');
  const [hashId, cssVarCls] = useCardStyle(prefixCls);
  const classes = [
    prefixCls,
    `${prefixCls}-bordered`,
    size === 'small' && `${prefixCls}-small`,
    loading && `${prefixCls}-loading`,
    className,
    hashId,
    cssVarCls,
  ]
    .filter(Boolean)
    .join(' ');
  const hasHead = title != null || extra != null;
  return (
    <div {...rest} className={classes}>
      {hasHead && (
        <div className={`${prefixCls}-head`}>
          <div className={`${prefixCls}-head-wrapper`}>
            {title != null && <div className={`${prefixCls}-head-title`}>{title}</div>}
            {extra != null && <div className={`${prefixCls}-extra`}>{extra}</div>}
          </div>
        </div>
      )}
      {(loading || (children != null && children !== false)) && (
        <div className={`${prefixCls}-body`}>{loading ? <Skeleton active title={false} paragraph={{ rows: 4 }} /> : children}</div>
      )}
    </div>
  );
}
