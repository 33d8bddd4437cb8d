// Where a report submission spends its time, statement by statement, on a kept
// national database (bench/national.ts with BENCH_KEEP=1): the diagnostic
// behind docs/scale.md "Stop 14". For BENCH_TRACE_N pairs of CĐCS from
// BENCH_TRACE_START on, it submits October's report of one with the roll-ups
// maintained and of the next without (its marks then flushed untimed), and
// prints per submission the total, the flush's statements, the commit, the
// WAL written (pg_current_wal_insert_lsn: run it on a quiet server) and, with
// BENCH_TRACE_ALL=1, every statement with its time as the client saw it.
//
//   BENCH_REUSE=congdoan_bench_nat_… BENCH_TRACE_START=60000 BENCH_TRACE_N=8 \
//     node --import tsx bench/submission-trace.ts
//
// The client's query function is wrapped to time each statement: a bench
// script only, never the app.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.js';
import { queryRows } from '../server/db/sql.js';
import { flushRollups, setRollupMaintenance } from '../server/modules/indicators/rollups.js';
import { inTransaction } from '../server/lib/transaction.js';
import { POSTGRES_URL, urlWithDatabase } from './pg-admin.js';
import { actorFor, grassrootsCode, loadProgram, preparedSubmission, unitId } from './national-data.js';

const DATABASE = process.env.BENCH_REUSE;
const START = Number(process.env.BENCH_TRACE_START ?? 60_000);
const PAIRS = Number(process.env.BENCH_TRACE_N ?? 8);
const ALL = Boolean(process.env.BENCH_TRACE_ALL);

const statements: Array<{ text: string; ms: number }> = [];
let tracing = false;
type Query = (...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
  const started = performance.now();
  const first = args[0] as string | { text?: string };
  const text = typeof first === 'string' ? first : (first?.text ?? '');
  const result = query.apply(this, args);
  if (tracing && result instanceof Promise)
    result.then(
      () => statements.push({ text, ms: performance.now() - started }),
      () => {},
    );
  return result;
};

const FLUSH = /rollup_dirty_units|pg_advisory_xact_lock_shared|date_trunc\('month', min\(tg\.period_from\)|^\s*with\s+t as/;

async function main() {
  if (!DATABASE) throw new Error('BENCH_REUSE=<kept national database> is required');
  const handle = await openDatabase({ databaseUrl: urlWithDatabase(POSTGRES_URL, DATABASE) });
  const db = handle.db;
  try {
    const program = await loadProgram(db);
    const october = program.monthlyPeriods[9]!;
    const wal = async () => (await queryRows<{ lsn: string }>(db, sql`select pg_current_wal_insert_lsn()::text as lsn`))[0]!.lsn;
    for (let i = 0; i < PAIRS; i++) {
      for (const maintained of [true, false]) {
        const unit = await unitId(db, grassrootsCode(START + 2 * i + (maintained ? 0 : 1)));
        const actor = await actorFor(db, 'grassroots_officer', unit, 'Chủ tịch CĐCS');
        const submit = await preparedSubmission(db, actor, program, october, unit, 1000 + i);
        const lsn = await wal();
        setRollupMaintenance(maintained);
        statements.length = 0;
        tracing = true;
        const started = performance.now();
        await submit();
        const total = performance.now() - started;
        tracing = false;
        setRollupMaintenance(true);
        const [bytes] = await queryRows<{ b: string }>(
          db,
          sql`select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ${lsn}::pg_lsn)::text as b`,
        );
        const sum = (re: RegExp) => statements.filter((s) => re.test(s.text)).reduce((a, s) => a + s.ms, 0);
        console.log(
          `${maintained ? 'with   ' : 'without'} total ${total.toFixed(1)} ms, flush ${sum(FLUSH).toFixed(1)} ms, ` +
            `commit ${sum(/^commit/).toFixed(1)} ms, ${statements.length} statements, WAL ${Math.round(Number(bytes!.b) / 1024)} kB`,
        );
        if (ALL)
          for (const s of statements) console.log(`  ${s.ms.toFixed(1).padStart(6)}  ${s.text.replace(/\s+/g, ' ').trim().slice(0, 110)}`);
        await inTransaction(db, (tx) => flushRollups(tx));
      }
    }
  } finally {
    await handle.close();
  }
}

await main();
