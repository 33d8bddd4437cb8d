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

/**
 * The HTTP status of every error code, in one place. 400: the request breaks a
 * rule of the input; 409: it conflicts with the current state (a draft already
 * issued, a job already done, a record in use); 404/403/401/429/413/500 as usual.
 * A new code does not compile until it has its row here.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
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

  PASSWORD_WRONG: 400,
  PASSWORD_SAME: 400,
  PASSWORD_COMMON: 400,
  SEARCH_RATE_LIMITED: 429,
  SIGN_IN_RATE_LIMITED: 429,
  USERNAME_TAKEN: 400,
  CANNOT_DISABLE_SELF: 400,
  ASSIGNMENT_DATES_INVALID: 400,
  ASSIGNMENT_UNIT_NOT_FOUND: 400,

  UNIT_CODE_TAKEN: 400,
  UNIT_DATES_INVALID: 400,
  UNIT_OWN_ANCESTOR: 400,
  UNIT_PARENT_NOT_VALID: 400,
  UNIT_NOT_VALID_ON_DATE: 400,
  UNIT_DATE_BEFORE_START: 400,
  UNIT_MOVE_DATE_CONFLICT: 400,
  UNIT_HAS_ACTIVE_CHILDREN: 400,
  UNIT_ALREADY_ENDED: 400,
  UNIT_MERGE_SAME: 400,
  UNIT_SPLIT_TOO_FEW: 400,
  UNIT_SECTOR_ONLY_GRASSROOTS: 400,
  UNIT_CHILDREN_BEFORE_START: 400,
  UNIT_PARENT_HISTORY_OUTSIDE: 400,
  UNIT_MERGE_TARGET_NOT_VALID: 400,

  AUDIT_DATE_RANGE_INVALID: 400,

  DOCUMENT_NUMBER_TAKEN: 400,

  PROGRAM_NOT_EDITABLE: 409,
  PROGRAM_NOT_DRAFT: 409,
  PROGRAM_UNIT_NOT_VALID: 400,
  PROGRAM_NOT_ISSUED: 409,
  PROGRAM_HAS_NEWER_VERSION: 409,
  PROGRAM_VERSION_KEY_FIXED: 400,
  PROGRAM_DERIVE_NOT_ISSUED: 409,
  PROGRAM_DERIVE_UNIT_NOT_BELOW: 400,
  PROGRAM_DERIVED_EXISTS: 409,

  DATA_ELEMENT_CODE_TAKEN: 400,
  DATA_ELEMENT_AGGREGATION_MISMATCH: 400,
  DATA_ELEMENT_GRADES_REQUIRED: 400,
  DATA_ELEMENT_GRADES_NOT_ALLOWED: 400,
  DATA_ELEMENT_IN_USE: 409,
  DATA_ELEMENT_ALREADY_ARCHIVED: 409,

  INDICATOR_CODE_TAKEN: 400,
  INDICATOR_ELEMENT_REQUIRED: 400,
  INDICATOR_ELEMENT_NOT_ALLOWED: 400,
  INDICATOR_ELEMENT_NOT_FOUND: 400,
  INDICATOR_ELEMENT_NOT_NUMBER: 400,
  INDICATOR_ELEMENT_NOT_BOOLEAN: 400,
  INDICATOR_CONDITION_INVALID: 400,
  INDICATOR_CONDITION_GRADE_UNKNOWN: 400,
  INDICATOR_PERCENT_REQUIRED: 400,
  INDICATOR_RECORD_SOURCE_REQUIRED: 400,
  INDICATOR_RECORD_FILTER_INVALID: 400,

  TARGET_INDICATOR_NOT_FOUND: 400,
  TARGET_PROGRAM_NOT_FOUND: 400,
  TARGET_PERCENT_OVER_100: 400,
  TARGET_COMPARATOR_MISMATCH: 400,
  TARGET_PERIOD_INVALID: 400,
  TARGET_ALLOCATION_NOT_TOTAL: 400,
  TARGET_ALLOCATION_OUTSIDE_SCOPE: 400,
  TARGET_ALLOCATION_DUPLICATE: 400,
  TARGET_ALLOCATION_BASIS_INVALID: 400,
  TARGET_ALLOCATION_BASIS_NO_DATA: 400,
  TARGET_SCOPE_NOT_VALID: 400,

  MEMBER_CITIZEN_ID_TAKEN: 400,
  MEMBER_CARD_TAKEN: 400,
  MEMBER_DUPLICATE_PERSON: 400,
  MEMBER_CITIZEN_ID_DUPLICATE: 400,
  MEMBER_NOT_ACTIVE: 400,
  MEMBER_ALREADY_ACTIVE: 400,
  MEMBER_UNIT_NOT_GRASSROOTS: 400,
  MEMBER_UNIT_NOT_VALID: 400,
  MEMBER_DATE_IN_FUTURE: 400,
  MEMBER_DATE_BEFORE_LAST_EVENT: 400,
  MEMBER_BIRTH_DATE_INVALID: 400,
  MEMBER_TRANSFER_SAME_UNIT: 400,
  MEMBER_TRANSFER_TARGET_REQUIRED: 400,
  MEMBER_TRANSFER_PENDING: 409,
  MEMBER_TRANSFER_NOT_PENDING: 409,
  MEMBER_RECEIVING_UNIT_NOT_FOUND: 404,

  IMPORT_FILE_TYPE: 400,
  IMPORT_FILE_EMPTY: 400,
  IMPORT_FILE_TOO_LARGE: 413,
  IMPORT_TOO_MANY_ROWS: 400,
  IMPORT_HEADERS_MISSING: 400,
  IMPORT_MERGED_CELLS: 400,
  IMPORT_NOT_READY: 409,
  IMPORT_ALREADY_DONE: 409,

  UNIT_FOUNDING_TOO_FEW_MEMBERS: 400,

  DATA_ELEMENT_ADDEND_NOT_DERIVED: 400,
  DATA_ELEMENT_ADDEND_INVALID: 400,
  DATA_ELEMENT_ADDEND_IN_USE: 409,
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
    options: { fields?: FieldError[] } = {},
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
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
