// The web benchmark's smoke run (bench/web.ts with BENCH_SMOKE settings): one
// unthrottled pass of the chair's journey, cold and warm home. It checks only
// that the journey completes and figures are printed, never a timing.
import { expect, it } from 'vitest';
import { runWebBench } from '../bench/web.js';
import { E2E_WEB_DIST } from './harness.js';

it('runs the web benchmark once and prints its figures', async () => {
  const lines: string[] = [];
  const result = await runWebBench({ smoke: true, webDist: E2E_WEB_DIST, log: (line) => lines.push(line) });
  console.log(lines.join('\n'));
  expect(result.runs).toHaveLength(1);
  const run = result.median;
  expect(run.journey.jsBytes).toBeGreaterThan(0);
  expect(run.cold.jsBytes).toBeGreaterThan(0);
  // A warm visit takes its scripts from the HTTP cache (hashed assets are immutable).
  expect(run.warm.jsBytes).toBe(0);
  expect(lines.join('\n')).toMatch(/Whole journey \(cold cache\)\s*\|.*kB/);
});
