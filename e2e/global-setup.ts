// Vitest global setup of the e2e project: build the web app once per run, and
// load the demo once per run into a template data folder (PGlite) that every
// test file's server starts from as a copy (harness.ts), instead of each
// server loading the whole demo — registry, activity records and a year of
// reports through the use-cases — on its first start.
import fs from 'node:fs';
import { E2E_WEB_DIST, ensureWebBuild } from './build-web.js';
import { makeDataDir, startServer } from './server-process.js';

export default async function setup(): Promise<() => void> {
  ensureWebBuild();
  const template = makeDataDir('congdoan-e2e-template-');
  const started = performance.now();
  const server = await startServer({ dataDir: template, webDist: E2E_WEB_DIST }, 600_000);
  await server.stop();
  console.log(`demo data loaded once for the run in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Read by harness.ts in the test workers, which start after this setup.
  process.env.E2E_DATA_TEMPLATE = template;
  return () => fs.rmSync(template, { recursive: true, force: true });
}
