// The wire schemas live in common/api/reports.ts (shared with the web); this
// file adds what only the server needs.
import { z } from 'zod';

export * from '../../../common/api/reports.js';

export const PeriodUnitParams = z.object({ periodId: z.uuid(), unitId: z.uuid() });
