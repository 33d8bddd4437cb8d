import { hasMessage, translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/enums.js';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns one zod issue (as fastify-type-provider-zod reports it) into a message in the caller's language. */
export function validationMessage(issue: ValidationIssue, locale: Locale): string {
  const p = issue.params ?? {};
  const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
  switch (issue.keyword) {
    case 'invalid_type':
      if (issue.message?.includes('received undefined')) return translate(locale, 'validation.required');
      return translate(locale, 'validation.invalidType');
    case 'too_small':
      if (p.origin === 'string') {
        return num(p.minimum) <= 1
          ? translate(locale, 'validation.required')
          : translate(locale, 'validation.tooShort', { minimum: num(p.minimum) });
      }
      if (p.origin === 'array' || p.origin === 'set') return translate(locale, 'validation.tooFewItems', { minimum: num(p.minimum) });
      return translate(locale, 'validation.tooSmall', { minimum: num(p.minimum) });
    case 'too_big':
      if (p.origin === 'string') return translate(locale, 'validation.tooLong', { maximum: num(p.maximum) });
      if (p.origin === 'array' || p.origin === 'set') return translate(locale, 'validation.tooManyItems', { maximum: num(p.maximum) });
      return translate(locale, 'validation.tooBig', { maximum: num(p.maximum) });
    case 'invalid_format':
      if (issue.message && hasMessage(issue.message)) return translate(locale, issue.message);
      if (p.format === 'uuid' || p.format === 'guid') return translate(locale, 'validation.invalidUuid');
      if (p.format === 'email') return translate(locale, 'validation.invalidEmail');
      if (p.format === 'date') return translate(locale, 'validation.invalidDate');
      return translate(locale, 'validation.invalidFormat');
    case 'invalid_value':
      return translate(locale, 'validation.invalidOption');
    case 'unrecognized_keys':
      return translate(locale, 'validation.unknownKeys', { keys: ((p.keys as string[]) ?? []).join(', ') });
    case 'custom':
      if (issue.message && hasMessage(issue.message)) return translate(locale, issue.message, p.params as Record<string, string>);
      return translate(locale, 'validation.invalid');
    default:
      return translate(locale, 'validation.invalid');
  }
}

/** "/body/validTo" style paths → "validTo". */
export function fieldName(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').join('.');
}
