// Indicator engine benchmark (`npm run bench:indicators`): on a synthetic
// province (bench/indicators-data.ts: 1 province → 30 districts → ~3,000
// grassroots unions, eight targets covering every measure kind, twelve months
// of facts), the time the engine (compute-targets.ts, one statement) takes to
// compute all targets of the province and all targets of one district, next
// to ONE hand-written SQL statement computing the same numbers; on PGlite and
// on PostgreSQL. Median of 5 runs after 1 warm-up. Prints figures and a ✓/✗
// per target (engine = hand-written), no pass/fail.
//
//   BENCH_UNITS=3000         grassroots unions (default 3,000)
//   BENCH_DATABASE_URL=…     PostgreSQL server (a fresh database is created and dropped)
//   BENCH_EXPLAIN=1          print EXPLAIN ANALYZE of both statements on PostgreSQL
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { queryRows } from '../server/db/sql.js';
import { computeTargets, roundValue } from '../server/modules/indicators/compute-targets.js';
import { aggregateCte, engineCtes } from '../server/modules/indicators/engine-sql.js';
import { AS_OF, buildDataset, DISTRICT_CODE, handWrittenSql, TARGET_KINDS, type Dataset, type HandRow } from './indicators-data.js';

const GRASSROOTS = Number(process.env.BENCH_UNITS ?? 3000);
const RUNS = 5;

interface Row {
  engine: string;
  scope: string;
  targets: number;
  engineMs: number;
  handMs: number;
  checks: string;
}

interface Setup {
  engine: string;
  migrateMs: number;
  buildMs: number;
  data: Dataset;
}

async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; result: Awaited<T> }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

/** Median of RUNS timed runs after one warm-up; returns the last result. */
async function median<T>(fn: () => Promise<T>): Promise<{ ms: number; result: Awaited<T> }> {
  let result = await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timeIt(fn);
    times.push(run.ms);
    result = run.result;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-6);

async function benchEngine(engine: string, handle: DatabaseHandle, rows: Row[], setups: Setup[]) {
  const db = handle.db;
  const migrate = await timeIt(() => migrateDatabase(handle));
  const build = await timeIt(async () => {
    const data = await buildDataset(db, GRASSROOTS);
    // What autovacuum would have done by the time anyone reads a dashboard.
    await db.execute(sql`analyze`);
    return data;
  });
  const data = build.result;
  setups.push({ engine, migrateMs: migrate.ms, buildMs: build.ms, data });
  console.log(
    `${engine}: ${data.units} units (${data.grassroots} grassroots), ${data.factRows} fact rows, built in ${(build.ms / 1000).toFixed(1)} s`,
  );

  for (const [scope, scopeUnitId, ids] of [
    ['province', data.provinceId, data.targets.province],
    [`district ${DISTRICT_CODE}`, data.districtId, data.targets.district],
  ] as const) {
    const engineRun = await median(() => computeTargets(db, { scopeUnitId }, AS_OF));
    const handQuery = handWrittenSql(scopeUnitId, data.elements, ids);
    const handRun = await median(() => queryRows<HandRow>(db, handQuery));

    const hand = new Map(handRun.result.map((r) => [r.target_id, r]));
    const checks: string[] = [];
    for (const kind of TARGET_KINDS) {
      const e = engineRun.result.find((t) => t.targetId === ids[kind]);
      const h = hand.get(ids[kind]);
      const hv = h?.value === null || h?.value === undefined ? null : roundValue(Number(h.value));
      const ok = e !== undefined && h !== undefined && same(e.value, hv) && e.eligibleUnits === Number(h.units);
      checks.push(`${ok ? '✓' : '✗'} ${kind}`);
      console.log(
        `  ${scope.padEnd(14)} ${ok ? '✓' : '✗'} ${kind.padEnd(16)} engine ${String(e?.value ?? null).padStart(12)} (${e?.eligibleUnits} units)` +
          `  hand-written ${String(hv).padStart(12)} (${h?.units} units)`,
      );
    }
    rows.push({
      engine,
      scope,
      targets: engineRun.result.length,
      engineMs: engineRun.ms,
      handMs: handRun.ms,
      checks: checks.every((c) => c.startsWith('✓'))
        ? `✓ ${checks.length}/${checks.length}`
        : checks.filter((c) => c.startsWith('✗')).join(', '),
    });

    if (process.env.BENCH_EXPLAIN === '1' && handle.engine === 'postgres') {
      const plan = async (label: string, query: ReturnType<typeof sql>) => {
        const lines = await queryRows<Record<string, string>>(db, sql`explain (analyze, buffers) ${query}`);
        console.log(`\n--- EXPLAIN ANALYZE ${label}, ${scope} ---`);
        for (const line of lines) console.log(Object.values(line)[0]);
      };
      await plan('engine', sql`with ${engineCtes(sql`tg.scope_unit_id = ${scopeUnitId}::uuid`, AS_OF)},${aggregateCte} select * from agg`);
      await plan('hand-written', handQuery);
    }
  }
}

async function main() {
  const rows: Row[] = [];
  const setups: Setup[] = [];

  // One engine at a time: PGlite in memory, closed before PostgreSQL starts.
  const lite = await openDatabase({ dataDir: null });
  try {
    await benchEngine('PGlite', lite, rows, setups);
  } finally {
    await lite.close();
  }

  const database = `congdoan_bench_ind_${crypto.randomBytes(4).toString('hex')}`;
  let created = false;
  try {
    await withAdmin((admin) => admin.query(`create database "${database}"`));
    created = true;
    const handle = await openDatabase({ databaseUrl: urlWithDatabase(POSTGRES_URL, database) });
    try {
      await benchEngine('PostgreSQL', handle, rows, setups);
    } finally {
      await handle.close();
    }
  } catch (e) {
    console.log(`PostgreSQL skipped: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    if (created) await withAdmin((admin) => admin.query(`drop database if exists "${database}" with (force)`));
  }

  console.log(`\nIndicator engine vs one hand-written statement, ${os.cpus().length} cores, Node ${process.version}`);
  console.log(`median of ${RUNS} runs after 1 warm-up, as of ${AS_OF}; ratio = engine ÷ hand-written (aim ≤ 1.5×)\n`);
  for (const s of setups) {
    console.log(
      `${s.engine}: ${s.data.units} units (${s.data.grassroots} grassroots, 3 levels), ${s.data.factRows} fact rows; ` +
        `migrations ${(s.migrateMs / 1000).toFixed(1)} s, data set built in ${(s.buildMs / 1000).toFixed(1)} s`,
    );
  }
  console.log('');
  const header = ['engine', 'scope', 'targets', 'engine (ms)', 'hand-written (ms)', 'ratio', 'same numbers'];
  const table = rows.map((r) => [
    r.engine,
    r.scope,
    String(r.targets),
    r.engineMs.toFixed(0),
    r.handMs.toFixed(0),
    `${(r.engineMs / r.handMs).toFixed(2)}×`,
    r.checks,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const left = new Set([0, 1, 6]);
  const line = (cells: string[]) => cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

await main();
