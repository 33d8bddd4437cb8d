export const reportReview = {
  title: 'Report review',
} as const;
