// The real server as a child process on a free port, for the browser tests
// (from source: node --import tsx server/main.ts) and the start-up benchmark
// (also the production build: node dist/server/main.js).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './build-web.js';

/** A port nobody listens on right now (never 3000: that one is reserved). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    if (port !== 3000) return port;
  }
}

export function makeDataDir(prefix = 'congdoan-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface ServerOptions {
  /** PGlite folder (DATA_DIR); ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  webDist: string;
  port?: number;
  demoData?: boolean;
  /** 'source' (default): TypeScript through tsx, as in development; 'built': dist/server/main.js (npm run build:server). */
  entry?: 'source' | 'built';
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Milliseconds from spawn to the first successful GET /api/health. */
  readyAfterMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns the server and resolves once /api/health answers 200. */
export async function startServer(options: ServerOptions, timeoutMs = 180_000): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    WEB_DIST: options.webDist,
    DEMO_DATA: options.demoData === false ? 'false' : 'true',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
  };
  // Vitest sets these for its own workers; the server must not think it runs inside a test.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST_ENGINE') delete env[key];
  const started = performance.now();
  const args = options.entry === 'built' ? ['--enable-source-maps', 'dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = started + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}) before it was ready:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`server not ready after ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl,
    port,
    pid: child.pid!,
    child,
    readyAfterMs: performance.now() - started,
    output: () => log,
    stop,
  };
}

/** Resident memory of a process in MiB (VmRSS from /proc), or null if unknown. */
export function residentMemoryMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
