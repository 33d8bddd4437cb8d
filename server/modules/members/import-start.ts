// Uploading a members workbook (tải tệp nhập đoàn viên). The request only
// streams the body to a file under DATA_DIR/imports (counting bytes and
// hashing as it goes, never holding the file in memory), refuses at once what
// is not a zip or is too large (nothing written), records the import as
// 'validating' and answers 202. Everything else runs in the background, off
// the request path: the workbook is read from the file with exceljs' streaming
// reader (file-level problems — not a workbook, no rows, too many rows,
// missing headers, merged cells — end the import 'failed' with the message in
// fileError), its rows are stored, the file deleted, and the rows checked
// with progress, ending 'validated' or 'invalid'. The web polls the status.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { MEMBER_LIMITS } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { memberImports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';
import { getMemberImport, type MemberImportStatusOut } from './import-get.js';
import { runImportJob } from './import-jobs.js';
import { markImportFailed, requireMemberImportWriter } from './import-policy.js';
import { looksLikeZip, readImportFile, type ImportRow } from './import-read-file.js';
import { storeImportRows } from './import-rows-store.js';
import { validateImportRows } from './import-validate.js';

/** The upload: its name, and its bytes as a stream (the request body) or, in tests and benchmarks, a Buffer. */
export interface UploadedFile {
  fileName: string;
  buffer?: Buffer;
  stream?: Readable;
}

export interface StartImportOptions {
  today?: string;
  /** Where uploads are kept while they are read: DATA_DIR/imports on the server. */
  dir?: string;
}

/** The default folder for uploads when none is given (tests, benchmarks). */
export const DEFAULT_IMPORTS_DIR = path.join(os.tmpdir(), 'congdoan-imports');

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
  options: StartImportOptions = {},
): Promise<MemberImportStatusOut> {
  await requireMemberImportWriter(db, actor);
  const id = crypto.randomUUID();
  const dir = options.dir ?? DEFAULT_IMPORTS_DIR;
  const filePath = path.join(dir, `${id}.xlsx`);
  const saved = await saveUpload(file.stream ?? Readable.from([file.buffer ?? Buffer.alloc(0)]), dir, filePath);
  try {
    await db.insert(memberImports).values({
      id,
      userId: actor.userId,
      fileName: file.fileName,
      fileSha256: saved.sha256,
      state: 'validating',
      totalRows: 0,
      rows: null,
    });
  } catch (e) {
    await removeFile(filePath);
    throw e;
  }
  // Read before the job starts: the answer is always 'validating', however fast the job.
  const status = await getMemberImport(db, actor, id, locale);
  runImportJob(id, () => readAndValidate(db, actor, id, filePath, options.today));
  return status;
}

/**
 * Streams the upload to `filePath`: at most MEMBER_LIMITS.importMaxBytes
 * (413 IMPORT_FILE_TOO_LARGE past it), and it must start like a zip (400
 * IMPORT_FILE_TYPE: a CSV, a text, an empty body). On refusal nothing is left.
 */
async function saveUpload(source: Readable, dir: string, filePath: string): Promise<{ bytes: number; sha256: string }> {
  await fs.promises.mkdir(dir, { recursive: true });
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > MEMBER_LIMITS.importMaxBytes) return done(tooLarge());
      if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
      // Not a zip: refused at once, before the rest of the body is stored.
      if (head.length >= 4 && !looksLikeZip(head)) return done(new AppError('IMPORT_FILE_TYPE'));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // Not pipeline(source, …): a refusal must not destroy the request, whose socket carries the answer.
  const written = pipeline(count, fs.createWriteStream(filePath, { flags: 'wx' }));
  const forward = (e: Error) => count.destroy(e);
  source.on('error', forward);
  source.pipe(count);
  try {
    await written;
    if (!looksLikeZip(head)) throw new AppError('IMPORT_FILE_TYPE');
  } catch (e) {
    source.unpipe(count);
    await removeFile(filePath);
    // The rest of a refused body is read and dropped, so the answer reaches the client.
    if (!source.destroyed) source.resume();
    throw e;
  } finally {
    source.off('error', forward);
  }
  return { bytes, sha256: hash.digest('hex') };
}

export const tooLarge = () => new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: MEMBER_LIMITS.importMaxBytes / 1024 / 1024 });

async function removeFile(filePath: string): Promise<void> {
  await fs.promises.rm(filePath, { force: true }).catch(() => undefined);
}

/** The background job: read the stored file (then delete it), store its rows, check them. */
export async function readAndValidate(db: Executor, actor: Actor, id: string, filePath: string, today?: string): Promise<void> {
  let rows: ImportRow[];
  try {
    const sheet = await readImportFile(filePath);
    rows = sheet.rows;
    await storeImportRows(db, id, sheet);
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      // A file-level problem: the import ends 'failed' with its message (the web shows it and asks for another file).
      await db
        .update(memberImports)
        .set({ state: 'failed', fileError: { code: e.code, params: e.params }, updatedAt: new Date() })
        .where(eq(memberImports.id, id));
      return;
    }
    await markImportFailed(db, id);
    throw e;
  } finally {
    await removeFile(filePath);
  }
  await validateMemberImport(db, actor, id, rows, today);
}

/** Uploads an earlier run left behind (a crash between the upload and its reading): removed at start-up. */
export async function clearImportUploads(dir: string): Promise<number> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const name of names) await removeFile(path.join(dir, name));
  return names.length;
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
