// Reporting cycle benchmark (`npm run bench:reporting`, docs/reporting.md
// "Benchmark"): every grassroots union of a province saves, submits and gets
// approved its monthly reports through the report use-cases (saveReportDraft,
// submitReport, approveReport), while a concurrent loop reads the province's
// target progress (computeTargets, the dashboard) — so the cost of keeping
// the dashboard live as figures arrive is visible next to the same dashboard
// read after, with nothing flowing. On PostgreSQL (a fresh database, created
// and dropped) at province size and on PGlite at district size.
//
//   BENCH_UNITS=3000        grassroots unions on PostgreSQL (default 3,000)
//   BENCH_LITE_UNITS=25     grassroots unions on PGlite (default 25)
//   BENCH_MONTHS=12         monthly reports per unit (default 12)
//   BENCH_HISTORY=fill      months before the measured ones: 'fill' (set-wise SQL, approved) or 'use-cases'
//   BENCH_SATURATED_REPORTS=600  reports of the saturated phase (writers as fast as they can)
//   BENCH_PEAK_RATE=5 BENCH_PEAK_S=120  the deadline-day peak: reports a second, and for how long
//   BENCH_WORKERS=4         concurrent writers on PostgreSQL (PGlite: 1)
//   BENCH_ENGINES=pglite,postgres
//   BENCH_DATABASE_URL=…    PostgreSQL server
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';
import { insertReportProgram, monthlyPeriodIds } from './report-program.js';
import { openDatabase, type DatabaseHandle, type Executor } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { queryRows } from '../server/db/sql.js';
import { SYSTEM_ACTOR } from '../server/lib/access.js';
import { refreshOrgUnitPaths } from '../server/modules/org-units/refresh-org-unit-paths.js';
import { computeTargets } from '../server/modules/indicators/compute-targets.js';
import { approveReport } from '../server/modules/reports/approve-report.js';
import { saveReportDraft } from '../server/modules/reports/save-report-draft.js';
import { submitReport } from '../server/modules/reports/submit-report.js';

const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const AS_OF = '2024-12-31';

interface World {
  programId: string;
  unitIds: string[];
  periods: string[];
  elements: { trained: string; held: string; reached: string };
}

