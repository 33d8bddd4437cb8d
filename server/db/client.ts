import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; use-cases accept `Database | Tx` as `Executor`. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Number of SQL statements sent since creation (tests count queries). */
  queryCount: () => number;
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

class CountingLogger implements Logger {
  count = 0;
  constructor(private readonly echo: boolean) {}
  logQuery(query: string): void {
    this.count++;
    if (this.echo) console.log(query);
  }
}

export interface OpenOptions {
  /** postgres://… for PostgreSQL; otherwise PGlite in dataDir (or in memory when dataDir is null). */
  databaseUrl?: string | undefined;
  /** PostgreSQL: connections at most (default 10). */
  poolSize?: number;
  dataDir?: string | null;
  logQueries?: boolean;
  /** PGlite only: start from a dump made by dumpDataDir() (tests; restore into an empty data directory). */
  loadDataDir?: Blob | File;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const logger = new CountingLogger(Boolean(options.logQueries));
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    const pg = (await import('pg')).default;
    // DATE stays a 'YYYY-MM-DD' string, as PGlite returns it through drizzle.
    pg.types.setTypeParser(1082, (v: string) => v);
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // JIT off (decision 0011): the engine's and the refreshes' statements are short, but their
    // estimated costs cross jit_above_cost, and compiling them took seconds each (6.3 s of JIT
    // for a 20 ms member-facts refresh). PostgreSQL 15 has JIT on by default; PGlite has none.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c jit=off' });
    // An idle connection dropped by the server (restart, admin command) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.error(`PostgreSQL: kết nối bị đóng / connection closed: ${err.message}`));
    const db = drizzle(pool, { schema, logger }) as unknown as Database;
    return { db, engine: 'postgres', queryCount: () => logger.count, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // pg_trgm: trigram indexes for substring search (members' names); PostgreSQL ships it in contrib.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const extensions = { pg_trgm };
  let release = () => {};
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
  }
  const load = options.loadDataDir ? { loadDataDir: options.loadDataDir } : {};
  const client = options.dataDir ? new PGlite(options.dataDir, { ...load, extensions }) : new PGlite({ ...load, extensions });
  await client.waitReady;
  const db = drizzle(client, { schema, logger }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    queryCount: () => logger.count,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** A PGlite data directory belongs to one process: refuse a second one clearly. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `.${path.basename(dataDir)}.lock`);
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      // The process may be another Công đoàn số, or an unrelated one that got the same
      // id after a restart: say what it is, how to check, and how to clear a stale lock.
      const command = commandLineOf(pid);
      throw new Error(
        `Thư mục dữ liệu ${dataDir} đang bị khóa bởi tiến trình ${pid}${command ? ` (${command})` : ''} (PGlite chỉ cho một tiến trình). ` +
          `Kiểm tra: ps -p ${pid} -o pid,args. Nếu đó là Công đoàn số, hãy dừng nó hoặc đặt DATA_DIR khác; ` +
          `nếu không phải (khóa cũ sau khi khởi động lại máy), xóa tệp khóa: rm ${lockFile}\n` +
          `The data directory is locked by process ${pid}${command ? ` (${command})` : ''}. Check with: ps -p ${pid} -o pid,args. ` +
          `If it is Công đoàn số, stop it or set another DATA_DIR; if not (a stale lock after a restart), remove the lock file: rm ${lockFile}`,
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

/** The process's command line (Linux /proc), or null where it cannot be read. */
function commandLineOf(pid: number): string | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return text ? (text.length > 120 ? `${text.slice(0, 117)}…` : text) : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
