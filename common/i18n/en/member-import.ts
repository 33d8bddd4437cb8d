// English messages of the members' Excel import (template headers, cell errors).
import type { memberImport as vi } from '../vi/member-import.js';

export const memberImport: Record<keyof typeof vi, string> = {
};
