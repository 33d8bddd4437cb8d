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
//   BENCH_WORKERS=4         concurrent writers on PostgreSQL (PGlite: 1)
//   BENCH_ENGINES=pglite,postgres
//   BENCH_DATABASE_URL=…    PostgreSQL server
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';
import { openDatabase, type DatabaseHandle, type Executor } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { programs, targets } from '../server/db/schema/index.js';
import { queryRows } from '../server/db/sql.js';
import { SYSTEM_ACTOR } from '../server/lib/access.js';
import { refreshOrgUnitPaths } from '../server/modules/org-units/refresh-org-unit-paths.js';
import { computeTargets } from '../server/modules/indicators/compute-targets.js';
import { element, indicator, target } from '../server/modules/indicators/indicators.fixtures.js';
import { ensureReportPeriods } from '../server/modules/reports/report-periods.js';
import { approveReport } from '../server/modules/reports/review-report.js';
import { saveReportDraft } from '../server/modules/reports/save-report-draft.js';
import { submitReport } from '../server/modules/reports/submit-report.js';
import { DEMO_PROGRAM_2024 } from '../scripts/demo/program-2024.js';
import { eq } from 'drizzle-orm';

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
  const [prog] = await db
    .insert(programs)
    .values({
      ...(({ unitCode: _c, ...rest }) => rest)(DEMO_PROGRAM_2024),
      unitId: province!.id,
      number: 1,
      status: 'issued',
      issuedOn: '2024-01-15',
      issuedAt: new Date('2024-01-15T03:00:00Z'),
    })
    .returning();
  const trained = await element(db, 'number', 'sum');
  const held = await element(db, 'boolean', 'any');
  const reached = await element(db, 'number', 'last');
  const tSum = await indicator(db, { measure: 'sum', numerator: trained });
  const tShare = await indicator(db, { measure: 'share_of_units', condition: { elementId: held, operator: 'is_true' } });
  const tCount = await indicator(db, { measure: 'count_of_units', condition: { elementId: reached, operator: '>=', number: 10 } });
  for (const [i, [ind, value, group]] of (
    [
      [tSum, 10 * n, 1],
      [tShare, 90, 2],
      [tCount, n / 2, 3],
    ] as const
  ).entries()) {
    const id = await target(db, { indicatorId: ind, scopeUnitId: province!.id, value, programId: prog!.id, sortOrder: i + 1 });
    await db.update(targets).set({ taskGroupNumber: group }).where(eq(targets.id, id));
  }
  await ensureReportPeriods(db, prog!.id, 2024);
  const periods = await queryRows<{ id: string }>(
    db,
    sql`select id from report_periods where program_id = ${prog!.id}::uuid and kind = 'monthly' order by data_from`,
  );
  const units = await queryRows<{ id: string }>(db, sql`select id from org_units where kind = 'grassroots_union' order by code`);
  await db.execute(sql`analyze`);
  return {
    programId: prog!.id,
    unitIds: units.map((u) => u.id),
    periods: periods.map((p) => p.id),
    elements: { trained, held, reached },
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
  submitPerSec: number;
  approvePerSec: number;
  liveMedian: number;
  liveP95: number;
  liveReads: number;
  coldMedian: number;
  coldP95: number;
}

async function bench(engine: string, handle: DatabaseHandle, units: number, workers: number): Promise<Result> {
  const db = handle.db;
  await migrateDatabase(handle);
  const t0 = performance.now();
  const world = await buildWorld(db, units);
  console.log(`${engine}: ${units} units built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const dashboard = () => computeTargets(db, { programId: world.programId }, AS_OF);

  // The dashboard read in a loop while the writers work.
  // (PGlite has one connection: a read is timed inline after every fifth write instead.)
  const live: number[] = [];
  const inline = workers === 1;
  let writes = 0;
  const afterWrite = async () => {
    if (!inline || ++writes % 5 !== 0) return;
    const s = performance.now();
    await dashboard();
    live.push(performance.now() - s);
  };
  let flowing = !inline;
  const reader = (async () => {
    while (flowing) {
      const s = performance.now();
      await dashboard();
      live.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  let submitMs = 0;
  let approveMs = 0;
  let reports = 0;
  for (let m = 0; m < MONTHS; m++) {
    const period = world.periods[m]!;
    const at = (day: number) => new Date(`2024-${String(m + 1).padStart(2, '0')}-${day}T09:00:00+07:00`);
    const ids: string[] = [];
    let s = performance.now();
    await pool(world.unitIds, workers, async (unitId) => {
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
        at(20),
      );
      await submitReport(db, SYSTEM_ACTOR, id, { expectedVersion: 1 }, at(20));
      ids.push(id);
      await afterWrite();
    });
    submitMs += performance.now() - s; // (inline dashboard reads included on PGlite)
    s = performance.now();
    await pool(ids, workers, async (id) => {
      await approveReport(db, SYSTEM_ACTOR, id, { expectedVersion: 2 }, at(24));
      await afterWrite();
    });
    approveMs += performance.now() - s;
    reports += ids.length;
    console.log(
      `${engine}: month ${m + 1}: ${ids.length} reports, dashboard reads so far ${live.length} (p95 ${ms(quantile(live, 0.95))})`,
    );
  }
  flowing = false;
  await reader;

  // The same dashboard with nothing flowing.
  await db.execute(sql`analyze`);
  const cold: number[] = [];
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    await dashboard();
    cold.push(performance.now() - s);
  }
  return {
    engine,
    units,
    reports,
    submitPerSec: reports / (submitMs / 1000),
    approvePerSec: reports / (approveMs / 1000),
    liveMedian: quantile(live, 0.5),
    liveP95: quantile(live, 0.95),
    liveReads: live.length,
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
    '| engine | units | reports | submissions/s | approvals/s | dashboard while flowing (median / p95, reads) | dashboard after (median / p95) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.engine} | ${r.units} | ${r.reports} | ${r.submitPerSec.toFixed(1)} | ${r.approvePerSec.toFixed(1)} | ${ms(r.liveMedian)} / ${ms(r.liveP95)} (${r.liveReads}) | ${ms(r.coldMedian)} / ${ms(r.coldP95)} |`,
    );
}

await main();
