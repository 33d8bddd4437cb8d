import { describe, expect, it } from 'vitest';
import { foldText } from './search-text.js';

describe('foldText', () => {
  it('drops Vietnamese diacritics and case', () => {
    expect(foldText('LĐLĐ huyện Vĩnh Thuận')).toBe('ldld huyen vinh thuan');
    expect(foldText('ĐẶNG Thu Hà')).toBe('dang thu ha');
    expect(foldText('Ủy ban  kiểm tra')).toBe('uy ban kiem tra');
  });
  it('folds decomposed (NFD) input like composed input', () => {
    expect(foldText('Vĩnh Thuận'.normalize('NFD'))).toBe('vinh thuan');
  });
});
