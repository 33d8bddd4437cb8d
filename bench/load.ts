// Deadline-day load (`npm run bench:load`, docs/load.md): the real server
// (built as for npm start) on a fresh PostgreSQL database this script creates
// (demo data loaded at first start; dropped after). Set-up, written into the
// database (see below why not through the API): 1,000 CĐCS units under the
// three commune unions of An Giang, a chair (grassroots_officer) for each, and
// 20 province officers.
// Then the peak: the 1,000 chairs arrive spread evenly over BENCH_WINDOW_S
// (open loop: a late server does not slow the arrivals), each signing in,
// opening home (the calls the home page makes, its due reports included),
// filling and submitting the monthly report of the province's 2026 program
// (open the form, save the draft, submit) and doing the month's registry work
// (two admissions and one edit) — while 20 officers browse without pause but a
// think time: target progress (dashboard), a target's breakdown, the report
// compliance board, the member list and its statistics, and a member search
// now and then. Prints requests per second, p50/p95/p99/max per route, errors,
// and checks after the run that nothing was lost (every submission, admission
// and edit acknowledged is in the database). Aims: p95 < 500 ms, 0 errors.
//
// Sign-in limits: the server counts sign-ins per client address (20 a minute,
// docs/security.md). All simulated clients connect from 127.0.0.1, as all
// users of a real deployment reach the app through its reverse proxy; the
// server is started with TRUST_PROXY=127.0.0.1 (as behind a proxy) and each
// simulated client sends its own X-Forwarded-For (127.10.x.y), so the limit
// applies per user's address as in production. No limit is raised.
//
//   BENCH_CHAIRS=1000  BENCH_OFFICERS=20  BENCH_WINDOW_S=600  BENCH_THINK_MS=1000
//   BENCH_PORT=3188    BENCH_DATABASE_URL=…  BENCH_KEEP=1 (keep the database)
//   BENCH_PG_SAMPLE_MS=20  samples what PostgreSQL is running every 20 ms and prints where its time goes
//   (a sampling profile from pg_stat_activity: needs no extension and no restart)
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/db/client.js';
import { queryRows } from '../server/db/sql.js';
import { todayInVietnam } from '../server/lib/dates.js';
import { hashPassword } from '../server/lib/passwords.js';
import { ensureRollupsFresh } from '../server/modules/indicators/rollups.js';
import { refreshOrgUnitPaths } from '../server/modules/org-units/refresh-org-unit-paths.js';
import { insertReportProgram } from './report-program.js';
import { ApiClient, createScratchDatabase, percentile, startServer } from './server-process.js';

const CHAIRS = Number(process.env.BENCH_CHAIRS ?? 1000);
const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 20);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 600);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const PORT = Number(process.env.BENCH_PORT ?? 3188);
/** Most chairs in flight at once (bounded: a stalled server cannot make the script open unbounded requests). */
const MAX_CHAIRS_IN_FLIGHT = 200;
/** Hard stop for the whole run: the window plus BENCH_GRACE_S (default 120 s) for the last chairs. */
const RUN_LIMIT_MS = (WINDOW_S + Number(process.env.BENCH_GRACE_S ?? 120)) * 1000;
const PASSWORD = 'Bench@2026-chair';
const TODAY = todayInVietnam();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const addressOf = (n: number) => `127.10.${(n >> 8) & 255}.${n & 255}`;

interface Sample {
  route: string;
  ms: number;
  ok: boolean;
}
const samples: Sample[] = [];
const errors: string[] = [];

/** One timed request; non-2xx counts as an error (with its body, first few kept). */
async function timed(
  client: ApiClient,
  route: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const started = performance.now();
  let res: { status: number; json: unknown };
  try {
    res = await client.request(method, url, body);
  } catch (e) {
    samples.push({ route, ms: performance.now() - started, ok: false });
    errors.push(`${route}: ${(e as Error).message}`);
    return { status: 0, json: null };
  }
  const ok = res.status >= 200 && res.status < 300;
  samples.push({ route, ms: performance.now() - started, ok });
  if (!ok) errors.push(`${route}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
  return res;
}

async function timedSignIn(client: ApiClient, username: string): Promise<boolean> {
  const started = performance.now();
  try {
    const res = await client.signIn(username, PASSWORD);
    samples.push({ route: 'POST /auth/sign-in', ms: performance.now() - started, ok: res.status === 200 });
    if (res.status !== 200) errors.push(`POST /auth/sign-in ${username}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    return res.status === 200;
  } catch (e) {
    samples.push({ route: 'POST /auth/sign-in', ms: performance.now() - started, ok: false });
    errors.push(`POST /auth/sign-in: ${(e as Error).message}`);
    return false;
  }
}

