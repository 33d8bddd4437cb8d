import { describe, expect, it } from 'vitest';
import { AppError, ERROR_STATUS, fieldError } from './errors.js';
import { errors as en } from '../../common/i18n/en/errors.js';
import { errors as vi } from '../../common/i18n/vi/errors.js';

describe('error status table', () => {
  it('gives every code with a message a client or server error status, and nothing else', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const status of Object.values(ERROR_STATUS)) expect(status >= 400 && status < 600).toBe(true);
  });

  it('sets the status of an error from its code', () => {
    expect(new AppError('IMPORT_NOT_READY').status).toBe(409);
    expect(new AppError('MEMBER_RECEIVING_UNIT_NOT_FOUND', { code: 'X', date: '01/01/2025' }).status).toBe(404);
    expect(new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: 10 }).status).toBe(413);
    expect(fieldError('UNIT_CODE_TAKEN', 'code').status).toBe(400);
  });
});
