import type { errors as errorCatalogue } from '../../common/i18n/vi/errors.js';

/** Typed error codes; each has a Vietnamese and English message in common/i18n. */
export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  /** Dotted path of the field, e.g. "validTo" or "items.2.name". */
  field: string;
  /** Message key (e.g. "validation.tooShort") and its parameters. */
  messageKey: string;
  params?: Record<string, string | number>;
}

const DEFAULT_STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CSRF_INVALID: 403,
  INTERNAL: 500,
  CONFLICT: 409,
  STALE_WRITE: 409,
  RATE_LIMITED: 429,
  LOGIN_INVALID: 401,
  LOGIN_LOCKED: 429,
  USER_DISABLED: 403,
};

/**
 * An error a user may see. The message shown is looked up from the code in the
 * caller's language, never taken from exception text.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    options: { status?: number; fields?: FieldError[] } = {},
  ) {
    super(code);
    this.status = options.status ?? DEFAULT_STATUS[code] ?? 400;
    this.fields = options.fields ?? [];
  }
  readonly fields: FieldError[];
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

/** A business-rule violation tied to one field (400 with that field marked). */
export function fieldError(code: ErrorCode, field: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, params, { fields: [{ field, messageKey: `errors.${code}`, params }] });
}
