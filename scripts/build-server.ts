// Builds the server for production (`npm run build:server`, part of `npm start`):
// esbuild — the same compiler tsx uses in development — bundles server/main.ts
// and what it imports from server/, common/ and scripts/demo/ into one ES module,
// dist/server/main.js, and copies the SQL migrations beside it. Packages in
// node_modules stay imports (argon2's binary, PGlite's WebAssembly and data files
// load from there), so production needs `npm ci --omit=dev` plus dist/.
// Why and what it saves: docs/decisions/0008-guards-and-build.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIST = path.join(ROOT, 'dist', 'server');

export async function buildServer(outDir: string = SERVER_DIST): Promise<string> {
  const started = performance.now();
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(ROOT, 'server', 'main.ts')],
    outfile: path.join(outDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // server/db/client.ts finds the migrations next to itself (import.meta.url): beside main.js once bundled.
  fs.cpSync(path.join(ROOT, 'server', 'db', 'migrations'), path.join(outDir, 'migrations'), { recursive: true });
  const main = path.join(outDir, 'main.js');
  console.log(`server built into ${path.relative(ROOT, main)} in ${Math.round(performance.now() - started)} ms`);
  return main;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
