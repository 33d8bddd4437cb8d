// Vietnamese messages of the "audit" feature.
export const audit = {
} as const;
