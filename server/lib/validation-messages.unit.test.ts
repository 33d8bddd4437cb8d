import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate } from '../../common/schemas.js';
import { fieldName, validationMessage } from './validation-messages.js';

function messagesFor(schema: z.ZodType, value: unknown, locale: 'vi' | 'en' = 'vi') {
  const result = schema.safeParse(value);
  if (result.success) return [];
  // The same shape fastify-type-provider-zod gives the error handler.
  return result.error.issues.map(({ code, path, message, ...params }) => {
    const issue = { keyword: code, instancePath: `/${path.join('/')}`, message, params };
    return { field: fieldName(issue.instancePath), message: validationMessage(issue, locale) };
  });
}

describe('validation messages', () => {
  const schema = z.object({
    name: z.string().min(1).max(5),
    code: z.string().min(3),
    id: z.uuid(),
    kind: z.enum(['a', 'b']),
    from: isoDate,
    count: z.number().int().min(1),
  });

  it('gives a Vietnamese message per field', () => {
    const out = messagesFor(schema, { name: 'toolong', code: 'x', id: 'nope', kind: 'c', from: '2023-02-30', count: 0 });
    expect(out).toEqual([
      { field: 'name', message: 'Không được vượt quá 5 ký tự.' },
      { field: 'code', message: 'Cần ít nhất 3 ký tự.' },
      { field: 'id', message: 'Mã định danh không hợp lệ.' },
      { field: 'kind', message: 'Giá trị không nằm trong danh sách cho phép.' },
      { field: 'from', message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' },
      { field: 'count', message: 'Giá trị phải lớn hơn hoặc bằng 1.' },
    ]);
  });

  it('says a missing field is required, in English when asked', () => {
    expect(messagesFor(z.object({ name: z.string() }), {}, 'en')).toEqual([{ field: 'name', message: 'This field is required.' }]);
  });
});
