// Builds the web app for the browser tests and the benchmarks into its own
// folder (dist/e2e-web), so a run never races a developer's `npm run build`
// into dist/web. Rebuilds only when a source file is newer than the last build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const E2E_WEB_DIST = path.join(ROOT, 'dist', 'e2e-web');
const STAMP = path.join(E2E_WEB_DIST, '.built-at');

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when dist/e2e-web is missing or older than a web, common or build-config file. */
export function webBuildIsStale(): boolean {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(E2E_WEB_DIST, 'index.html'))) return true;
  const builtAt = fs.statSync(STAMP).mtimeMs;
  const sources = [
    'web',
    'common',
    'vite.config.ts',
    'package-lock.json',
    'tsconfig.base.json',
    'tsconfig.web.json',
    'e2e/build-web.ts',
  ].map((p) => path.join(ROOT, p));
  return sources.some((s) => newestMtime(s) > builtAt);
}

/** Runs `vite build` into dist/e2e-web when needed; returns the folder. */
export function ensureWebBuild(log: (line: string) => void = (l) => console.log(l)): string {
  if (!webBuildIsStale()) return E2E_WEB_DIST;
  log(`building the web app into ${path.relative(ROOT, E2E_WEB_DIST)} …`);
  const started = Date.now();
  // The stamp records when the build started, so an edit made during the build triggers the next one.
  const startedAt = new Date();
  const result = spawnSync('npx', ['vite', 'build', '--outDir', E2E_WEB_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // A production build, as users get it: Vitest sets NODE_ENV=test, which would make
    // Vite bundle React's development build (+50 kB compressed, slower) into what the
    // browser tests and bench/web.ts measure.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(STAMP, startedAt.toISOString());
  fs.utimesSync(STAMP, startedAt, startedAt);
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return E2E_WEB_DIST;
}
