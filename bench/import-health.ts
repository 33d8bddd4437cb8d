// Does a large members import stall the server? (`npm run bench:import-health`)
// The real server (built as for npm start) on a fresh PostgreSQL database this
// script creates (dropped after); a CĐCS chair uploads a 50,000-row workbook
// through the API, waits for the validation, commits and waits for the
// import, polling the status as the web page does, while another loop asks
// GET /api/health every ~50 ms. Prints the health latency (p50/p95/p99/max)
// while idle, during the upload, the validation and the commit, each phase's
// duration, and the server process's resident memory (VmHWM: the kernel's
// peak, and VmRSS sampled every 50 ms, its peak per phase). Aims (issue 14): health p99 < 200 ms,
// peak RSS < 700 MB. Exits non-zero only if the import itself fails.
//
//   BENCH_ROWS=50000        rows of the file
//   BENCH_PORT=3187         the server's loopback port
//   BENCH_DATABASE_URL=…    PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
import os from 'node:os';
import { MEMBER_LIMITS } from '../common/members.js';
import { openDatabase } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { buildLargeWorkbook, seedImportFixture, syntheticMember } from '../server/modules/members/import.fixtures.js';
import { TEST_PASSWORD } from '../test/factories.js';
import { ApiClient, createScratchDatabase, percentile, startServer } from './server-process.js';

const ROWS = Math.min(Number(process.env.BENCH_ROWS ?? MEMBER_LIMITS.importMaxRows), MEMBER_LIMITS.importMaxRows);
const PORT = Number(process.env.BENCH_PORT ?? 3187);
const HEALTH_EVERY_MS = 50;
const POLL_EVERY_MS = 700; // as the web page (web/src/features/members/api.ts)
const PHASE_TIMEOUT_MS = 15 * 60_000;

