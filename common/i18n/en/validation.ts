import type { validation as vi } from '../vi/validation.js';

export const validation: Record<keyof typeof vi, string> = {
  required: 'This field is required.',
  invalidType: 'The value has the wrong type.',
  tooShort: 'At least {minimum} characters are needed.',
  tooLong: 'At most {maximum} characters are allowed.',
  tooSmall: 'The value must be at least {minimum}.',
  tooBig: 'The value must be at most {maximum}.',
  invalidDate: 'Invalid date (format YYYY-MM-DD).',
  invalidUuid: 'Invalid identifier.',
  invalidEmail: 'Invalid e-mail address.',
  invalidFormat: 'The value has the wrong format.',
  invalidOption: 'The value is not one of the allowed options.',
  unknownKeys: 'Unsupported fields: {keys}.',
  invalid: 'Invalid value.',
  tooFewItems: 'At least {minimum} items are needed.',
  tooManyItems: 'At most {maximum} items are allowed.',
  citizenId: 'A citizen ID (CCCD) has exactly 12 digits.',
  phone: 'The phone number is not valid (e.g. 0912345678 or +84912345678).',
  cardNumber: 'A union card number may only contain letters without diacritics, digits and . / -',
  vndAmount: 'The amount must be a whole, non-negative number of đồng (e.g. 1,500,000).',
};
