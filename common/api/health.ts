// Wire schema of GET /health (tình trạng dịch vụ).
import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  migration: z.string().nullable(),
});
export type HealthResponse = z.output<typeof HealthResponse>;
