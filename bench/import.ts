// Members' Excel import benchmark (`npm run bench:import`): on PGlite (in
// memory) and on PostgreSQL (a scratch database, dropped after),
// 1. a 50,000-row workbook (built with exceljs' streaming writer) uploaded,
//    validated and imported through the real use-cases, with the time of each
//    phase and the peak resident memory of this process (sampled every 50 ms;
//    on PGlite the database lives in the process, so its memory counts too);
// 2. the same rows written "raw": ONE `INSERT INTO members … SELECT FROM
//    unnest($1::text[], …)` statement (pg-copy-streams is not installed, so no
//    COPY FROM STDIN; the same baseline on both engines), and the ratio;
// 3. the member list's name search with 500,000 members in scope (inserted
//    with generate_series): the real listMembers use-case ("nguyen van an",
//    folded, first page of 20 + total) and the bare SQL it boils down to,
//    median of 10 after one warm-up.
// Prints figures only; no pass/fail on time.
//
//   BENCH_ROWS=50000        rows of the file (at most MEMBER_LIMITS.importMaxRows)
//   BENCH_LIST_MEMBERS=500000
//   BENCH_DATABASE_URL=…    PostgreSQL server
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { MEMBER_LIMITS } from '../common/members.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { queryRows } from '../server/db/sql.js';
import { createUnit } from '../test/factories.js';
import { commitMemberImport } from '../server/modules/members/import-commit.js';
import { actorOf, buildLargeWorkbook, seedImportFixture, syntheticMember } from '../server/modules/members/import.fixtures.js';
import { getMemberImport } from '../server/modules/members/import-get.js';
import { waitForImportJobs } from '../server/modules/members/import-jobs.js';
import { readImportFile } from '../server/modules/members/import-read-file.js';
import { startMemberImport } from '../server/modules/members/import-start.js';
import { validateImportRows, type ParsedMember } from '../server/modules/members/import-validate.js';
import { ListMembersQuery } from '../server/modules/members/schemas.js';
import { POSTGRES_URL, urlWithDatabase, withAdmin } from './pg-admin.js';

const ROWS = Math.min(Number(process.env.BENCH_ROWS ?? MEMBER_LIMITS.importMaxRows), MEMBER_LIMITS.importMaxRows);
const LIST_MEMBERS = Number(process.env.BENCH_LIST_MEMBERS ?? 500_000);
const LIST_UNITS = 20;
const RUNS = 10;
const SEARCH = 'nguyen van an';

interface Result {
  engine: string;
  uploadMs: number;
  validateMs: number;
  importMs: number;
  peakMb: number;
  startMb: number;
  rawMs: number;
  listMs: number | null;
  sqlMs: number;
  listTotal: number;
}

/** Peak RSS while fn runs, sampled every 50 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number; startMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 1024 / 1024, startMb: start / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

const now = () => performance.now();

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = now();
    await fn();
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The driver's own client (PGlite or a node-postgres pool): both take (text, params) and array parameters. */
function rawClient(handle: DatabaseHandle): { query: (text: string, params: unknown[]) => Promise<unknown> } {
  return (handle.db as unknown as { $client: { query: (text: string, params: unknown[]) => Promise<unknown> } }).$client;
}

/** ONE multi-row INSERT … SELECT FROM unnest(arrays): the "raw" write of the same members. */
async function rawInsert(handle: DatabaseHandle, members: ParsedMember[]): Promise<number> {
  const col = <K extends keyof ParsedMember>(k: K) => members.map((m) => m[k]);
  const ids = members.map(() => crypto.randomUUID());
  const t = now();
  await rawClient(handle).query(
    `insert into members (id, full_name, name_folded, gender, birth_date, citizen_id, phone, email, ethnicity, job, workplace,
       union_position, party_member, card_number, card_issued_on, unit_id, status, admitted_on)
     select id, full_name, name_folded, gender, birth_date, citizen_id, phone, email, ethnicity, job, workplace,
       union_position, party_member, card_number, case when card_number is not null then admitted_on end, unit_id, 'active', admitted_on
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::text[], $12::text[], $13::boolean[], $14::text[], $15::uuid[], $16::date[])
       as r(id, full_name, name_folded, gender, birth_date, citizen_id, phone, email, ethnicity, job, workplace,
         union_position, party_member, card_number, unit_id, admitted_on)`,
    [
      ids,
      col('fullName'),
      col('nameFolded'),
      col('gender'),
      col('birthDate'),
      col('citizenId'),
      col('phone'),
      col('email'),
      col('ethnicity'),
      col('job'),
      col('workplace'),
      col('unionPosition'),
      col('partyMember'),
      col('cardNumber'),
      col('unitId'),
      col('admittedOn'),
    ],
  );
  return now() - t;
}

