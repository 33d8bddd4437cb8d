// Vietnamese messages of the "users" feature.
export const users = {
} as const;
