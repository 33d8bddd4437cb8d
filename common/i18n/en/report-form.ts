export const reportForm = {
  title: 'Report',
} as const;