async function benchEngine(engine: string, handle: DatabaseHandle): Promise<Result> {
  const db = handle.db;
  await migrateDatabase(handle);
  const f = await seedImportFixture(db);
  const officer = await actorOf(db, f.officer);
  // Half the rows in a CĐCS, half in one of its sections (outside the timings).
  const t0 = now();
  const file = await buildLargeWorkbook(ROWS, (i) => syntheticMember(i, i % 2 === 0 ? f.unitA.code : f.section.code));
  console.log(
    `${engine}: ${ROWS}-row workbook built in ${((now() - t0) / 1000).toFixed(1)} s, ${(file.length / 1024 / 1024).toFixed(1)} MB`,
  );

  // The parsed rows, for the raw baseline (written first, then removed).
  const parsed = await validateImportRows(db, officer, (await readImportFile(file)).rows);
  const members = parsed.outcomes.flatMap((o) => (o.kind === 'new' ? [o.member] : []));
  const rawMs = await rawInsert(handle, members);
  await db.execute(sql`truncate members cascade`);

  const { result, peakMb, startMb } = await withPeakRss(async () => {
    let t = now();
    const started = await startMemberImport(db, officer, { fileName: 'bench.xlsx', buffer: file });
    const uploadMs = now() - t;
    await waitForImportJobs();
    const validateMs = now() - t;
    const validated = await getMemberImport(db, officer, started.id);
    if (validated.state !== 'validated')
      throw new Error(`validation ended ${validated.state}: ${validated.errors[0]?.message ?? validated.fileError}`);
    t = now();
    await commitMemberImport(db, officer, started.id, { validRowsOnly: false });
    await waitForImportJobs();
    const importMs = now() - t;
    const imported = await getMemberImport(db, officer, started.id);
    if (imported.importedRows !== ROWS) throw new Error(`imported ${imported.importedRows} of ${ROWS}`);
    return { uploadMs, validateMs, importMs };
  });
  console.log(
    `${engine}: ${ROWS} rows — upload (read + store) ${(result.uploadMs / 1000).toFixed(1)} s, validated after ${(result.validateMs / 1000).toFixed(1)} s, ` +
      `imported in ${(result.importMs / 1000).toFixed(1)} s, RSS ${startMb.toFixed(0)} MB before, peak ${peakMb.toFixed(0)} MB; raw INSERT … unnest ${(rawMs / 1000).toFixed(2)} s`,
  );

  // List search with LIST_MEMBERS members in the officer's scope.
  await db.execute(sql`truncate members cascade`);
  const units = [f.unitA.id, f.unitB.id, f.section.id];
  for (let i = units.length; i < LIST_UNITS; i++) {
    units.push((await createUnit(db, { code: `L${i}-${f.province.code}`, parentId: f.district.id, validFrom: '2000-01-01' })).id);
  }
  const t = now();
  await db.execute(sql`
    insert into members (full_name, name_folded, gender, birth_date, unit_id, status, admitted_on)
    select fam || ' ' || mid || ' ' || giv, lower(famf || ' ' || midf || ' ' || givf), case when g % 2 = 0 then 'male' else 'female' end,
      date '1960-01-01' + (g % 14000), (${sql.raw(`array[${units.map((u) => `'${u}'::uuid`).join(',')}]`)})[1 + g % ${units.length}],
      'active', date '2015-01-01' + (g % 3000)
    from generate_series(1, ${LIST_MEMBERS}) g,
    lateral (select
      (array['Nguyễn','Trần','Lê','Phạm','Huỳnh','Hoàng','Võ','Đặng'])[1 + g % 8] as fam,
      (array['nguyen','tran','le','pham','huynh','hoang','vo','dang'])[1 + g % 8] as famf,
      (array['Văn','Thị','Hữu','Ngọc','Minh'])[1 + (g / 8) % 5] as mid,
      (array['van','thi','huu','ngoc','minh'])[1 + (g / 8) % 5] as midf,
      (array['An','Bình','Cường','Dũng','Hà','Lan','Mai','Nam','Phúc','Quân','Anh','Tâm'])[1 + (g / 40) % 12] as giv,
      (array['an','binh','cuong','dung','ha','lan','mai','nam','phuc','quan','anh','tam'])[1 + (g / 40) % 12] as givf) n`);
  await db.execute(sql`analyze members`);
  console.log(`${engine}: ${LIST_MEMBERS} members inserted in ${((now() - t) / 1000).toFixed(1)} s`);

  const scope = sql.join(
    units.map((u) => sql`${u}::uuid`),
    sql`, `,
  );
  const pattern = `%${SEARCH}%`;
  let listTotal = 0;
  const sqlMs = await median(async () => {
    await queryRows(
      db,
      sql`select id, full_name, birth_date, unit_id from members where name_folded like ${pattern} and unit_id in (${scope}) order by name_folded limit 20`,
    );
    const [c] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from members where name_folded like ${pattern} and unit_id in (${scope})`,
    );
    listTotal = Number(c!.n);
  });
  let listMs: number | null = null;
  try {
    const { listMembers } = await import('../server/modules/members/list-members.js');
    const input = ListMembersQuery.parse({ q: SEARCH });
    listMs = await median(async () => {
      const page = await listMembers(db, officer, input);
      listTotal = (page as { total: number }).total;
    });
  } catch (e) {
    console.log(`${engine}: listMembers not measured: ${(e as Error).message.split('\n')[0]}`);
  }
  return { engine, ...result, peakMb, startMb, rawMs, listMs, sqlMs, listTotal };
}

async function main() {
  const results: Result[] = [];

  const lite = await openDatabase({ dataDir: null });
  try {
    results.push(await benchEngine('PGlite', lite));
  } finally {
    await lite.close();
  }

  const database = `congdoan_bench_imp_${crypto.randomBytes(4).toString('hex')}`;
  let created = false;
  try {
    await withAdmin((admin) => admin.query(`create database "${database}"`));
    created = true;
    const handle = await openDatabase({ databaseUrl: urlWithDatabase(POSTGRES_URL, database) });
    try {
      results.push(await benchEngine('PostgreSQL', handle));
    } finally {
      await handle.close();
    }
  } catch (e) {
    console.log(`PostgreSQL skipped: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    if (created) await withAdmin((admin) => admin.query(`drop database if exists "${database}" with (force)`));
  }

  console.log(`\nMembers' Excel import, ${ROWS} rows; ${os.cpus().length} cores, Node ${process.version}`);
  console.log(
    'raw = ONE INSERT INTO members … SELECT FROM unnest($1::text[], …) of the same parsed rows (members only; no COPY: pg-copy-streams is not installed)',
  );
  console.log(
    `list = listMembers('${SEARCH}', first page of 20 + total) over ${LIST_MEMBERS} members in scope; SQL = the bare LIKE query + count(*); median of ${RUNS}\n`,
  );
  const header = [
    'engine',
    'validate (s)',
    'import (s)',
    'total (s)',
    'raw (s)',
    'total ÷ raw',
    'import ÷ raw',
    'RSS before → peak (MB)',
    'list (ms)',
    'SQL (ms)',
    'matches',
  ];
  const table = results.map((r) => [
    r.engine,
    (r.validateMs / 1000).toFixed(1),
    (r.importMs / 1000).toFixed(1),
    ((r.validateMs + r.importMs) / 1000).toFixed(1),
    (r.rawMs / 1000).toFixed(2),
    `${((r.validateMs + r.importMs) / r.rawMs).toFixed(1)}×`,
    `${(r.importMs / r.rawMs).toFixed(1)}×`,
    `${r.startMb.toFixed(0)} → ${r.peakMb.toFixed(0)}`,
    r.listMs === null ? '–' : r.listMs.toFixed(0),
    r.sqlMs.toFixed(0),
    String(r.listTotal),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
