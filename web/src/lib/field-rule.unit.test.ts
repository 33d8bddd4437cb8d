import { describe, expect, it, beforeAll } from 'vitest';
import { citizenId, memberCardNumber, personName, phoneNumber } from '../../../common/fields';
import { translate, type MessageKey, type MessageParams } from '../../../common/i18n';
import { loadFullCatalogue } from '../app/i18n';
import { fieldRule, normalised } from './field-rule';

const t = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);

/** Runs an antd rule's validator: the message it refuses with, or null. */
async function refusal(rule: ReturnType<typeof fieldRule>, value: unknown): Promise<string | null> {
  const validator = (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator;
  try {
    await validator({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('fieldRule (a field rule as an antd form rule)', () => {
  // Form pages load the rest of the Vietnamese catalogue (validation.*) with their code (lazyPage).
  beforeAll(() => loadFullCatalogue());

  it('refuses with the catalogue message of the rule', async () => {
    expect(await refusal(fieldRule(phoneNumber, t), '12345678')).toBe(translate('vi', 'validation.phone'));
    expect(await refusal(fieldRule(citizenId, t), '0791234567')).toBe(translate('vi', 'validation.citizenId'));
  });

  it('uses the generic messages for lengths', async () => {
    expect(await refusal(fieldRule(memberCardNumber, t), 'A'.repeat(40))).toBe(translate('vi', 'validation.tooLong', { maximum: 32 }));
  });

  it('leaves blank values to the "required" rule', async () => {
    expect(await refusal(fieldRule(phoneNumber, t), '')).toBeNull();
    expect(await refusal(fieldRule(phoneNumber, t), undefined)).toBeNull();
    expect(await refusal(fieldRule(phoneNumber, t), '0912 345 678')).toBeNull();
  });
});

describe('normalised (the value a form sends)', () => {
  it('is the rule output; blank is null', () => {
    expect(normalised(phoneNumber, '0912 345 678')).toBe('0912345678');
    expect(normalised(personName, '  Lê   Văn  An ')).toBe('Lê Văn An');
    expect(normalised(phoneNumber, '  ')).toBeNull();
    expect(normalised(phoneNumber, undefined)).toBeNull();
  });
});
