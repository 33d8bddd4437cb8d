// A shared zod schema (the one the API applies) as an antd Form rule, so a
// form checks a field by the server's rule instead of a copy of it. Messages
// come from the same catalogue keys as the server's (server/lib/validation-messages.ts).
import type { FormRule } from 'antd';
import type { z } from 'zod';
import type { MessageKey, MessageParams } from '../../../common/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const n = (v: unknown) => Number(v);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return n(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { minimum: n(issue.minimum) });
      return issue.origin === 'array' ? t('validation.tooFewItems', { minimum: n(issue.minimum) }) : t('validation.tooSmall', { minimum: n(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { maximum: n(issue.maximum) });
      return issue.origin === 'array' ? t('validation.tooManyItems', { maximum: n(issue.maximum) }) : t('validation.tooBig', { maximum: n(issue.maximum) });
    case 'invalid_value':
      return t('validation.invalidOption');
    case 'invalid_format':
    case 'custom':
      // Shared rules carry a catalogue key as their message (e.g. 'validation.invalidDate').
      return issue.message.startsWith('validation.') ? t(issue.message as MessageKey) : t('validation.invalidFormat');
    default:
      return t('validation.invalid');
  }
}

/**
 * `rules={[required, zodRule(schema, t)]}`: checks a filled-in value with the
 * schema; an empty (or blank) value is left to the `required` rule (or allowed).
 */
export function zodRule(schema: z.ZodType, t: Translate): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(issueMessage(result.error.issues[0]!, t));
    },
  };
}