/** User + system CPU seconds of a process (/proc/PID/stat, clock ticks of 1/100 s). */
function processCpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function main() {
  const database = await createScratchDatabase('congdoan_bench_load');
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    server = await startServer({ databaseUrl: database.url, port: PORT, env: { DEMO_DATA: 'true', TRUST_PROXY: '127.0.0.1' } });
    const base = server.baseUrl;
    const startRss = server.rssMb();

    // ---- Set-up (not timed into the figures), written straight into the database: through the API
    // (one closure-table rebuild and one argon2 hash per unit and user) it took ~3 s per unit on this
    // shared machine. Units and parent links by SQL, then the tree's closure rebuilt once with the
    // use-case's own function; users share one argon2 hash of the same password (each sign-in
    // still verifies it in full).
    const t = performance.now();
    const setup = await openDatabase({ databaseUrl: database.url });
    const chairs: Array<{ username: string; unitId: string }> = [];
    /** This month's monthly period of the province's program: the report every chair submits. */
    let reportPeriodId = '';
    const officers: string[] = [];
    try {
      const hash = await hashPassword(PASSWORD);
      const db = setup.db;
      const [province] = await queryRows<{ id: string }>(db, sql`select id from org_units where code = 'AG'`);
      const communes = (
        await queryRows<{ id: string }>(db, sql`select id from org_units where code in ('AG-XVT', 'AG-XVB', 'AG-XVP') order by code`)
      ).map((r) => r.id);
      const units = await queryRows<{ id: string; code: string }>(
        db,
        sql`insert into org_units (code, full_name, short_name, kind, sector, valid_from)
            select 'BL' || lpad(g::text, 4, '0'), 'Công đoàn cơ sở Công ty thử tải ' || g, 'CĐCS thử tải ' || g,
                   'grassroots_union', 'state_enterprise', date '2025-07-01'
            from generate_series(0, ${CHAIRS - 1}) g
            returning id, code`,
      );
      units.sort((a, b) => a.code.localeCompare(b.code));
      await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from)
        select (u->>'id')::uuid, (u->>'parent')::uuid, date '2025-07-01'
        from json_array_elements(${JSON.stringify(units.map((u, i) => ({ id: u.id, parent: communes[i % communes.length] })))}::json) u`);
      await refreshOrgUnitPaths(db);
      const people = [
        ...units.map((u, i) => ({
          username: `chu.bl${String(i).padStart(4, '0')}`,
          fullName: `Chủ tịch Thử Tải ${i}`,
          role: 'grassroots_officer',
          unitId: u.id,
          subtree: false,
        })),
        ...Array.from({ length: OFFICERS }, (_, i) => ({
          username: `canbo.bl${String(i).padStart(2, '0')}`,
          fullName: `Cán bộ Thử Tải ${i}`,
          role: 'federation_officer',
          unitId: province!.id,
          subtree: true,
        })),
      ];
      await db.execute(sql`
        with p as (select * from json_to_recordset(${JSON.stringify(people)}::json)
                     as x(username text, "fullName" text, role text, "unitId" uuid, subtree boolean)),
             u as (insert into users (username, full_name, password_hash) select username, "fullName", ${hash} from p returning id, username)
        insert into role_assignments (user_id, role, unit_id, includes_subtree, valid_from)
        select u.id, p.role, p."unitId", p.subtree, date '2025-07-01' from p join u using (username)`);
      units.forEach((u, i) => chairs.push({ username: `chu.bl${String(i).padStart(4, '0')}`, unitId: u.id }));
      // The province's issued 2026 program with three reported targets, and its report periods.
      const { programId } = await insertReportProgram(db, {
        unitId: province!.id,
        year: 2026,
        number: 90,
        grassrootsUnits: CHAIRS,
        title: 'Công tác Công đoàn năm 2026 (thử tải)',
      });
      const [period] = await queryRows<{ id: string }>(
        db,
        sql`select id from report_periods where program_id = ${programId}::uuid and kind = 'monthly' and fact_month = date_trunc('month', ${TODAY}::date)::date`,
      );
      reportPeriodId = period!.id;
      for (let i = 0; i < OFFICERS; i++) officers.push(`canbo.bl${String(i).padStart(2, '0')}`);
      // The set-up wrote outside the use-cases: its units and targets are marked for the roll-ups. Built now, as
      // after a deploy before the office opens; left to the peak, the first flush rebuilt every target while every
      // other write waited for it (a tenth of PostgreSQL's time in a 2-minute run went to waiting on those marks).
      await ensureRollupsFresh(db);
    } finally {
      await setup.close();
    }
    console.log(`set-up: ${CHAIRS} CĐCS with their chairs and ${OFFICERS} officers in ${((performance.now() - t) / 1000).toFixed(0)} s`);

    // ---- The peak.
    const acknowledged = { admitted: [] as string[], edited: [] as string[], submitted: [] as string[] };
    let finishedChairs = 0;
    let peakRss = startRss;
    const memory = setInterval(() => (peakRss = Math.max(peakRss, server!.rssMb())), 200);
    const hardStop = Date.now() + RUN_LIMIT_MS;
    // At the time limit, requests still open are aborted (counted as errors "aborted") and the run reports.
    const limit = new AbortController();
    // Every request in flight listens on this one signal until it ends (hundreds when the server falls behind).
    setMaxListeners(10_000, limit.signal);
    const limitTimer = setTimeout(() => limit.abort(), RUN_LIMIT_MS);
    const started = performance.now();
    const cpuBefore = processCpuSeconds(server.pid);
    const clientCpuBefore = process.cpuUsage();
    const vacuum = await standInForAutovacuum(database.url);
    const activity = await sampleActivity(database.url);
    let chairsDone = false;

    const officer = async (i: number) => {
      const client = new ApiClient(base, addressOf(50_000 + i), limit.signal);
      await sleep((i * 997) % 3000); // not all at the same instant
      if (!(await timedSignIn(client, officers[i]!))) return;
      await timed(client, 'GET /auth/me', 'GET', '/api/auth/me');
      const programs = (await timed(client, 'GET /programs', 'GET', '/api/programs?page=1&pageSize=200')).json as {
        items?: Array<{ id: string }>;
      } | null;
      const targets = (await timed(client, 'GET /targets', 'GET', '/api/targets')).json as { items?: Array<{ id: string }> } | null;
      const programIds = programs?.items?.map((p) => p.id) ?? [];
      const targetIds = targets?.items?.map((x) => x.id) ?? [];
      let n = 0;
      while (!chairsDone && Date.now() < hardStop) {
        n++;
        if (programIds.length) {
          await timed(client, 'GET /targets/progress', 'GET', `/api/targets/progress?programId=${programIds[n % programIds.length]}`);
        }
        if (targetIds.length)
          await timed(client, 'GET /targets/:id/breakdown', 'GET', `/api/targets/${targetIds[n % targetIds.length]}/breakdown`);
        if (n % 2 === 0)
          await timed(client, 'GET /report-periods/:id/compliance', 'GET', `/api/report-periods/${reportPeriodId}/compliance`);
        await timed(client, 'GET /members', 'GET', `/api/members?page=${1 + (n % 5)}&pageSize=20`);
        await timed(client, 'GET /members/stats', 'GET', '/api/members/stats');
        // A search now and then (searches are limited to 30 a minute per user).
        if (n % 4 === 0)
          await timed(client, 'GET /members?q=', 'GET', `/api/members?q=${encodeURIComponent('Nguyễn Văn')}&page=1&pageSize=20`);
        await sleep(THINK_MS);
      }
    };

    const chair = async (i: number) => {
      const { username, unitId } = chairs[i]!;
      const client = new ApiClient(base, addressOf(i), limit.signal);
      try {
        if (!(await timedSignIn(client, username))) return;
        // Home: who am I, the targets card (targets, programs; progress when a program applies), the members card.
        await timed(client, 'GET /auth/me', 'GET', '/api/auth/me');
        const programs = (await timed(client, 'GET /programs', 'GET', '/api/programs?page=1&pageSize=200')).json as {
          items?: Array<{ id: string }>;
        } | null;
        await timed(client, 'GET /targets', 'GET', '/api/targets');
        const programId = programs?.items?.[0]?.id;
        if (programId) await timed(client, 'GET /targets/progress', 'GET', `/api/targets/progress?programId=${programId}`);
        await timed(client, 'GET /members/stats', 'GET', '/api/members/stats');
        await timed(client, 'GET /reports/due', 'GET', '/api/reports/due');
        // The monthly report: open the form, save what was typed, submit.
        const formUrl = `/api/report-periods/${reportPeriodId}/units/${unitId}/report`;
        const form = (await timed(client, 'GET report form', 'GET', formUrl)).json as {
          sections?: Array<{ fields: Array<{ dataElementId: string; valueType: string; derived: boolean }> }>;
        } | null;
        const fields = (form?.sections ?? []).flatMap((x) => x.fields).filter((f) => !f.derived);
        const saved = await timed(client, 'PUT report (draft)', 'PUT', formUrl, {
          values: fields.map((f, k) =>
            f.valueType === 'boolean'
              ? { dataElementId: f.dataElementId, bool: (i + k) % 5 !== 0 }
              : { dataElementId: f.dataElementId, number: (i * 7 + k) % 30 },
          ),
          narratives: { '1': `Tháng này công đoàn cơ sở ${i} tổ chức tập huấn cho ${(i % 20) + 5} đoàn viên.` },
          difficulties: i % 3 === 0 ? 'Kinh phí còn hạn chế.' : null,
          expectedVersion: null,
        });
        if (saved.status === 200) {
          const draft = saved.json as { id: string; rowVersion: number };
          const sent = await timed(client, 'POST /reports/:id/submit', 'POST', `/api/reports/${draft.id}/submit`, {
            expectedVersion: draft.rowVersion,
          });
          if (sent.status === 200) acknowledged.submitted.push(draft.id);
        }
        // The month's registry work: two admissions and an edit of the first.
        const ids: Array<{ id: string; rowVersion: number }> = [];
        for (let k = 0; k < 2; k++) {
          const res = await timed(client, 'POST /members', 'POST', '/api/members', {
            fullName: `Đoàn Viên Tải ${i} ${k === 0 ? 'Một' : 'Hai'}`,
            gender: k === 0 ? 'male' : 'female',
            birthDate: `19${70 + (i % 30)}-0${1 + k}-1${i % 10}`,
            unitId,
            admittedOn: TODAY,
          });
          if (res.status === 201) {
            const m = res.json as { id: string; rowVersion: number };
            ids.push(m);
            acknowledged.admitted.push(m.id);
          }
        }
        if (ids[0]) {
          const res = await timed(client, 'PATCH /members/:id', 'PATCH', `/api/members/${ids[0].id}`, {
            job: 'Công nhân may',
            expectedVersion: ids[0].rowVersion,
          });
          if (res.status === 200) acknowledged.edited.push(ids[0].id);
        }
        await timed(client, 'GET /members', 'GET', '/api/members?page=1&pageSize=20');
      } finally {
        finishedChairs++;
      }
    };

    const officerRuns = Array.from({ length: OFFICERS }, (_, i) => officer(i));
    const chairRuns: Promise<void>[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    for (let i = 0; i < CHAIRS; i++) {
      const due = started + (i * WINDOW_S * 1000) / CHAIRS;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      while (inFlight >= MAX_CHAIRS_IN_FLIGHT) await sleep(20);
      if (Date.now() > hardStop) break;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      chairRuns.push(chair(i).finally(() => inFlight--));
    }
    await Promise.all(chairRuns);
    chairsDone = true;
    await Promise.all(officerRuns);
    clearTimeout(limitTimer);
    clearInterval(memory);
    await vacuum.stop();
    await activity.stop();
    const elapsedS = (performance.now() - started) / 1000;
    const serverCpuS = processCpuSeconds(server.pid) - cpuBefore;
    // The simulated clients share the machine's two cores with the server and PostgreSQL.
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const clientCpuS = (clientCpu.user + clientCpu.system) / 1e6;

    // ---- Nothing lost: every acknowledged submission, admission and edit is in the database.
    const check = await openDatabase({ databaseUrl: database.url });
    let found = { admitted: 0, edited: 0, inUnits: 0, submitted: 0 };
    try {
      const [row] = await queryRows<{ admitted: number; edited: number; in_units: number; submitted: number }>(
        check.db,
        sql`select
              (select count(*)::int from members where id in (select value::uuid from json_array_elements_text(${JSON.stringify(acknowledged.admitted)}::json))) as admitted,
              (select count(*)::int from members where job = 'Công nhân may' and id in (select value::uuid from json_array_elements_text(${JSON.stringify(acknowledged.edited)}::json))) as edited,
              (select count(*)::int from members m join org_units u on u.id = m.unit_id where u.code like 'BL%') as in_units,
              (select count(*)::int from reports r where r.status = 'submitted' and exists (select 1 from facts f where f.report_id = r.id)
                 and r.id in (select value::uuid from json_array_elements_text(${JSON.stringify(acknowledged.submitted)}::json))) as submitted`,
      );
      found = {
        admitted: Number(row!.admitted),
        edited: Number(row!.edited),
        inUnits: Number(row!.in_units),
        submitted: Number(row!.submitted),
      };
    } finally {
      await check.close();
    }

    // ---- Report.
    const routes = [...new Set(samples.map((s) => s.route))].sort();
    console.log(
      `\nDeadline-day load on PostgreSQL: ${CHAIRS} chairs over ${WINDOW_S} s + ${OFFICERS} officers (think ${THINK_MS} ms); ${os.cpus().length} cores, Node ${process.version}`,
    );
    console.table(
      routes.map((route) => {
        const list = samples.filter((s) => s.route === route);
        const ms = list.map((s) => s.ms);
        return {
          route,
          requests: list.length,
          errors: list.filter((s) => !s.ok).length,
          'p50 (ms)': percentile(ms, 50).toFixed(0),
          'p95 (ms)': percentile(ms, 95).toFixed(0),
          'p99 (ms)': percentile(ms, 99).toFixed(0),
          'max (ms)': Math.max(...ms).toFixed(0),
        };
      }),
    );
    const all = samples.map((s) => s.ms);
    const errorCount = samples.filter((s) => !s.ok).length;
    console.log(
      `all: ${samples.length} requests in ${elapsedS.toFixed(0)} s = ${(samples.length / elapsedS).toFixed(1)} req/s; ` +
        `p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms; errors ${errorCount}`,
    );
    console.log(`chairs finished: ${finishedChairs}/${CHAIRS}; most chairs in flight at once: ${maxInFlight}`);
    console.log(
      `nothing lost: reports submitted ${acknowledged.submitted.length}, in the database as submitted with their figures ${found.submitted}; ` +
        `admissions acknowledged ${acknowledged.admitted.length}, in the database ${found.admitted} ` +
        `(members in the test units: ${found.inUnits}); edits acknowledged ${acknowledged.edited.length}, in the database ${found.edited}`,
    );
    console.log(
      `bench client CPU during the peak: ${clientCpuS.toFixed(1)} s (${((clientCpuS / elapsedS) * 100).toFixed(0)}% of one core, on the same machine)`,
    );
    console.log(
      `server process CPU during the peak: ${serverCpuS.toFixed(1)} s (${((serverCpuS / elapsedS) * 100).toFixed(0)}% of one core; ` +
        `${((serverCpuS * 1000) / Math.max(1, samples.length)).toFixed(1)} ms per request); machine load average now ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    console.log(`server RSS: ${startRss.toFixed(0)} MB after start-up, peak ${Math.max(peakRss, server.peakRssMb()).toFixed(0)} MB`);
    if (errors.length) console.log(`first errors:\n  ${errors.slice(0, 10).join('\n  ')}`);
    const p95 = Math.max(
      ...routes.map((r) =>
        percentile(
          samples.filter((s) => s.route === r).map((s) => s.ms),
          95,
        ),
      ),
    );
    const lost =
      acknowledged.admitted.length -
      found.admitted +
      (acknowledged.edited.length - found.edited) +
      (acknowledged.submitted.length - found.submitted);
    console.log(
      `aims: p95 < 500 ms on every route: ${p95 < 500 ? 'met' : 'MISSED'} (worst ${p95.toFixed(0)} ms); 0 errors: ${errorCount === 0 ? 'met' : 'MISSED'}; ` +
        `nothing lost: ${lost === 0 && acknowledged.admitted.length === 2 * CHAIRS && acknowledged.submitted.length === CHAIRS ? 'met' : 'MISSED'}`,
    );
  } finally {
    await server?.stop();
    // BENCH_KEEP=1 leaves the database for EXPLAIN after the run (drop it by hand: its name is printed).
    if (process.env.BENCH_KEEP === '1') console.log(`kept database ${database.name}`);
    else await database.drop();
  }
}

