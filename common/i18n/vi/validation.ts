// Field validation messages, by zod issue kind (see server/lib/validation-messages.ts).
export const validation = {
  required: 'Trường này là bắt buộc.',
  invalidType: 'Giá trị không đúng kiểu dữ liệu.',
  tooShort: 'Cần ít nhất {minimum} ký tự.',
  tooLong: 'Không được vượt quá {maximum} ký tự.',
  tooSmall: 'Giá trị phải lớn hơn hoặc bằng {minimum}.',
  tooBig: 'Giá trị phải nhỏ hơn hoặc bằng {maximum}.',
  invalidDate: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).',
  invalidUuid: 'Mã định danh không hợp lệ.',
  invalidEmail: 'Địa chỉ e-mail không hợp lệ.',
  invalidFormat: 'Giá trị không đúng định dạng.',
  invalidOption: 'Giá trị không nằm trong danh sách cho phép.',
  unknownKeys: 'Có trường không được hỗ trợ: {keys}.',
  invalid: 'Giá trị không hợp lệ.',
  tooFewItems: 'Cần ít nhất {minimum} mục.',
  tooManyItems: 'Không được vượt quá {maximum} mục.',
} as const;
