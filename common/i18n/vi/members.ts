// Vietnamese messages of the "members" feature.
export const members = {
} as const;
