import type { audit as vi } from '../vi/audit.js';

export const audit: Record<keyof typeof vi, string> = {
};
