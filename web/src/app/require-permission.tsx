import type { ReactNode } from 'react';
import type { Permission } from '../../../common/permissions';
import { useMe } from '../features/auth/use-me';
import { LazyResult } from '../lib/lazy-antd';
import { useI18n, WithFullCatalogue } from './i18n';

/** Shows the page only to users whose roles allow it. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  if (!me.data?.permissions.includes(permission)) {
    return (
      <WithFullCatalogue>
        <Forbidden />
      </WithFullCatalogue>
    );
  }
  return <>{children}</>;
}

/** errors.* is not among the namespaces that ship with the app: WithFullCatalogue loads it first. */
function Forbidden() {
  const { t } = useI18n();
  return <LazyResult status="403" title="403" subTitle={t('errors.FORBIDDEN')} />;
}
