// Uploading a members workbook (tải tệp nhập đoàn viên): the file-level checks
// answer at once (400, nothing written); the rows are stored and checked in
// the background, with progress, ending 'validated', 'invalid' or 'failed'.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import type { Executor } from '../../db/client.js';
import { memberImports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { getMemberImport, type MemberImportStatusOut } from './import-get.js';
import { runImportJob } from './import-jobs.js';
import { markImportFailed, requireMemberImportWriter } from './import-policy.js';
import { packRows, readImportFile, type ImportRow } from './import-read-file.js';
import { validateImportRows } from './import-validate.js';

export interface UploadedFile {
  fileName: string;
  buffer: Buffer;
}

const FILE_NAME_MAX = 255;

/** The x-file-name header (URI-encoded) as a plain file name. */
export function uploadedFileName(header: string | string[] | undefined): string {
  let name = Array.isArray(header) ? header[0] : header;
  try {
    name = name ? decodeURIComponent(name) : undefined;
  } catch {
    // keep it as sent
  }
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\p{Cc}/gu, '')
    .trim()
    .normalize('NFC');
  return (base || 'tep-nhap-doan-vien.xlsx').slice(0, FILE_NAME_MAX);
}

export async function startMemberImport(
  db: Executor,
  actor: Actor,
  file: UploadedFile,
  locale: Locale = 'vi',
  options: { today?: string } = {},
): Promise<MemberImportStatusOut> {
  await requireMemberImportWriter(db, actor);
  const sheet = await readImportFile(file.buffer);
  const [created] = await db
    .insert(memberImports)
    .values({
      userId: actor.userId,
      fileName: file.fileName,
      fileSha256: crypto.createHash('sha256').update(file.buffer).digest('hex'),
      state: 'validating',
      totalRows: sheet.rows.length,
      rows: packRows(sheet),
    })
    .returning({ id: memberImports.id });
  const id = created!.id;
  // Read before the job starts: the answer is always 'validating', however fast the job.
  const status = await getMemberImport(db, actor, id, locale);
  runImportJob(id, () => validateMemberImport(db, actor, id, sheet.rows, options.today));
  return status;
}

/** The background check of the stored rows; progress written every batch. */
export async function validateMemberImport(db: Executor, actor: Actor, id: string, rows: ImportRow[], today?: string): Promise<void> {
  try {
    const result = await validateImportRows(db, actor, rows, {
      ...(today ? { today } : {}),
      onProgress: async (done) => {
        if (done < 1)
          await db
            .update(memberImports)
            .set({ progress: Math.floor(done * 100), updatedAt: new Date() })
            .where(eq(memberImports.id, id));
      },
    });
    const invalid = result.outcomes.filter((o) => o.kind === 'invalid').length;
    const existing = result.outcomes.filter((o) => o.kind === 'existing').length;
    await db
      .update(memberImports)
      .set({
        state: invalid > 0 ? 'invalid' : 'validated',
        progress: 100,
        validRows: rows.length - invalid,
        errorCount: result.errors.length,
        errors: result.errors,
        // Rows already in the registry: they will be skipped (the count is set again on import).
        skippedRows: existing,
        updatedAt: new Date(),
      })
      .where(eq(memberImports.id, id));
  } catch (err) {
    await markImportFailed(db, id);
    throw err;
  }
}
