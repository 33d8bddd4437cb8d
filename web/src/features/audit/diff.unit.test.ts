import { describe, expect, it } from 'vitest';
import { diffEntries } from './diff';

describe('diffEntries', () => {
  it('marks changed, added, removed and unchanged keys, changes first', () => {
    expect(diffEntries({ name: 'A', code: 'X', old: 1 }, { name: 'B', code: 'X', extra: { n: 2 } })).toEqual([
      { key: 'name', before: 'A', after: 'B', kind: 'changed' },
      { key: 'old', before: '1', after: null, kind: 'removed' },
      { key: 'extra', before: null, after: '{"n":2}', kind: 'added' },
      { key: 'code', before: 'X', after: 'X', kind: 'same' },
    ]);
  });

  it('lists a creation without marking every key', () => {
    expect(diffEntries(null, { name: 'A' })).toEqual([{ key: 'name', before: null, after: 'A', kind: 'value' }]);
  });

  it('compares non-objects as one value and returns nothing when both are empty', () => {
    expect(diffEntries([1], [2])).toEqual([{ key: '', before: '[1]', after: '[2]', kind: 'changed' }]);
    expect(diffEntries(null, undefined)).toEqual([]);
  });
});
