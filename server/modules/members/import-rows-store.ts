// Storing and loading an import's rows (member_imports.rows, a JSON array of
// up to 50,001 records, ~12 MB of text) without stalling the server: one
// JSON.stringify, JSON.parse or driver encoding of the whole array blocks the
// event loop for 0.3–1.3 s on this 2-core machine (measured with
// bench/import-health.ts and an event-loop lag probe), so the array is
// written and read back in slices of ROWS_SLICE records, one statement each,
// with a turn of the event loop between them. The column stays one jsonb
// value (no migration); PostgreSQL does the concatenating.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { memberImports } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { yieldToEventLoop } from '../../lib/yield.js';
import { packRows, unpackRows, type ImportRow, type ImportSheet } from './import-read-file.js';

/** Records per read slice. */
const ROWS_SLICE = 1_000;
/**
 * Records per appended slice: each append rewrites the growing jsonb value, so
 * fewer, larger slices (11 statements for 50,000 rows; 1 slice ≈ 1.2 MB, tens
 * of ms to encode) — 1,000-row slices made the validation 3× slower.
 */
const STORE_SLICE = 5_000;

/**
 * Stores the sheet's rows (and their count) on the import, appending one
 * slice per statement: a single 12–20 MB parameter costs the driver ~0.75 s of
 * synchronous encoding on this 2-core machine (measured), a slice a few ms.
 */
export async function storeImportRows(db: Executor, id: string, sheet: ImportSheet): Promise<void> {
  const packed = packRows(sheet);
  await db
    .update(memberImports)
    .set({ totalRows: sheet.rows.length, rows: sql`'[]'::jsonb`, updatedAt: new Date() })
    .where(eq(memberImports.id, id));
  for (let start = 0; start < packed.length; start += STORE_SLICE) {
    const json = JSON.stringify(packed.slice(start, start + STORE_SLICE));
    await db
      .update(memberImports)
      .set({ rows: sql`${memberImports.rows} || ${json}::jsonb` })
      .where(eq(memberImports.id, id));
    await yieldToEventLoop();
  }
}

/** The stored rows, read back ROWS_SLICE records per query (jsonpath slices), yielding between slices. */
export async function loadImportRows(db: Executor, id: string): Promise<ImportSheet> {
  const [count] = await queryRows<{ n: number | null }>(
    db,
    sql`select jsonb_array_length(rows) as n from ${memberImports} where id = ${id} and rows is not null`,
  );
  const total = Number(count?.n ?? 0);
  const stored: ImportRow[] = [];
  for (let start = 0; start < total; start += ROWS_SLICE) {
    const path = `$[${start} to ${Math.min(total, start + ROWS_SLICE) - 1}]`;
    const [part] = await queryRows<{ part: ImportRow[] | string }>(
      db,
      sql`select jsonb_path_query_array(rows, ${path}::jsonpath) as part from ${memberImports} where id = ${id}`,
    );
    const rows = typeof part?.part === 'string' ? (JSON.parse(part.part) as ImportRow[]) : (part?.part ?? []);
    for (const r of rows) stored.push(r);
    await yieldToEventLoop();
  }
  return unpackRows(stored);
}
