import type { users as vi } from '../vi/users.js';

export const users: Record<keyof typeof vi, string> = {
};
