// notifications: filled in by the engineer who builds it (docs/reporting.md).
export const notifications = {
  title: 'Thông báo',
} as const;
