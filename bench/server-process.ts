// The real server as a separate process, for the benchmarks that measure it
// from outside (bench/import-health.ts, bench/load.ts): built like `npm start`
// (esbuild bundle, bench/…/dist-bench), started on a scratch PostgreSQL
// database with its own DATA_DIR on a loopback port, its resident memory read
// from /proc (VmRSS sampled, VmHWM = the kernel's own peak), stopped with
// SIGTERM. Also a tiny HTTP client that keeps a session (cookie + CSRF token).
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server.js';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ScratchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** A new empty PostgreSQL database on BENCH_DATABASE_URL's server; drop() removes it. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database "${name}"`));
  return {
    name,
    url: urlWithDatabase(POSTGRES_URL, name),
    drop: () => withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  dataDir: string;
  /** Resident memory now (MB), from /proc/PID/status VmRSS. */
  rssMb: () => number;
  /** The process's peak resident memory so far (MB), VmHWM. */
  peakRssMb: () => number;
  stop: () => Promise<void>;
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

let built: Promise<string> | null = null;

/** Builds the server once per benchmark run (like npm start), into dist/bench-server. */
export function buildBenchServer(): Promise<string> {
  built ??= buildServer(path.join(ROOT, 'dist', 'bench-server'));
  return built;
}

/**
 * The Node options `npm start` gives the server (package.json's start script:
 * the options between `node` and dist/server/main.js), so the benchmarks run
 * it as production does — the heap limit above all (docs/member-import.md).
 */
export function startNodeOptions(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const command = pkg.scripts.start
    .split('&&')
    .map((c) => c.trim().split(/\s+/))
    .find((c) => c[0] === 'node');
  if (!command) throw new Error('package.json: the start script runs no node command');
  return command.slice(1, -1);
}

/**
 * Starts the built server on the database; resolves when /api/health answers 200.
 * BENCH_SERVER_NODE_ARGS adds Node options to the server only (NODE_OPTIONS refuses
 * some), e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to find what blocks its event loop.
 */
export async function startServer(options: { databaseUrl: string; port: number; env?: Record<string, string> }): Promise<ServerProcess> {
  const main = await buildBenchServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-bench-data-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [...startNodeOptions(), ...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []), main],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        DATABASE_URL: options.databaseUrl,
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        WEB_DIST: '/nonexistent',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c) => {
    output += String(c);
    if (process.env.BENCH_SERVER_LOG) process.stdout.write(c);
  });
  child.stderr!.on('data', (c) => {
    output += String(c);
    if (process.env.BENCH_SERVER_LOG) process.stderr.write(c);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 60 s: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  return {
    baseUrl,
    pid,
    dataDir,
    rssMb: () => procStatusMb(pid, 'VmRSS'),
    peakRssMb: () => procStatusMb(pid, 'VmHWM'),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in API client: the session cookie, the CSRF token on writes, JSON in and out. */
export class ApiClient {
  private cookie = '';
  private csrfToken = '';

  constructor(
    readonly baseUrl: string,
    /** Sent as X-Forwarded-For (the server must trust it: TRUST_PROXY), so each simulated client has its own address. */
    readonly forwardedFor?: string,
    /** Aborts requests still open at the benchmark's time limit. */
    readonly signal?: AbortSignal,
  ) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown }> {
    const isBuffer = Buffer.isBuffer(body);
    const { res, text } = await this.send(`${this.baseUrl}${url}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined && !isBuffer ? { 'content-type': 'application/json' } : {}),
        ...(this.forwardedFor ? { 'x-forwarded-for': this.forwardedFor } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: isBuffer ? (body as Buffer) : JSON.stringify(body) }),
    });
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json };
  }

  async signIn(username: string, password: string): Promise<{ status: number; json: unknown }> {
    const { res, text } = await this.send(`${this.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.forwardedFor ? { 'x-forwarded-for': this.forwardedFor } : {}) },
      body: JSON.stringify({ username, password }),
    });
    let json: { csrfToken?: string } | null = null;
    try {
      json = JSON.parse(text) as { csrfToken?: string };
    } catch {
      json = null;
    }
    if (res.ok) {
      this.cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      this.csrfToken = json?.csrfToken ?? '';
    }
    return { status: res.status, json };
  }

  /**
   * One request and its body. The shared time-limit signal is followed through a controller of the
   * request's own, whose listener is removed when the request ends: Node's fetch removes the listener
   * it adds to a signal only when the request is garbage-collected, so thousands of requests on one
   * long-lived signal piled up listeners (and a warning per request) in the bench's own process.
   */
  private async send(url: string, init: RequestInit): Promise<{ res: Response; text: string }> {
    const shared = this.signal;
    if (!shared) {
      const res = await fetch(url, init);
      return { res, text: await res.text() };
    }
    const own = new AbortController();
    const abort = () => own.abort(shared.reason);
    if (shared.aborted) abort();
    else shared.addEventListener('abort', abort, { once: true });
    try {
      const res = await fetch(url, { ...init, signal: own.signal });
      return { res, text: await res.text() };
    } finally {
      shared.removeEventListener('abort', abort);
    }
  }
}

/** Percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
