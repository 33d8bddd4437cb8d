import { AppError, type ErrorCode } from './errors.js';

/**
 * The error @fastify/rate-limit throws when a limit is reached: a 429 with the
 * code's message (Vietnamese or English, like every error) and the seconds to wait.
 * The limits are in server/config.ts and docs/security.md.
 */
export function rateLimitError(code: ErrorCode) {
  return (_req: unknown, context: { ttl: number }) => new AppError(code, { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) });
}
