import { describe, expect, it } from 'vitest';
import * as en from './en/index.js';
import * as vi from './vi/index.js';
import { pickLocale, translate } from './index.js';

describe('message catalogues', () => {
  it('has every Vietnamese key in English, and no empty message', () => {
    for (const [ns, messages] of Object.entries(vi)) {
      const english = (en as Record<string, Record<string, string>>)[ns];
      expect(english, ns).toBeDefined();
      for (const [key, text] of Object.entries(messages as Record<string, string>)) {
        expect(text.trim(), `vi ${ns}.${key}`).not.toBe('');
        expect(english?.[key]?.trim(), `en ${ns}.${key}`).toBeTruthy();
      }
      expect(Object.keys(english ?? {}).sort()).toEqual(Object.keys(messages).sort());
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [ns, messages] of Object.entries(vi)) {
      for (const [key, text] of Object.entries(messages as Record<string, string>)) {
        const english = (en as Record<string, Record<string, string>>)[ns]![key]!;
        expect(placeholders(english), `${ns}.${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('translates with parameters and falls back to the key', () => {
    expect(translate('vi', 'errors.LOGIN_LOCKED', { max: 5, minutes: 3 })).toContain('5 lần');
    expect(translate('en', 'validation.tooShort', { minimum: 8 })).toBe('At least 8 characters are needed.');
    expect(translate('vi', 'nope.missing')).toBe('nope.missing');
  });

  it('picks Vietnamese unless English is asked for', () => {
    expect(pickLocale(undefined)).toBe('vi');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('vi-VN')).toBe('vi');
    expect(pickLocale('fr')).toBe('vi');
  });
});

describe('numbers in messages', () => {
  it('writes number parameters in the language form, years as they are', () => {
    expect(translate('vi', 'audit.exportTruncated', { max: 10000 })).toContain('10.000 dòng');
    expect(translate('en', 'audit.exportTruncated', { max: 10000 })).toContain('10,000');
    expect(translate('vi', 'programs.emptyYear', { year: 2024 })).toContain('năm 2024');
    expect(translate('vi', 'memberImport.duplicateCitizenIdInFile', { row: 1234 })).toContain('dòng 1234');
    expect(translate('vi', 'audit.exportTruncated', { max: '10000' })).toContain('10000');
  });
});
