// Vietnamese messages of the "programs" feature.
export const programs = {
} as const;
