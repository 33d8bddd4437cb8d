import type { units as vi } from '../vi/units.js';

export const units: Record<keyof typeof vi, string> = {
};
