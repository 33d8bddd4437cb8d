// National-scale benchmark (`npm run bench:national`, issue 12 item 4), on
// PostgreSQL only (a fresh database, created and dropped): a synthetic
// confederation (bench/national-data.ts: 126,000 CĐCS under ~700 districts and
// 63 provinces in 2024, restructured on 01/07/2025 into 34 provinces without
// districts, 10.5 million members loaded with COPY, an issued 2024 program of
// the root with a target of every measure kind at national, province and
// district scope, twelve months of facts). Prints, per build phase, the time;
// then, median and 95th percentile of BENCH_RUNS runs after one warm-up:
// - the national, one province's and one district's dashboard (computeTargets
//   over all their targets) and the breakdown of the district's first target;
// - the time from a report's submission (the report use-cases a CĐCS officer
//   uses) to the national dashboard showing it, read on a second connection
//   right after the submission's commit;
// - the cost of one submission with and without roll-up maintenance (when the
//   roll-up module exists: server/modules/indicators/rollups.ts);
// - the member list's search ("nguyen van an", a CCCD, a card number) among
//   all members, as a national officer, and a province's unfiltered count.
// Aims are printed beside the figures; no pass/fail.
//
//   BENCH_SCALE=0.01        share of the full size (1 = 126,000 CĐCS and 10.5 M members)
//   BENCH_RUNS=10           timed runs per measure (after one warm-up)
//   BENCH_SUBMISSIONS=10    submissions timed per roll-up mode
//   BENCH_DATABASE_URL=…    PostgreSQL server
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, type Executor } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { queryRows } from '../server/db/sql.js';
import { computeTargets } from '../server/modules/indicators/compute-targets.js';
import { computeTargetBreakdown } from '../server/modules/indicators/compute-target-breakdown.js';
import { flushRollups, rebuildRollups, setRollupMaintenance } from '../server/modules/indicators/rollups.js';
import { inTransaction } from '../server/lib/transaction.js';
import { listMembers } from '../server/modules/members/list-members.js';
import { ListMembersQuery } from '../server/modules/members/schemas.js';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';
import {
  loadProgram,
  buildFacts,
  buildMembers,
  buildProgram,
  buildTree,
  checkGenerated,
  grassrootsCode,
  loadMemberUnits,
  sizesFor,
  actorFor,
  unitId,
  preparedSubmission,
} from './national-data.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 0.01);
// BENCH_KEEP=1 keeps the database (drop it by hand); BENCH_REUSE=<its name> measures again on it
// without building (e.g. on a quieter machine).
const REUSE = process.env.BENCH_REUSE; // give the BENCH_SCALE it was built with: submissions pick among its CĐCS
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10));
const SUBMISSIONS = Math.max(1, Number(process.env.BENCH_SUBMISSIONS ?? 10));
const AS_OF = '2024-11-30';
const SEARCH_NAME = 'nguyen van an';

const now = () => performance.now();
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

interface Timing {
  median: number;
  p95: number;
}

/** RUNS timed runs after one warm-up; returns the last result too. */
async function timed<T>(fn: () => Promise<T>, runs = RUNS): Promise<Timing & { result: T }> {
  let result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    result = await fn();
    times.push(now() - t);
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), result };
}

interface SummaryRow {
  measure: string;
  median: string;
  p95: string;
  aim: string;
}

