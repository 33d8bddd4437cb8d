// reportReview: filled in by the engineer who builds it (docs/reporting.md).
export const reportReview = {
  title: 'Xét duyệt báo cáo',
} as const;