/**
 * Autovacuum is off on the machines this runs on (their PostgreSQL is set up
 * for tests: conf.d/90-ci.conf) and on in any production server. Without it
 * the tables every write churns (rollup_dirty_units, target_unit_rollups,
 * target_rollup_totals) only grow in dead rows during the peak, which no
 * deployment sees. When it is off, the bench stands in for it as its default
 * settings would run (naptime 1 min): `vacuum (analyze)` of the scratch
 * database every BENCH_VACUUM_S seconds (60), its time printed.
 */
async function standInForAutovacuum(url: string): Promise<{ stop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ autovacuum: string }>('show autovacuum');
  if (rows[0]?.autovacuum === 'on') {
    await client.end();
    return { stop: async () => {} };
  }
  const every = Number(process.env.BENCH_VACUUM_S ?? 60) * 1000;
  const took: number[] = [];
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(async () => {
        const t = performance.now();
        await client.query('vacuum (analyze)');
        took.push(performance.now() - t);
      })
      .catch((err: unknown) => console.error('vacuum failed:', err));
  }, every);
  console.log(`autovacuum is off on this server: the bench vacuums the database every ${every / 1000} s instead`);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await client.end();
      if (took.length) console.log(`vacuum (analyze) runs: ${took.length}, ${took.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
    },
  };
}

/**
 * BENCH_PG_SAMPLE_MS: what PostgreSQL's backends are doing, sampled from pg_stat_activity — each statement's share
 * of the samples (≈ its share of the backends' busy time) and what its backends waited on. Printed at the end.
 */
async function sampleActivity(url: string): Promise<{ stop: () => Promise<void> }> {
  const every = Number(process.env.BENCH_PG_SAMPLE_MS ?? 0);
  if (!every) return { stop: async () => {} };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seen = new Map<string, { samples: number; waits: Map<string, number> }>();
  let samples = 0;
  let busy = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ q: string; wait: string | null }>(
        `select left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as q, wait_event_type || ':' || wait_event as wait
           from pg_stat_activity
          where state = 'active' and pid <> pg_backend_pid() and datname = current_database() and backend_type = 'client backend'`,
      );
      samples++;
      busy += rows.length;
      for (const r of rows) {
        const entry = seen.get(r.q) ?? { samples: 0, waits: new Map<string, number>() };
        entry.samples++;
        if (r.wait) entry.waits.set(r.wait, (entry.waits.get(r.wait) ?? 0) + 1);
        seen.set(r.q, entry);
      }
      await sleep(every);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      await client.end();
      console.log(
        `\nPostgreSQL activity: ${samples} samples every ${every} ms, ${(busy / Math.max(1, samples)).toFixed(2)} statements running on average`,
      );
      const top = [...seen.entries()].sort((a, b) => b[1].samples - a[1].samples).slice(0, 25);
      for (const [q, e] of top) {
        const waits = [...e.waits.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 2)
          .map(([w, n]) => `${w} ${((n / e.samples) * 100).toFixed(0)}%`)
          .join(', ');
        console.log(`  ${((e.samples / Math.max(1, busy)) * 100).toFixed(1).padStart(5)}%  ${q}${waits ? `   [waits: ${waits}]` : ''}`);
      }
    },
  };
}

await main();