async function main() {
  const sizes = sizesFor(SCALE);
  const database = REUSE ?? `congdoan_bench_nat_${crypto.randomBytes(4).toString('hex')}`;
  const url = urlWithDatabase(POSTGRES_URL, database);

  console.log(
    REUSE
      ? `National benchmark on the kept database ${REUSE} (its sizes below); ${os.cpus().length} cores, Node ${process.version}; live roll-ups`
      : `National benchmark, BENCH_SCALE=${SCALE}: ${sizes.grassroots} CĐCS, ${sizes.districts} districts, 63 → 34 provinces, ` +
          `${sizes.members} members; ${os.cpus().length} cores, Node ${process.version}; live roll-ups`,
  );
  if (!REUSE) await withAdmin((admin) => admin.query(`create database "${database}"`));
  const phases: Array<[string, number]> = [];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = now();
    const result = await fn();
    phases.push([name, now() - t]);
    console.log(`  ${name}: ${fmt(now() - t)}`);
    return result;
  };
  const handle = await openDatabase({ databaseUrl: url });
  // The dashboard reader of the live test: a connection pool of its own.
  const reader = await openDatabase({ databaseUrl: url });
  const summary: SummaryRow[] = [];
  try {
    const db = handle.db;
    const build = async () => {
      await phase('migrations', () => migrateDatabase(handle));
      await phase('org tree (units, parents, closure)', () => buildTree(db, sizes));
      const program = await phase('program, elements, indicators, targets, periods', () => buildProgram(db, sizes));
      await phase('facts (12 months)', () => buildFacts(db, program.elements));
      const units = await loadMemberUnits(db, sizes);
      const built = await phase('members, events, periods (COPY) + indexes', () => buildMembers(url, sizes.members, units));
      for (const [name, ms] of built.steps) console.log(`    ${name}: ${fmt(ms)}`);
      // What autovacuum does after a bulk load: statistics, and the visibility map that index-only scans read.
      await phase('vacuum analyze', () => db.execute(sql`vacuum (analyze)`));
      // COPY and INSERT … SELECT wrote outside the use-cases: every target's roll-ups are built once from the facts.
      await phase('roll-ups built (every target, 12 as-of months, 2 countings)', () => rebuildRollups(db));
      // The rebuild deleted the two million marks the COPY's triggers left: 100 MB of dead rows that every
      // flush's delete of its marks would read (12 ms) until autovacuum (off on the machines this runs on,
      // on in any production server) cleans them, as it would within a minute.
      await phase('vacuum of the roll-up tables', () =>
        db.execute(sql`vacuum (analyze) rollup_dirty_units, rollup_dirty_targets, target_unit_rollups, target_rollup_totals`),
      );
      return { program, built };
    };
    const reuse = async () => {
      console.log(`  reusing ${database} (BENCH_REUSE): no build`);
      // Migrations added since the build (an index, say) are applied to the kept data, then vacuumed as after a build.
      await phase('migrations', () => migrateDatabase(handle));
      await phase('vacuum analyze', () => db.execute(sql`vacuum (analyze)`));
      const [sample] = await queryRows<{ citizenId: string; cardNumber: string; members: number }>(
        db,
        sql`select citizen_id as "citizenId", card_number as "cardNumber", (select count(*)::int from members) as members
          from members where card_number is not null offset 1000 limit 1`,
      );
      return { program: await loadProgram(db), built: { members: sample!.members, sample } };
    };
    const { program, built } = REUSE ? await reuse() : await build();
    const { members: checked, problems } = await checkGenerated(db);
    console.log(
      problems.length === 0
        ? `  check: ${checked} sampled members = deriveMemberState(their events); tree paths and provinces as expected ✓`
        : `  check ✗:\n    ${problems.slice(0, 10).join('\n    ')}`,
    );
    const buildMs = phases.filter(([n]) => n !== 'migrations').reduce((s, [, ms]) => s + ms, 0);

    const [counts] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*) from org_units)::int as units, (select count(*) from org_unit_paths)::int as paths,
        (select count(*) from facts)::int as facts, (select count(*) from members)::int as members,
        (select count(*) from member_events)::int as events, (select count(*) from member_unit_periods)::int as periods,
        pg_size_pretty(pg_database_size(current_database())) as size`,
    );
    console.log(
      `  rows: ${counts!.units} units, ${counts!.paths} closure rows, ${counts!.facts} facts, ${counts!.members} members, ` +
        `${counts!.events} member events, ${counts!.periods} member periods; database ${counts!.size}`,
    );

    // Actors, as the use-cases see them (role assignments in force today).
    const nationalOfficer = await actorFor(db, 'federation_officer', program.scopes.national.id, 'Văn phòng Tổng Liên đoàn');
    const provinceOfficer = await actorFor(db, 'federation_officer', program.scopes.province.id, 'Văn phòng LĐLĐ tỉnh');

    // Dashboards: every target of the scope, then the breakdown of the district's first target.
    console.log(`\nDashboards as of ${AS_OF} (${RUNS} runs after 1 warm-up)`);
    for (const scope of ['national', 'province', 'district'] as const) {
      const targetIds = Object.values(program.targets[scope]);
      const t = await timed(() => computeTargets(db, { targetIds }, AS_OF));
      const sum = t.result.find((r) => r.targetId === program.targets[scope].sum);
      console.log(
        `  ${scope} ${program.scopes[scope].code}: ${t.result.length} targets, median ${fmt(t.median)}, p95 ${fmt(t.p95)} ` +
          `(Σ fund ${sum?.value}, ${sum?.eligibleUnits} units)`,
      );
      summary.push({
        measure: `dashboard ${scope} (${targetIds.length} targets)`,
        median: fmt(t.median),
        p95: fmt(t.p95),
        aim: 'p95 < 1 s',
      });
    }
    const breakdown = await timed(() => computeTargetBreakdown(db, program.targets.district.ratio, AS_OF));
    console.log(
      `  breakdown of the district's first target: ${breakdown.result.length} units, median ${fmt(breakdown.median)}, p95 ${fmt(breakdown.p95)}`,
    );
    summary.push({ measure: 'breakdown, district first target', median: fmt(breakdown.median), p95: fmt(breakdown.p95), aim: 'p95 < 1 s' });

    // Submission → national dashboard: a CĐCS officer submits November's report; a second connection reads the national target.
    const november = program.monthlyPeriods[10]!;
    const october = program.monthlyPeriods[9]!;
    // A kept database already holds the reports of earlier runs' units: each run takes CĐCS of its own.
    const firstUnit = REUSE ? 1 + crypto.randomInt(sizes.grassroots - 2 * (SUBMISSIONS + 2)) : 0;
    const liveUnit = await unitId(db, grassrootsCode(firstUnit));
    const liveActor = await actorFor(db, 'grassroots_officer', liveUnit, 'Chủ tịch CĐCS');
    const national = (r: Executor) => computeTargets(r, { targetIds: [program.targets.national.sum] }, AS_OF).then((x) => x[0]!.value);
    const before = await national(reader.db);
    const submit = await preparedSubmission(db, liveActor, program, november, liveUnit, 987_654);
    const started = now();
    await submit();
    const committed = now() - started;
    let reads = 0;
    let seen: number | null = null;
    let after = before;
    while (reads < 20) {
      after = await national(reader.db);
      reads++;
      if (after !== before) {
        seen = now() - started;
        break;
      }
    }
    console.log(
      `\nSubmission → national dashboard: submitted (committed) in ${fmt(committed)}, national Σ fund ${before} → ${after}, ` +
        (seen === null
          ? 'NOT seen after 20 reads'
          : `seen after ${fmt(seen)} (${reads === 1 ? 'first read after the commit' : `read ${reads}`})`),
    );
    summary.push({
      measure: 'submission → national dashboard',
      median: seen === null ? 'not seen' : fmt(seen),
      p95: '',
      aim: reads === 1 && seen !== null ? 'seen on the first read ✓' : 'seen on the first read ✗',
    });

    // The cost of one submission (October reports of other CĐCS), with and without roll-up maintenance: in each
    // round one submission of each mode, on neighbouring CĐCS, the order alternating from round to round (ABBA),
    // so that both modes of a round see the same machine (its speed drifts by a third from minute to minute here).
    // Without maintenance, the triggers still note the unit and the flush is left to the next reader;
    // that leftover is flushed untimed, so the next timed submission pays only for its own unit.
    const cost = new Map<boolean, number[]>([
      [true, []],
      [false, []],
    ]);
    const differences: number[] = []; // per round: with − without
    let n = firstUnit + 1;
    for (let i = 0; i < SUBMISSIONS + 1; i++) {
      const round = new Map<boolean, number>();
      for (const mode of i % 2 === 0 ? [true, false] : [false, true]) {
        const unit = await unitId(db, grassrootsCode(n++ % sizes.grassroots));
        const actor = await actorFor(db, 'grassroots_officer', unit, 'Chủ tịch CĐCS');
        const go = await preparedSubmission(db, actor, program, october, unit, 1000 + i);
        setRollupMaintenance(mode);
        const t = now();
        await go();
        round.set(mode, now() - t);
        setRollupMaintenance(true);
        await inTransaction(db, (tx) => flushRollups(tx));
      }
      if (i === 0) continue; // the first round warms up
      for (const [mode, ms] of round) cost.get(mode)!.push(ms);
      differences.push(round.get(true)! - round.get(false)!);
    }
    console.log(`\nOne submission (submitReport, ${SUBMISSIONS} rounds of one per mode after 1 warm-up round):`);
    for (const [mode, times] of cost) {
      const label = mode ? 'with roll-up maintenance' : 'without roll-up maintenance';
      console.log(`  ${label}: median ${fmt(quantile(times, 0.5))}, p95 ${fmt(quantile(times, 0.95))}`);
      summary.push({ measure: `submission, ${label}`, median: fmt(quantile(times, 0.5)), p95: fmt(quantile(times, 0.95)), aim: '' });
    }
    const unpaired = quantile(cost.get(true)!, 0.5) - quantile(cost.get(false)!, 0.5);
    const paired = quantile(differences, 0.5);
    console.log(`  roll-up overhead, median with − median without: ${fmt(unpaired)}`);
    console.log(
      `  roll-up overhead, median of the rounds' differences: ${fmt(paired)} ` +
        `(quartiles ${fmt(quantile(differences, 0.25))} – ${fmt(quantile(differences, 0.75))})`,
    );
    summary.push({ measure: 'submission roll-up overhead (median − median)', median: fmt(unpaired), p95: '', aim: '< 20 ms' });
    summary.push({ measure: 'submission roll-up overhead (rounds, median difference)', median: fmt(paired), p95: '', aim: '< 20 ms' });

    // A tree change re-attributes the moved subtree's rows: the cost of re-attributing every CĐCS of one
    // province from 01/07/2024 (what moving it under another parent on that date marks), in one transaction.
    const [subtree] = await queryRows<{ n: number }>(
      db,
      sql`select count(distinct descendant_id)::int as n from org_unit_paths p join org_units u on u.id = p.descendant_id
        where p.ancestor_id = ${program.scopes.province.id}::uuid and u.kind = 'grassroots_union'`,
    );
    const moveStarted = now();
    await inTransaction(db, async (tx) => {
      await tx.execute(sql`insert into rollup_dirty_units (unit_id, from_month)
        select distinct p.descendant_id, date '2024-07-01' from org_unit_paths p join org_units u on u.id = p.descendant_id
        where p.ancestor_id = ${program.scopes.province.id}::uuid and u.kind = 'grassroots_union'`);
      await flushRollups(tx);
    });
    const moveMs = now() - moveStarted;
    console.log(
      `\nTree change: re-attributing ${subtree!.n} CĐCS of province ${program.scopes.province.code} from 07/2024: ${fmt(moveMs)}`,
    );
    summary.push({ measure: `tree change, ${subtree!.n} CĐCS re-attributed from 07/2024`, median: fmt(moveMs), p95: '', aim: '' });
    const [stillEqual] = await computeTargets(db, { targetIds: [program.targets.national.sum] }, AS_OF);
    console.log(`  national Σ fund after it: ${stillEqual?.value} (unchanged: nothing moved, the rows were recomputed)`);

    // Member search among all members, as a national officer (the list's first page of 20 + total).
    console.log(`\nMember search among ${built.members} members (listMembers, national officer, ${RUNS} runs after 1 warm-up)`);
    for (const [label, q] of [
      [`name "${SEARCH_NAME}"`, SEARCH_NAME],
      ['CCCD', built.sample.citizenId],
      ['card number', built.sample.cardNumber],
    ] as const) {
      const input = ListMembersQuery.parse({ q });
      const t = await timed(() => listMembers(db, nationalOfficer, input));
      console.log(`  ${label} (${q}): ${t.result.total} found, median ${fmt(t.median)}, p95 ${fmt(t.p95)}`);
      summary.push({ measure: `member search, ${label}`, median: fmt(t.median), p95: fmt(t.p95), aim: 'p95 < 150 ms' });
    }
    const all = ListMembersQuery.parse({});
    const province = await timed(() => listMembers(db, provinceOfficer, all));
    console.log(
      `  province ${program.scopes.province.code}, unfiltered (first page + count): ${province.result.total} members, ` +
        `median ${fmt(province.median)}, p95 ${fmt(province.p95)}`,
    );
    summary.push({
      measure: `member list, province ${program.scopes.province.code} unfiltered`,
      median: fmt(province.median),
      p95: fmt(province.p95),
      aim: '',
    });

    console.log(`\nSummary (BENCH_SCALE=${SCALE}; build ${fmt(buildMs)} without migrations)\n`);
    const phaseRows: SummaryRow[] = phases.map(([name, ms]) => ({ measure: `build: ${name}`, median: fmt(ms), p95: '', aim: '' }));
    const rows = [...phaseRows, ...summary];
    const header: SummaryRow = { measure: 'measure', median: 'median / time', p95: 'p95', aim: 'aim' };
    const w = (k: keyof SummaryRow) => Math.max(...[header, ...rows].map((r) => r[k].length));
    const print = (r: SummaryRow) =>
      console.log(`${r.measure.padEnd(w('measure'))}  ${r.median.padStart(w('median'))}  ${r.p95.padStart(w('p95'))}  ${r.aim}`);
    print(header);
    console.log(`${'-'.repeat(w('measure'))}  ${'-'.repeat(w('median'))}  ${'-'.repeat(w('p95'))}  ${'-'.repeat(w('aim'))}`);
    for (const r of rows) print(r);
  } finally {
    await reader.close();
    await handle.close();
    if (process.env.BENCH_KEEP || REUSE) console.log(`\nkept database ${database} (BENCH_KEEP)`);
    else await withAdmin((admin) => admin.query(`drop database if exists "${database}" with (force)`));
  }
}

await main();
