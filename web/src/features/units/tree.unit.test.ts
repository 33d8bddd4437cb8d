import { describe, expect, it } from 'vitest';
import { ancestorIds, branchIds, buildTree, defaultExpanded, fold, splitHighlight } from './tree';

const u = (id: string, parentId: string | null, shortName = id) => ({ id, parentId, code: id.toUpperCase(), shortName });

describe('buildTree', () => {
  it('nests units under their parent and sorts siblings by Vietnamese name', () => {
    const roots = buildTree([u('c', 'p', 'Đông'), u('p', null), u('b', 'p', 'Bình'), u('a', 'p', 'An')]);
    expect(roots.map((r) => r.unit.id)).toEqual(['p']);
    expect(roots[0]!.children.map((c) => c.unit.shortName)).toEqual(['An', 'Bình', 'Đông']);
  });

  it('makes a unit whose parent is out of scope a root (a CĐCS chair sees only their unit)', () => {
    const roots = buildTree([u('cdcs', 'district-not-visible')]);
    expect(roots.map((r) => r.unit.id)).toEqual(['cdcs']);
  });

  it('does not loop on a parent cycle in bad data', () => {
    const roots = buildTree([u('a', 'b'), u('b', 'a')]);
    expect(roots.length).toBeGreaterThan(0);
  });
});

describe('ancestorIds and expansion', () => {
  const items = [u('root', null), u('mid', 'root'), u('leaf', 'mid'), u('other', 'root')];
  it('lists the path above each match, without the match itself', () => {
    expect(ancestorIds(items, ['leaf']).sort()).toEqual(['mid', 'root']);
    expect(ancestorIds(items, ['root'])).toEqual([]);
  });
  it('lists branches for expand-all and the first levels by default', () => {
    const roots = buildTree(items);
    expect(branchIds(roots).sort()).toEqual(['mid', 'root']);
    expect(defaultExpanded(roots).sort()).toEqual(['mid', 'root']);
    expect(defaultExpanded(roots, 3)).toEqual(['root']);
  });

  it('opens a single root even when its children are many', () => {
    const many = [u('root', null), ...Array.from({ length: 100 }, (_, i) => u(`c${i}`, 'root'))];
    expect(defaultExpanded(buildTree(many))).toEqual(['root']);
  });
});

describe('splitHighlight', () => {
  it('finds matches without caring for case or diacritics', () => {
    expect(splitHighlight('Công đoàn THPT Vĩnh Thuận', 'vinh thuan')).toEqual([
      { text: 'Công đoàn THPT ', match: false },
      { text: 'Vĩnh Thuận', match: true },
    ]);
    expect(splitHighlight('LĐLĐ huyện', 'ldld')[0]).toEqual({ text: 'LĐLĐ', match: true });
  });
  it('keeps the text whole when there is no query', () => {
    expect(splitHighlight('An Giang', ' ')).toEqual([{ text: 'An Giang', match: false }]);
  });
  it('folds one character per character', () => {
    const s = 'Trường Tiểu học Đông Thái';
    expect(fold(s).length).toBe(s.length);
  });
});
