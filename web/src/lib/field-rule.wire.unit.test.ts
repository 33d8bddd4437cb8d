// The catalogue and org-unit forms check fields with the API's own schemas
// (common/api): the same refusals, with the catalogue's messages.
import { describe, expect, it, beforeAll } from 'vitest';
import { CreateDataElementBody, CreateTargetBody } from '../../../common/api/indicators';
import { CreateOrgUnitBody } from '../../../common/api/org-units';
import { translate, type MessageKey, type MessageParams } from '../../../common/i18n';
import { LIMITS } from '../../../common/limits';
import { loadFullCatalogue } from '../app/i18n';
import { fieldRule } from './field-rule';

const t = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);

/** The rule's message for a value, or null when it passes. */
async function check(schema: Parameters<typeof fieldRule>[0], value: unknown): Promise<string | null> {
  const rule = fieldRule(schema, t) as { validator: (rule: unknown, value: unknown, callback: () => void) => Promise<void> };
  try {
    await rule.validator({}, value, () => undefined);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('fieldRule with the wire schemas of the catalogue and org-unit forms', () => {
  // Form pages load the rest of the Vietnamese catalogue (validation.*) with their code (lazyPage).
  beforeAll(() => loadFullCatalogue());

  it('passes what the API accepts, and leaves empty values to the required rule', async () => {
    expect(await check(CreateDataElementBody.shape.code, 'members.total')).toBeNull();
    expect(await check(CreateDataElementBody.shape.code, undefined)).toBeNull();
    expect(await check(CreateDataElementBody.shape.code, '   ')).toBeNull();
  });

  it("gives the API's messages, from the same catalogue keys", async () => {
    expect(await check(CreateDataElementBody.shape.code, 'mã có dấu')).toBe(t('validation.invalidFormat'));
    expect(await check(CreateOrgUnitBody.shape.code, 'x'.repeat(1000))).toBe(t('validation.tooLong', { maximum: LIMITS.codeMax }));
    expect(await check(CreateTargetBody.shape.value, -1)).toBe(t('validation.tooSmall', { minimum: 0 }));
    expect(await check(CreateOrgUnitBody.shape.validFrom, '2025-02-30')).toBe(t('validation.invalidDate'));
  });
});
