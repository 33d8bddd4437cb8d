// Vietnamese messages of the members' Excel import (template headers, cell errors).
export const memberImport = {
} as const;
