import type { programs as vi } from '../vi/programs.js';

export const programs: Record<keyof typeof vi, string> = {
};
