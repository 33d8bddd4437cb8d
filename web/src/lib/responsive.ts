import { Grid } from 'antd';

/** True below Ant Design's md breakpoint (768 px): the phone layout. */
export function useIsPhone(): boolean {
  return !Grid.useBreakpoint().md;
}

/** Full-width drawers on phones, a comfortable column on desktop. */
export function useDrawerSize(desktop = 560): number | string {
  return useIsPhone() ? '100%' : desktop;
}

/** True from Ant Design's lg breakpoint (992 px): room for two columns side by side. */
export function useIsWide(): boolean {
  return Boolean(Grid.useBreakpoint().lg);
}
