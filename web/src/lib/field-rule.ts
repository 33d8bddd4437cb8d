// Ant Design forms check fields with the same zod field rules as the API and
// the Excel import (common/fields.ts), with the message from the catalogue,
// and send the value in the form the rule stores ("0912 345 678" → "0912345678").
import type { FormRule } from 'antd';
import type { z } from 'zod';
import type { MessageKey, MessageParams } from '../../../common/i18n';
// The web's hasMessage reads the Vietnamese catalogue only (English loads when chosen).
import { hasMessage } from '../app/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v));

/** The catalogue message of a zod issue: the rule's own key when it has one, else one by the kind of issue. */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message && hasMessage(issue.message)) return t(issue.message as MessageKey);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return num(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { minimum: num(issue.minimum) });
      }
      return t('validation.tooSmall', { minimum: num(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { maximum: num(issue.maximum) });
      return t('validation.tooBig', { maximum: num(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.invalidEmail');
      return t('validation.invalidFormat');
    default:
      return t('validation.invalid');
  }
}

/**
 * An antd rule that checks a field with a zod field rule. A blank value passes
 * (leave "required" to its own rule, so optional fields stay optional).
 */
export function fieldRule(schema: z.ZodType, t: Translate): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(issueMessage(result.error.issues[0]!, t));
    },
  };
}

/**
 * The value as the rule stores it, for the body sent on submit; blank → null.
 * A value the rule refuses is sent as typed (the form's check has already shown
 * why; the server refuses it again with the same message).
 */
export function normalised(schema: z.ZodType<string, string>, value: string | null | undefined): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const result = schema.safeParse(value);
  return result.success ? result.data : value;
}
