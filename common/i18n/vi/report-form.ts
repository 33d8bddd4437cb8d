// reportForm: filled in by the engineer who builds it (docs/reporting.md).
export const reportForm = {
  title: 'Báo cáo',
} as const;
