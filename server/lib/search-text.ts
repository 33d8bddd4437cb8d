import { sql, type SQL } from 'drizzle-orm';

/**
 * Case- and diacritics-insensitive search without database extensions
 * (no unaccent on PGlite): the column is folded in SQL with translate() and a
 * Vietnamese character map built here, the query is folded the same way in JS.
 */

/** Letters with diacritics (Latin-1, Latin Extended-A/B and Vietnamese blocks) → plain lower-case ASCII. */
function buildFoldMap(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: Array<[number, number]> = [
    [0x00c0, 0x024f],
    [0x1ea0, 0x1ef9],
  ];
  for (const [start, end] of ranges) {
    for (let cp = start; cp <= end; cp++) {
      const ch = String.fromCodePoint(cp);
      const folded = foldChar(ch);
      if (folded !== ch && /^[a-z]$/.test(folded)) {
        from += ch;
        to += folded;
      }
    }
  }
  // Plain upper-case ASCII too: lower() only folds ASCII under the C locale anyway.
  for (let cp = 65; cp <= 90; cp++) {
    from += String.fromCodePoint(cp);
    to += String.fromCodePoint(cp + 32);
  }
  return { from, to };
}

function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const FOLD = buildFoldMap();
/** The same map for foldText, one lookup per character (a 50,000-row import folds every name). */
const FOLD_CHAR = new Map([...FOLD.from].map((ch, i) => [ch, FOLD.to[i]!]));

/** "Vĩnh  Thuận" → "vinh thuan" (what the SQL side produces for stored text). */
export function foldText(value: string): string {
  return value
    .normalize('NFC')
    .split('')
    .map((ch) => FOLD_CHAR.get(ch) ?? ch.toLowerCase())
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** SQL expression: the column folded like foldText (whitespace collapsed). */
export function foldedSql(column: SQL): SQL {
  return sql`regexp_replace(translate(${column}, ${FOLD.from}::text, ${FOLD.to}::text), '\\s+', ' ', 'g')`;
}

/** SQL condition: any of the columns contains the folded query. */
export function matchesText(columns: SQL[], query: string): SQL {
  const needle = foldText(query).replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = `%${needle}%`;
  return sql`(${sql.join(
    columns.map((c) => sql`${foldedSql(c)} like ${pattern}`),
    sql` or `,
  )})`;
}