/** A province, 30 districts and n grassroots unions (rows, set-wise), an issued program of the province with three targets. */
async function buildWorld(db: Executor, n: number): Promise<World> {
  const districts = Math.max(1, Math.min(30, Math.ceil(n / 100)));
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, valid_from)
    values ('BP', 'Liên đoàn Lao động tỉnh (bench)', 'LĐLĐ tỉnh', 'province_federation', '2000-01-01')`);
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, valid_from)
    select 'BD' || lpad(d::text, 2, '0'), 'Liên đoàn Lao động huyện ' || d, 'LĐLĐ huyện ' || d, 'district_federation', date '2000-01-01'
    from generate_series(0, ${districts - 1}::int) d`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from)
    select u.id, p.id, date '2000-01-01' from org_units u cross join org_units p where u.kind = 'district_federation' and p.code = 'BP'`);
  await db.execute(sql`insert into org_units (code, full_name, short_name, kind, sector, valid_from)
    select 'BG' || lpad(n::text, 5, '0'), 'Công đoàn cơ sở ' || n, 'CĐCS ' || n, 'grassroots_union', 'other', date '2015-01-01'
    from generate_series(0, ${n - 1}::int) n`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from)
    select g.id, d.id, date '2015-01-01' from org_units g
    join org_units d on d.code = 'BD' || lpad((substring(g.code from 3)::int % ${districts}::int)::text, 2, '0')
    where g.kind = 'grassroots_union'`);
  await refreshOrgUnitPaths(db);
  const [province] = await queryRows<{ id: string }>(db, sql`select id from org_units where code = 'BP'`);
  const { programId, elements } = await insertReportProgram(db, { unitId: province!.id, year: 2024, number: 1, grassrootsUnits: n });
  const periods = await monthlyPeriodIds(db, programId);
  const units = await queryRows<{ id: string }>(db, sql`select id from org_units where kind = 'grassroots_union' order by code`);
  await db.execute(sql`analyze`);
  return {
    programId,
    unitIds: units.map((u) => u.id),
    periods,
    elements,
  };
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${Math.round(x)} ms`;

/** Runs jobs with `workers` at a time. */
async function pool<T>(items: T[], workers: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) await job(items[next++]!);
    }),
  );
}

interface Result {
  engine: string;
  units: number;
  reports: number;
  history: string;
  submitPerSec: number;
  approvePerSec: number;
  saturatedMedian: number;
  saturatedP95: number;
  saturatedReads: number;
  peakRate: number;
  peakReports: number;
  peakMedian: number;
  peakP95: number;
  peakReads: number;
  coldMedian: number;
  coldP95: number;
}

/** Months before the measured ones: 'fill' writes them set-wise (approved reports, values and facts), 'use-cases' submits and approves them one by one. */
const HISTORY = process.env.BENCH_HISTORY ?? 'fill';
/** Reports of the saturated phase: writers as fast as they can (throughput). */
const SATURATED_REPORTS = Number(process.env.BENCH_SATURATED_REPORTS ?? 600);
/** The deadline-day peak: reports per second, submitted and approved, for BENCH_PEAK_S seconds. */
const PEAK_RATE = Number(process.env.BENCH_PEAK_RATE ?? 5);
const PEAK_S = Number(process.env.BENCH_PEAK_S ?? 120);

/** Approved reports of the given periods for every unit, with their values and facts, in one statement (history, not timed). */
async function fillMonths(db: Executor, world: World, periodIds: string[], unitIds?: string[]): Promise<number> {
  if (periodIds.length === 0) return 0;
  const periods = sql`array[${sql.join(
    periodIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const unitFilter = unitIds
    ? sql`and u.id = any(array[${sql.join(
        unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}])`
    : sql``;
  const { trained, held, reached } = world.elements;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with pu as (
          select p.id as period_id, p.fact_month, u.id as unit_id, abs(hashtext(u.id::text || p.id::text)) % 30 as k
          from report_periods p cross join org_units u
          where p.id = any(${periods}) and u.kind = 'grassroots_union' ${unitFilter}
        ),
        r as (
          insert into reports (period_id, unit_id, status, narratives, first_submitted_at, submitted_at, approved_at, row_version)
          select period_id, unit_id, 'approved', '{"1": "Tổ chức tập huấn cho cán bộ công đoàn."}'::jsonb,
                 fact_month + interval '19 days', fact_month + interval '19 days', fact_month + interval '23 days', 3
          from pu returning id, period_id, unit_id
        ),
        rk as (select r.id, pu.unit_id, pu.fact_month, pu.k from r join pu using (period_id, unit_id)),
        v as (
          insert into report_values (report_id, data_element_id, value_number, value_bool)
          select id, ${trained}::uuid, k % 3, null from rk
          union all select id, ${held}::uuid, null, k % 5 <> 0 from rk
          union all select id, ${reached}::uuid, k, null from rk
        ),
        f as (
          insert into facts (unit_id, data_element_id, month, value_number, value_bool, report_id, approved)
          select unit_id, ${trained}::uuid, fact_month, k % 3, null, id, true from rk
          union all select unit_id, ${held}::uuid, fact_month, null, k % 5 <> 0, id, true from rk
          union all select unit_id, ${reached}::uuid, fact_month, k, null, id, true from rk
        )
        select count(*)::int as n from rk`,
  );
  return Number(row?.n ?? 0);
}

/** One unit's monthly report through the use-cases: save the draft, submit. */
async function submitOne(db: Executor, world: World, period: string, unitId: string, at: Date): Promise<string> {
  const k = crypto.randomInt(0, 30);
  const { id } = await saveReportDraft(
    db,
    SYSTEM_ACTOR,
    period,
    unitId,
    {
      values: [
        { dataElementId: world.elements.trained, number: k % 3, notApplicable: false },
        { dataElementId: world.elements.held, bool: k % 5 !== 0, notApplicable: false },
        { dataElementId: world.elements.reached, number: k, notApplicable: false },
      ],
      narratives: { '1': 'Tổ chức tập huấn cho cán bộ công đoàn.' },
      difficulties: null,
      expectedVersion: null,
    },
    at,
  );
  await submitReport(db, SYSTEM_ACTOR, id, { expectedVersion: 1 }, at);
  return id;
}

async function bench(engine: string, handle: DatabaseHandle, units: number, workers: number): Promise<Result> {
  const db = handle.db;
  await migrateDatabase(handle);
  const t0 = performance.now();
  const world = await buildWorld(db, units);
  console.log(`${engine}: ${units} units built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const dashboard = () => computeTargets(db, { programId: world.programId }, AS_OF);
  const at = (m: number, day: number) => new Date(`2024-${String(m + 1).padStart(2, '0')}-${day}T09:00:00+07:00`);
  const inline = workers === 1;
  let reports = 0;

  // ---- History: every month but the last two (the last month on PGlite, whose one connection cannot overlap reads).
  const measured = inline ? 1 : 2;
  const historyMonths = Math.max(0, MONTHS - measured);
  const th = performance.now();
  if (HISTORY === 'fill' && !inline) {
    reports += await fillMonths(db, world, world.periods.slice(0, historyMonths));
  } else {
    for (let m = 0; m < historyMonths; m++) {
      const ids: string[] = [];
      await pool(world.unitIds, workers, async (u) => void ids.push(await submitOne(db, world, world.periods[m]!, u, at(m, 20))));
      await pool(ids, workers, async (id) => void (await approveReport(db, SYSTEM_ACTOR, id, { expectedVersion: 2 }, at(m, 24))));
      reports += ids.length;
    }
  }
  await db.execute(sql`analyze`);
  console.log(
    `${engine}: ${historyMonths} month(s) of history (${HISTORY === 'fill' && !inline ? 'filled set-wise' : 'through the use-cases'}) in ${((performance.now() - th) / 1000).toFixed(1)} s`,
  );

  // ---- Saturated: writers as fast as they can, the dashboard read in a loop (PGlite: after every fifth write).
  const mSat = historyMonths;
  const satUnits = inline ? world.unitIds : world.unitIds.slice(0, SATURATED_REPORTS);
  const saturated: number[] = [];
  let writes = 0;
  const afterWrite = async () => {
    if (!inline || ++writes % 5 !== 0) return;
    const s = performance.now();
    await dashboard();
    saturated.push(performance.now() - s);
  };
  let flowing = !inline;
  const readLoop = async (into: number[]) => {
    while (flowing) {
      const s = performance.now();
      await dashboard();
      into.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  let reader = readLoop(saturated);
  const ids: string[] = [];
  let s = performance.now();
  await pool(satUnits, workers, async (u) => {
    ids.push(await submitOne(db, world, world.periods[mSat]!, u, at(mSat, 20)));
    await afterWrite();
  });
  const submitMs = performance.now() - s;
  s = performance.now();
  await pool(ids, workers, async (id) => {
    await approveReport(db, SYSTEM_ACTOR, id, { expectedVersion: 2 }, at(mSat, 24));
    await afterWrite();
  });
  const approveMs = performance.now() - s;
  flowing = false;
  await reader;
  reports += ids.length;
  if (!inline) reports += await fillMonths(db, world, [world.periods[mSat]!], world.unitIds.slice(SATURATED_REPORTS));
  console.log(`${engine}: saturated: ${ids.length} reports, dashboard p95 ${ms(quantile(saturated, 0.95))} (${saturated.length} reads)`);

  // ---- Deadline-day peak (PostgreSQL): PEAK_RATE reports a second arrive (open loop), each submitted, then
  // approved by the Office a moment later, for PEAK_S seconds, the dashboard read in a loop meanwhile.
  const peak: number[] = [];
  let peakReports = 0;
  if (!inline) {
    const mPeak = MONTHS - 1;
    const n = Math.min(world.unitIds.length, Math.round(PEAK_RATE * PEAK_S));
    flowing = true;
    reader = readLoop(peak);
    const started = performance.now();
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const wait = started + (i * 1000) / PEAK_RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      jobs.push(
        (async () => {
          const id = await submitOne(db, world, world.periods[mPeak]!, world.unitIds[i]!, at(mPeak, 20));
          await approveReport(db, SYSTEM_ACTOR, id, { expectedVersion: 2 }, at(mPeak, 24));
          peakReports++;
        })(),
      );
    }
    await Promise.all(jobs);
    flowing = false;
    await reader;
    reports += peakReports;
    console.log(
      `${engine}: peak: ${peakReports} reports in ${((performance.now() - started) / 1000).toFixed(0)} s, dashboard p95 ${ms(quantile(peak, 0.95))} (${peak.length} reads)`,
    );
  }

  // ---- The same dashboard with nothing flowing.
  await db.execute(sql`analyze`);
  const cold: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await dashboard();
    cold.push(performance.now() - t);
  }
  return {
    engine,
    units,
    reports,
    history: HISTORY === 'fill' && !inline ? 'filled' : 'use-cases',
    submitPerSec: ids.length / (submitMs / 1000),
    approvePerSec: ids.length / (approveMs / 1000),
    saturatedMedian: quantile(saturated, 0.5),
    saturatedP95: quantile(saturated, 0.95),
    saturatedReads: saturated.length,
    peakRate: inline ? NaN : PEAK_RATE,
    peakReports,
    peakMedian: quantile(peak, 0.5),
    peakP95: quantile(peak, 0.95),
    peakReads: peak.length,
    coldMedian: quantile(cold.slice(1), 0.5),
    coldP95: quantile(cold.slice(1), 0.95),
  };
}

async function main() {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const results: Result[] = [];
  if (engines.includes('pglite')) {
    const lite = await openDatabase({ dataDir: null });
    try {
      results.push(await bench('PGlite', lite, Number(process.env.BENCH_LITE_UNITS ?? 25), 1));
    } finally {
      await lite.close();
    }
  }
  if (engines.includes('postgres')) {
    const database = `bench_reporting_${crypto.randomBytes(4).toString('hex')}`;
    await withAdmin((c) => c.query(`create database ${database}`));
    const handle = await openDatabase({ databaseUrl: urlWithDatabase(POSTGRES_URL, database) });
    try {
      results.push(await bench('PostgreSQL', handle, Number(process.env.BENCH_UNITS ?? 3000), Number(process.env.BENCH_WORKERS ?? 4)));
    } finally {
      await handle.close();
      await withAdmin((c) => c.query(`drop database if exists ${database}`));
    }
  }
  console.log(`\n${os.cpus().length} CPU, ${MONTHS} month(s) of reports per unit`);
  console.log(
    '| engine | units | reports (history) | submissions/s | approvals/s | dashboard, writers saturating (median / p95, reads) | dashboard, peak of N reports/s (median / p95, reads) | dashboard after (median / p95) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.engine} | ${r.units} | ${r.reports} (${r.history}) | ${r.submitPerSec.toFixed(1)} | ${r.approvePerSec.toFixed(1)} | ${ms(r.saturatedMedian)} / ${ms(r.saturatedP95)} (${r.saturatedReads}) | ${
        Number.isNaN(r.peakRate) ? '—' : `${r.peakRate}/s × ${r.peakReports}: ${ms(r.peakMedian)} / ${ms(r.peakP95)} (${r.peakReads})`
      } | ${ms(r.coldMedian)} / ${ms(r.coldP95)} |`,
    );
}

await main();
