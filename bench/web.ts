// Web speed on a slow phone line (`npm run bench:web`): the built app served by the
// real server, Debian's Chromium driven by playwright-core at phone size, with
// Chromium's own network throttling (CDP Network.emulateNetworkConditions).
//
// Journeys, each in a fresh browser context (empty cache):
//   journey  the grassroots chair (cdcs.thpt) opens /sign-in, signs in through the
//            form, reaches a usable home page, then opens a target's breakdown.
//   cold     signed in already (cookie only), opens / with an empty cache.
//   warm     the same context opens / again (scripts from the HTTP cache).
// It counts the encoded (compressed, on the wire) bytes of every response, of
// scripts apart, and times each step. Prints figures, never fails on time.
//
// Settings (environment): BENCH_RUNS (default 3), BENCH_SMOKE=1 (one run, no
// throttling: the CI smoke run), BENCH_BASE_URL (measure a server already running
// instead of starting one), CHROMIUM_PATH.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/chromium.js';
import { type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { ensureWebBuild } from '../e2e/build-web.js';
import { makeDataDir, startServer, type ServerProcess } from '../e2e/server-process.js';

/** The issue's slow 4G line: 1.6 Mbps down, 750 kbps up, 150 ms latency. */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

const CHAIR = { username: 'cdcs.thpt', password: 'Demo@2024' };

export interface WebBenchOptions {
  /** One run; throttling off so CI spends seconds, not minutes. */
  smoke?: boolean;
  runs?: number;
  /** Measure this server instead of starting one. */
  baseUrl?: string;
  /** Built web app to serve when starting a server (default: dist/e2e-web, built when stale). */
  webDist?: string;
  log?: (line: string) => void;
}

export interface Transfer {
  /** Encoded body bytes of script responses (compressed as sent, headers left out). */
  jsBytes: number;
  /** Encoded bytes of every response, headers included. */
  totalBytes: number;
  requests: number;
  /** Requests answered from the HTTP cache without touching the network. */
  fromCache: number;
}

export interface RunFigures {
  /** /sign-in opened to the sign-in form visible. */
  signInPageMs: number;
  /** Sign-in button clicked to a usable home page. */
  signInToHomeMs: number;
  /** Home to the target breakdown showing its units. */
  homeToBreakdownMs: number;
  journey: Transfer;
  /** Cold cache, already signed in: / opened to a usable home page. */
  coldHomeMs: number;
  cold: Transfer;
  /** Same context again (warm cache). */
  warmHomeMs: number;
  warm: Transfer;
}

export interface WebBenchResult {
  throttled: boolean;
  runs: RunFigures[];
  median: RunFigures;
}

/** Counts what a page downloads, by CDP Network events of its own target. */
class TransferMeter {
  private scripts = new Map<string, string>();
  /** Script URL → encoded bytes, for BENCH_VERBOSE=1. */
  readonly scriptSizes = new Map<string, number>();
  private cached = new Set<string>();
  private headerBytes = new Map<string, number>();
  private t: Transfer = { jsBytes: 0, totalBytes: 0, requests: 0, fromCache: 0 };

  constructor(cdp: CDPSession) {
    cdp.on('Network.responseReceived', (e) => {
      // Bytes received so far are the response headers: counted apart from the body.
      this.headerBytes.set(e.requestId, e.response.encodedDataLength);
      if (e.type === 'Script') this.scripts.set(e.requestId, e.response.url);
      if (e.response.fromDiskCache || e.response.fromPrefetchCache) this.cached.add(e.requestId);
    });
    cdp.on('Network.requestServedFromCache', (e) => this.cached.add(e.requestId));
    cdp.on('Network.loadingFinished', (e) => {
      this.t.requests += 1;
      if (this.cached.has(e.requestId)) {
        this.t.fromCache += 1;
        return;
      }
      this.t.totalBytes += e.encodedDataLength;
      const script = this.scripts.get(e.requestId);
      if (script !== undefined) {
        const body = Math.max(0, e.encodedDataLength - (this.headerBytes.get(e.requestId) ?? 0));
        this.t.jsBytes += body;
        this.scriptSizes.set(script, body);
      }
    });
  }

  /** Figures since the last take (and starts counting afresh). */
  take(): Transfer {
    const out = this.t;
    this.t = { jsBytes: 0, totalBytes: 0, requests: 0, fromCache: 0 };
    return out;
  }
}

async function instrument(context: BrowserContext, throttled: boolean): Promise<{ page: Page; meter: TransferMeter }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttled) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  return { page, meter: new TransferMeter(cdp) };
}

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  context.setDefaultTimeout(60_000);
  return context;
}

