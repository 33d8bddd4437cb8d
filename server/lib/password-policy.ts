import { fieldError } from './errors.js';

/**
 * The rule for a password set through the API (create user, reset, change):
 * at least LIMITS.passwordMin characters (checked by the request schemas) and
 * not one of the ~49,000 most common passwords of @zxcvbn-ts/language-common,
 * a maintained list shipped with the app (never fetched at run time). The
 * comparison ignores case. The demo's seeded accounts predate the rule (README).
 */
let common: Promise<Set<string>> | null = null;

function commonPasswords(): Promise<Set<string>> {
  // Loaded on first use: decompressing the list takes a few tens of milliseconds.
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common']));
  return common;
}

export async function isCommonPassword(plain: string): Promise<boolean> {
  return (await commonPasswords()).has(plain.toLowerCase());
}

/** Throws a 400 on `field` when the new password is a common one. */
export async function requireUncommonPassword(plain: string, field: string): Promise<void> {
  if (await isCommonPassword(plain)) throw fieldError('PASSWORD_COMMON', field);
}
