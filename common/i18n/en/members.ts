import type { members as vi } from '../vi/members.js';

export const members: Record<keyof typeof vi, string> = {
};
