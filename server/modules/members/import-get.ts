// The status of a members' Excel import (trạng thái nhập tệp), for polling.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../common/enums.js';
import { hasMessage, translate } from '../../../common/i18n/index.js';
import { MEMBER_LIMITS, type ImportState } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toIso } from '../../db/sql.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { notFound } from '../../lib/errors.js';
import { importProgress, importSnapshot, isImportJobRunning } from './import-jobs.js';
import { failIfInterrupted, ownImport } from './import-policy.js';
import type { MemberImportStatus } from './schemas.js';
import type { CellError } from './import-validate.js';
import { memberImports } from '../../db/schema/index.js';

export type MemberImportStatusOut = z.infer<typeof MemberImportStatus>;

/** A stored error's message: memberImport.<code> in the caller's language. */
export function cellErrorMessage(locale: Locale, error: Pick<CellError, 'code' | 'params'>): string {
  return translate(locale, `memberImport.${error.code}`, error.params);
}

/** A file-level error: an error code (errors.IMPORT_…) or a memberImport key. */
export function fileErrorMessage(locale: Locale, error: { code: string; params?: Record<string, string | number> }): string {
  return hasMessage(`errors.${error.code}`)
    ? translate(locale, `errors.${error.code}`, error.params)
    : translate(locale, `memberImport.${error.code}`, error.params);
}

interface StatusRow {
  id: string;
  file_name: string;
  state: ImportState;
  progress: number;
  total_rows: number;
  valid_rows: number;
  error_count: number;
  file_error: { code: string; params?: Record<string, string | number> } | null;
  errors: CellError[] | null;
  imported_rows: number;
  skipped_rows: number;
  created_at: unknown;
}

/** The import's status; errors cut to the first MEMBER_LIMITS.importMaxErrorsShown in SQL (the stored list may be long). */
export async function getMemberImport(
  db: Executor,
  actor: Actor,
  id: string,
  locale: Locale = 'vi',
  maxErrors: number = MEMBER_LIMITS.importMaxErrorsShown,
): Promise<MemberImportStatusOut> {
  // While an import runs, its transaction may hold the only (PGlite) connection: answer from memory.
  const snapshot = importSnapshot(id);
  if (snapshot && snapshot.locale === locale && (snapshot.ownerId === actor.userId || isSystemAdmin(actor))) {
    return { ...(snapshot.status as MemberImportStatusOut), progress: importProgress(id) ?? 0 };
  }
  await failIfInterrupted(db, id);
  const [row] = await queryRows<StatusRow>(
    db,
    sql`select id, file_name, state, progress, total_rows, valid_rows, error_count, file_error, imported_rows, skipped_rows, created_at,
          (select jsonb_agg(e order by n) from jsonb_array_elements(${memberImports.errors}) with ordinality as x(e, n) where n <= ${maxErrors}) as errors
        from ${memberImports} where ${ownImport(actor, id)}`,
  );
  if (!row) throw notFound();
  const errors = typeof row.errors === 'string' ? (JSON.parse(row.errors) as CellError[]) : (row.errors ?? []);
  const fileError = typeof row.file_error === 'string' ? JSON.parse(row.file_error) : row.file_error;
  const running = row.state === 'importing' && isImportJobRunning(id) ? importProgress(id) : undefined;
  return {
    id: row.id,
    fileName: row.file_name,
    state: row.state,
    progress: running ?? row.progress,
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    invalidRows: ['validating', 'failed'].includes(row.state) ? 0 : row.total_rows - row.valid_rows,
    errorCount: row.error_count,
    fileError: fileError ? fileErrorMessage(locale, fileError) : null,
    errors: errors.map((e) => ({ row: e.row, column: e.column, message: cellErrorMessage(locale, e) })),
    importedRows: row.imported_rows,
    skippedRows: row.skipped_rows,
    createdAt: toIso(row.created_at),
  };
}