type Phase = 'idle' | 'upload' | 'validation' | 'commit';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const database = await createScratchDatabase('congdoan_bench_health');
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    // Units and users: a province, its CĐCS A with its chair (grassroots_officer of A only).
    const handle = await openDatabase({ databaseUrl: database.url });
    await migrateDatabase(handle);
    const f = await seedImportFixture(handle.db);
    await handle.close();
    let t = performance.now();
    const file = await buildLargeWorkbook(ROWS, (i) => syntheticMember(i, f.unitA.code));
    console.log(
      `${ROWS}-row workbook built in ${((performance.now() - t) / 1000).toFixed(1)} s, ${(file.length / 1024 / 1024).toFixed(1)} MB`,
    );

    server = await startServer({ databaseUrl: database.url, port: PORT });
    const s = server;
    const startRss = s.rssMb();
    const chair = new ApiClient(s.baseUrl);
    const signIn = await chair.signIn(f.chair.username, TEST_PASSWORD);
    if (signIn.status !== 200) throw new Error(`sign-in ${signIn.status}: ${JSON.stringify(signIn.json)}`);

    // Health and memory samplers.
    let phase: Phase = 'idle';
    let running = true;
    const latencies: Record<Phase, number[]> = { idle: [], upload: [], validation: [], commit: [] };
    const healthErrors: string[] = [];
    let sampledPeak = startRss;
    const phasePeak: Record<Phase, number> = { idle: 0, upload: 0, validation: 0, commit: 0 };
    const memory = setInterval(() => {
      const rss = s.rssMb();
      sampledPeak = Math.max(sampledPeak, rss);
      phasePeak[phase] = Math.max(phasePeak[phase], rss);
    }, 50);
    const health = (async () => {
      while (running) {
        const started = performance.now();
        const at = phase;
        try {
          const res = await fetch(`${s.baseUrl}/api/health`);
          await res.arrayBuffer();
          if (!res.ok) healthErrors.push(`${at}: ${res.status}`);
        } catch (e) {
          healthErrors.push(`${at}: ${(e as Error).message}`);
        }
        latencies[at].push(performance.now() - started);
        const wait = HEALTH_EVERY_MS - (performance.now() - started);
        if (wait > 0) await sleep(wait);
      }
    })();

    const durations: Partial<Record<Phase, number>> = {};
    const waitWhile = async (id: string, busy: string): Promise<Record<string, unknown>> => {
      const deadline = Date.now() + PHASE_TIMEOUT_MS;
      for (;;) {
        await sleep(POLL_EVERY_MS);
        const res = await chair.request('GET', `/api/members/import/${id}`);
        const status = res.json as Record<string, unknown>;
        if (res.status !== 200) throw new Error(`status ${res.status}: ${JSON.stringify(status)}`);
        if (status.state !== busy) return status;
        if (Date.now() > deadline) throw new Error(`still ${busy} after ${PHASE_TIMEOUT_MS / 60_000} min`);
      }
    };

    await sleep(2_000);
    phase = 'upload';
    t = performance.now();
    const uploaded = await chair.request('POST', '/api/members/import', file, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'x-file-name': encodeURIComponent('bench-50000.xlsx'),
    });
    durations.upload = performance.now() - t;
    if (uploaded.status !== 202) throw new Error(`upload ${uploaded.status}: ${JSON.stringify(uploaded.json)}`);
    const id = (uploaded.json as { id: string }).id;

    phase = 'validation';
    t = performance.now();
    const validated = await waitWhile(id, 'validating');
    durations.validation = performance.now() - t;
    if (validated.state !== 'validated')
      throw new Error(`validation ended ${String(validated.state)}: ${JSON.stringify(validated).slice(0, 500)}`);

    phase = 'commit';
    t = performance.now();
    const committed = await chair.request('POST', `/api/members/import/${id}/commit`, { validRowsOnly: false });
    if (committed.status !== 202) throw new Error(`commit ${committed.status}: ${JSON.stringify(committed.json)}`);
    const imported = await waitWhile(id, 'importing');
    durations.commit = performance.now() - t;
    if (imported.state !== 'imported' || imported.importedRows !== ROWS)
      throw new Error(`import ended ${String(imported.state)} with ${String(imported.importedRows)} rows`);

    running = false;
    await health;
    clearInterval(memory);
    const peak = s.peakRssMb();

    console.log(`\nMembers import of ${ROWS} rows through the API on PostgreSQL; ${os.cpus().length} cores, Node ${process.version}`);
    console.log(`GET /api/health every ${HEALTH_EVERY_MS} ms (one at a time); status polled every ${POLL_EVERY_MS} ms\n`);
    const rows = (['idle', 'upload', 'validation', 'commit'] as const).map((p) => {
      const l = latencies[p];
      return {
        phase: p,
        'duration (s)': p === 'idle' ? '2.0' : ((durations[p] ?? 0) / 1000).toFixed(1),
        samples: l.length,
        'p50 (ms)': percentile(l, 50).toFixed(1),
        'p95 (ms)': percentile(l, 95).toFixed(1),
        'p99 (ms)': percentile(l, 99).toFixed(1),
        'max (ms)': Math.max(...l).toFixed(1),
        'RSS peak (MB)': phasePeak[p].toFixed(0),
      };
    });
    console.table(rows);
    console.log(
      `server RSS: ${startRss.toFixed(0)} MB after start-up, peak ${peak.toFixed(0)} MB (VmHWM; sampled VmRSS peak ${sampledPeak.toFixed(0)} MB)`,
    );
    console.log(`health errors: ${healthErrors.length}${healthErrors.length ? ` (${healthErrors.slice(0, 5).join('; ')})` : ''}`);
    const worstP99 = Math.max(...(['validation', 'commit'] as const).map((p) => percentile(latencies[p], 99)));
    console.log(
      `aims: health p99 < 200 ms during validation and commit: ${worstP99 < 200 ? 'met' : 'MISSED'} (${worstP99.toFixed(0)} ms); ` +
        `peak RSS < 700 MB: ${peak < 700 ? 'met' : 'MISSED'} (${peak.toFixed(0)} MB)`,
    );
  } finally {
    await server?.stop();
    await database.drop();
  }
}

await main();
