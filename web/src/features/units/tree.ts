// Pure helpers that turn the flat unit list (each with its parent as of the
// chosen date) into a tree. A unit whose parent is not in the list (outside the
// caller's scope, e.g. a CĐCS chair sees only their own unit) becomes a root.
import type { OrgUnitNode } from './api';

/** The fields of a listed unit (GET /api/org-units) the tree needs. */
export type FlatUnit = Pick<OrgUnitNode, 'id' | 'parentId' | 'code' | 'shortName'>;

export interface TreeNode<T extends FlatUnit> {
  unit: T;
  children: TreeNode<T>[];
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function compareUnits(a: FlatUnit, b: FlatUnit): number {
  return collator.compare(a.shortName, b.shortName) || collator.compare(a.code, b.code);
}

/** Builds the forest; siblings sorted by short name (Vietnamese collation). */
export function buildTree<T extends FlatUnit>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const unit of items) nodes.set(unit.id, { unit, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = node.unit.parentId;
    const parent = parentId && parentId !== node.unit.id ? nodes.get(parentId) : undefined;
    if (parent && !createsCycle(nodes, node.unit.id, parentId!)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** True when walking up from parentId reaches id (bad data must not hang the page). */
function createsCycle<T extends FlatUnit>(nodes: Map<string, TreeNode<T>>, id: string, parentId: string): boolean {
  const seen = new Set<string>();
  let current: string | null = parentId;
  while (current && !seen.has(current)) {
    if (current === id) return true;
    seen.add(current);
    current = nodes.get(current)?.unit.parentId ?? null;
  }
  return false;
}

/** Ids of the ancestors of the given units (to expand the paths to search matches). */
export function ancestorIds(items: readonly FlatUnit[], ids: readonly string[]): string[] {
  const parentOf = new Map(items.map((u) => [u.id, u.parentId]));
  const out = new Set<string>();
  for (const id of ids) {
    let current = parentOf.get(id) ?? null;
    while (current && parentOf.has(current) && !out.has(current)) {
      out.add(current);
      current = parentOf.get(current) ?? null;
    }
  }
  return [...out];
}

/** Ids of every node that has children (for "expand all"). */
export function branchIds<T extends FlatUnit>(roots: readonly TreeNode<T>[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly TreeNode<T>[]) => {
    for (const n of list) {
      if (n.children.length) {
        out.push(n.unit.id);
        walk(n.children);
      }
    }
  };
  walk(roots);
  return out;
}

/**
 * The ids to open by default: level after level while the visible rows stay
 * within maxVisible, so a district sees all its grassroots unions but a
 * province does not get a wall of thousands of rows.
 */
export function defaultExpanded<T extends FlatUnit>(roots: readonly TreeNode<T>[], maxVisible = 60): string[] {
  const out: string[] = [];
  let visible = roots.length;
  let level: readonly TreeNode<T>[] = roots;
  while (level.length) {
    const branches = level.filter((n) => n.children.length);
    const added = branches.reduce((sum, n) => sum + n.children.length, 0);
    // Always open the first level when there is a single root (a federation sees its units).
    if (!branches.length || (visible + added > maxVisible && !(out.length === 0 && roots.length === 1))) break;
    out.push(...branches.map((n) => n.unit.id));
    visible += added;
    level = branches.flatMap((n) => n.children);
  }
  return out;
}

/** Splits text around case- and accent-insensitive occurrences of q, for highlighting. */
export function splitHighlight(text: string, q: string): Array<{ text: string; match: boolean }> {
  const needle = fold(q.trim());
  if (!needle) return [{ text, match: false }];
  const folded = fold(text);
  // fold() keeps one character per character of text, so indexes line up.
  const parts: Array<{ text: string; match: boolean }> = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(needle, from);
    if (at < 0) break;
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts.length ? parts : [{ text, match: false }];
}

/** Lower case without Vietnamese diacritics, one output character per input character. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    const c = ch === 'đ' || ch === 'Đ' ? 'd' : base;
    out += c.length === ch.length ? c : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}