/** The home page is usable: the welcome heading and the first card are on screen. */
async function homeUsable(page: Page): Promise<void> {
  await page.locator('h3').first().waitFor();
  await page.locator('.ant-card').first().waitFor();
  await page.getByTestId('user-menu').waitFor();
}

const since = (t0: number) => performance.now() - t0;

async function oneRun(browser: Browser, baseUrl: string, throttled: boolean, targetId: string): Promise<RunFigures> {
  // The chair's journey on an empty cache.
  const journeyContext = await newContext(browser, baseUrl);
  let signInPageMs: number, signInToHomeMs: number, homeToBreakdownMs: number, journey: Transfer;
  try {
    const { page, meter } = await instrument(journeyContext, throttled);
    let t0 = performance.now();
    await page.goto('/sign-in');
    await page.locator('input[autocomplete="username"]').waitFor();
    signInPageMs = since(t0);
    await page.locator('input[autocomplete="username"]').fill(CHAIR.username);
    await page.locator('input[autocomplete="current-password"]').fill(CHAIR.password);
    t0 = performance.now();
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await homeUsable(page);
    signInToHomeMs = since(t0);
    // Open the breakdown the way a link does (history push, no reload).
    t0 = performance.now();
    await page.evaluate((id) => {
      window.history.pushState({}, '', `/targets/${id}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, targetId);
    await page.getByTestId('unit-card').first().waitFor();
    homeToBreakdownMs = since(t0);
    journey = meter.take();
    if (process.env.BENCH_VERBOSE === '1') {
      for (const [url, bytes] of [...meter.scriptSizes].sort((a, b) => b[1] - a[1]))
        console.log(`    ${kB(bytes).padStart(9)}  ${new URL(url).pathname}`);
    }
  } finally {
    await journeyContext.close();
  }

  // Cold and warm home, signed in by the API (sets the cookie, downloads nothing of the app).
  const homeContext = await newContext(browser, baseUrl);
  let coldHomeMs: number, warmHomeMs: number, cold: Transfer, warm: Transfer;
  try {
    const res = await homeContext.request.post('/api/auth/sign-in', { data: CHAIR });
    if (!res.ok()) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
    const { page, meter } = await instrument(homeContext, throttled);
    let t0 = performance.now();
    await page.goto('/');
    await homeUsable(page);
    coldHomeMs = since(t0);
    cold = meter.take();
    // A second visit: a new document in the same context, scripts from the cache.
    await page.goto('about:blank');
    meter.take();
    t0 = performance.now();
    await page.goto('/');
    await homeUsable(page);
    warmHomeMs = since(t0);
    warm = meter.take();
  } finally {
    await homeContext.close();
  }
  return { signInPageMs, signInToHomeMs, homeToBreakdownMs, journey, coldHomeMs, cold, warmHomeMs, warm };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function medianTransfer(ts: Transfer[]): Transfer {
  return {
    jsBytes: median(ts.map((t) => t.jsBytes)),
    totalBytes: median(ts.map((t) => t.totalBytes)),
    requests: median(ts.map((t) => t.requests)),
    fromCache: median(ts.map((t) => t.fromCache)),
  };
}

function medianRun(runs: RunFigures[]): RunFigures {
  const m = (k: 'signInPageMs' | 'signInToHomeMs' | 'homeToBreakdownMs' | 'coldHomeMs' | 'warmHomeMs') => median(runs.map((r) => r[k]));
  return {
    signInPageMs: m('signInPageMs'),
    signInToHomeMs: m('signInToHomeMs'),
    homeToBreakdownMs: m('homeToBreakdownMs'),
    journey: medianTransfer(runs.map((r) => r.journey)),
    coldHomeMs: m('coldHomeMs'),
    cold: medianTransfer(runs.map((r) => r.cold)),
    warmHomeMs: m('warmHomeMs'),
    warm: medianTransfer(runs.map((r) => r.warm)),
  };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The figures as a Markdown table (also what docs/web-performance.md quotes). */
export function formatTable(result: WebBenchResult): string {
  const r = result.median;
  const rows: Array<[string, string, string, string, string]> = [
    ['Step', 'Time', 'JS (compressed)', 'All bytes', 'Requests (cached)'],
    ['Sign-in page, cold', sec(r.signInPageMs), '', '', ''],
    ['Sign in → usable home', sec(r.signInToHomeMs), '', '', ''],
    ['Home → target breakdown', sec(r.homeToBreakdownMs), '', '', ''],
    [
      'Whole journey (cold cache)',
      sec(r.signInPageMs + r.signInToHomeMs + r.homeToBreakdownMs),
      kB(r.journey.jsBytes),
      kB(r.journey.totalBytes),
      `${r.journey.requests} (${r.journey.fromCache})`,
    ],
    [
      'Home, signed in, cold cache',
      sec(r.coldHomeMs),
      kB(r.cold.jsBytes),
      kB(r.cold.totalBytes),
      `${r.cold.requests} (${r.cold.fromCache})`,
    ],
    ['Home, warm cache', sec(r.warmHomeMs), kB(r.warm.jsBytes), kB(r.warm.totalBytes), `${r.warm.requests} (${r.warm.fromCache})`],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

export async function runWebBench(options: WebBenchOptions = {}): Promise<WebBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const throttled = !options.smoke;
  const runs = options.smoke ? 1 : (options.runs ?? 3);
  let server: ServerProcess | null = null;
  let dataDir: string | null = null;
  let browser: Browser | null = null;
  try {
    let baseUrl = options.baseUrl;
    if (!baseUrl) {
      const webDist = options.webDist ?? ensureWebBuild(log);
      dataDir = makeDataDir('congdoan-bench-web-');
      server = await startServer({ dataDir, webDist });
      baseUrl = server.baseUrl;
    }
    browser = await launchChromium();
    const targetId = await firstTargetId(browser, baseUrl);
    log(
      `web: ${runs} run(s) at 360 px, ${throttled ? `throttled to ${((SLOW_4G.downloadThroughput * 8) / 1e6).toFixed(1)} Mbps down, ${SLOW_4G.latency} ms latency` : 'no throttling (smoke run)'}`,
    );
    const figures: RunFigures[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await oneRun(browser, baseUrl, throttled, targetId);
      figures.push(run);
      log(
        `  run ${i + 1}: journey ${kB(run.journey.jsBytes)} JS, sign-in ${sec(run.signInPageMs)}, →home ${sec(run.signInToHomeMs)}, →breakdown ${sec(run.homeToBreakdownMs)}; home cold ${sec(run.coldHomeMs)}, warm ${sec(run.warmHomeMs)}`,
      );
    }
    const result: WebBenchResult = { throttled, runs: figures, median: medianRun(figures) };
    log(`\n${runs > 1 ? 'Median of the runs' : 'One run'}${throttled ? '' : ' (smoke, unthrottled: times mean nothing)'}:\n`);
    log(formatTable(result));
    return result;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A target of the chair's unit with a breakdown, found through the API. */
async function firstTargetId(browser: Browser, baseUrl: string): Promise<string> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const res = await context.request.post('/api/auth/sign-in', { data: CHAIR });
    if (!res.ok()) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
    const body = (await (await context.request.get('/api/targets')).json()) as { items: Array<{ id: string }> };
    const id = body.items[0]?.id;
    if (!id) throw new Error('the chair sees no target: is the demo data loaded?');
    return id;
  } finally {
    await context.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runs = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : undefined;
  await runWebBench({ smoke: process.env.BENCH_SMOKE === '1', runs, baseUrl: process.env.BENCH_BASE_URL || undefined });
}
