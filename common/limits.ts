// Limits shared by the server and the web app.
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 64,
  /** For passwords set through the API; the demo's seeded accounts predate it (README). */
  passwordMin: 10,
  passwordMax: 128,
  nameMax: 255,
  codeMax: 32,
  addressMax: 500,
  pageSizeDefault: 20,
  pageSizeMax: 200,
  /** Failed sign-ins for one account before it is locked for a while. */
  loginMaxFailures: 5,
  loginLockMinutes: 5,
  /** Failures on one account (from every address, last hour) before each attempt is slowed down. */
  loginDelayAfterFailures: 5,
  /** The progressive delay doubles from 250 ms up to this. */
  loginDelayMaxMs: 8_000,
  sessionDays: 14,
  auditExportMaxRows: 50_000,
} as const;

/** The last day we treat as "open-ended" in closure rows. */
export const OPEN_END_DATE = '9999-12-31';
