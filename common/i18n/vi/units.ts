// Vietnamese messages of the "units" feature.
export const units = {
} as const;
