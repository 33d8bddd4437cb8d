// Backup and restore of the database (npm run backup / npm run restore -- FILE),
// for both engines (README, "Sao lưu và phục hồi"):
// - PGlite: PGlite's own dump of the data directory (dumpDataDir, a .tar.gz),
//   loaded into a new, empty data directory; the server must be stopped
//   (a PGlite data directory belongs to one process);
// - PostgreSQL: pg_dump -Fc and pg_restore, found on PATH, while the server runs.
// The files the app keeps in DATA_DIR beside the database (attachments in
// DATA_DIR/attachments, uploads being imported in DATA_DIR/imports, and any
// folder added later) are packed beside the database file as
// FILE.files.tar.gz — all of DATA_DIR but PGlite's own folder and lock — and
// restored with it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.js';
import { queryRows } from '../../server/db/sql.js';

export interface BackupTarget {
  /** postgres://… for PostgreSQL; otherwise the PGlite data directory. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /**
   * DATA_DIR: every file in it but the database itself (PGlite's folder
   * `pglite` and its lock) is packed with the database when it exists.
   */
  filesDir?: string;
}

export interface BackupResult {
  file: string;
  /** FILE.files.tar.gz, or null when DATA_DIR holds nothing but the database. */
  filesFile: string | null;
  bytes: number;
}

const isPostgres = (t: BackupTarget) => Boolean(t.databaseUrl && /^postgres(ql)?:\/\//.test(t.databaseUrl));

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** The default file name: backups/congdoan-<engine>-<yyyymmdd-hhmmss>.<tar.gz|dump>. */
export function defaultBackupFile(target: BackupTarget, dir = 'backups'): string {
  return path.resolve(dir, `congdoan-${isPostgres(target) ? 'postgres' : 'pglite'}-${stamp()}.${isPostgres(target) ? 'dump' : 'tar.gz'}`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', (e) =>
      reject(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error(
              `Không tìm thấy lệnh ${command} (cài gói postgresql-client) / ${command} not found on PATH (install the PostgreSQL client tools).`,
            )
          : e,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} thất bại / failed (${code}): ${stderr.trim()}`))));
  });
}

/** Writes a backup of the database (and of DATA_DIR's other files, if any) to `file`. */
export async function backupDatabase(target: BackupTarget, file: string = defaultBackupFile(target)): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (isPostgres(target)) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', target.databaseUrl!]);
  } else {
    if (!fs.existsSync(target.dataDir))
      throw new Error(`Không có thư mục dữ liệu ${target.dataDir} / no data directory ${target.dataDir}.`);
    // Opening the directory takes its lock: a running server makes this fail with a clear message.
    const handle = await openDatabase({ dataDir: target.dataDir });
    try {
      const client = (handle.db as unknown as { $client: { dumpDataDir: (c?: 'none' | 'gzip') => Promise<Blob | File> } }).$client;
      const dump = await client.dumpDataDir('gzip');
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await handle.close();
    }
  }
  const filesFile = await packFiles(target, `${file}.files.tar.gz`);
  return { file: path.resolve(file), filesFile, bytes: fs.statSync(file).size };
}

/** What DATA_DIR holds besides the database: PGlite's folder and lock are in the database backup. */
const DATABASE_ENTRIES = new Set(['pglite', '.pglite.lock']);

function fileEntries(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => !DATABASE_ENTRIES.has(name));
}

/** Packs DATA_DIR's files (not the database) into `archive`; null when there are none. */
async function packFiles(target: BackupTarget, archive: string): Promise<string | null> {
  if (!target.filesDir) return null;
  const entries = fileEntries(target.filesDir);
  if (entries.length === 0) return null;
  await run('tar', ['-czf', archive, '-C', target.filesDir, '--', ...entries]);
  return archive;
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/**
 * Restores a backup made by backupDatabase. PGlite: into an empty (or absent)
 * data directory, never over existing data. PostgreSQL: into an empty
 * database, or over an existing one with `replace` (pg_restore --clean).
 */
export async function restoreDatabase(target: BackupTarget, file: string, options: { replace?: boolean } = {}): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`Không tìm thấy tệp sao lưu ${file} / backup file not found.`);
  if (isPostgres(target)) {
    const handle = await openDatabase({ databaseUrl: target.databaseUrl });
    let used = false;
    try {
      const [row] = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      );
      used = Number(row?.n ?? 0) > 0;
    } finally {
      await handle.close();
    }
    if (used && !options.replace) {
      throw new Error(
        'Cơ sở dữ liệu đích đã có dữ liệu; thêm --replace để ghi đè (mọi dữ liệu hiện có sẽ bị thay thế). ' +
          'The target database is not empty; pass --replace to overwrite it.',
      );
    }
    await run('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      ...(used ? ['--clean', '--if-exists'] : []),
      '--dbname',
      target.databaseUrl!,
      file,
    ]);
  } else {
    if (!isEmptyDir(target.dataDir)) {
      throw new Error(
        `Thư mục dữ liệu ${target.dataDir} không trống; hãy dừng máy chủ, đổi tên hoặc chuyển thư mục cũ đi rồi phục hồi lại. ` +
          `The data directory is not empty; move it aside first.`,
      );
    }
    fs.mkdirSync(target.dataDir, { recursive: true });
    const dump = new Blob([fs.readFileSync(file)]);
    const handle = await openDatabase({ dataDir: target.dataDir, loadDataDir: dump });
    await handle.close();
  }
  const files = `${file}.files.tar.gz`;
  if (target.filesDir && fs.existsSync(files)) {
    fs.mkdirSync(target.filesDir, { recursive: true });
    await run('tar', ['-xzf', files, '-C', target.filesDir]);
  }
}
