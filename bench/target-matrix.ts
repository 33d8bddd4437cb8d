// The leader's matrix on the demo (issue 10): units × targets of the 2024 program
// as of 30/11/2024, computed in ONE engine statement (computeUnitCells) against
// one breakdown statement per target (computeTargetBreakdown × 11), on PGlite
// (and PostgreSQL when DATABASE_URL is set). Prints figures (median of 7), no pass/fail.
// Run: node --import tsx bench/target-matrix.ts
import { and, eq, sql } from 'drizzle-orm';
import { loadDemoData } from '../scripts/demo/load-demo-data.js';
import { openDatabase } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { programs, targets } from '../server/db/schema/index.js';
import { computeTargetBreakdown } from '../server/modules/indicators/compute-target-breakdown.js';
import { computeUnitCells } from '../server/modules/indicators/compute-unit-cells.js';

const AS_OF = '2024-11-30';
const RUNS = 7;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: null });
try {
  await migrateDatabase(database);
  const unitIds = await loadDemoData(database.db);
  const [program] = await database.db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.unitId, unitIds.get('VT')!), eq(programs.year, 2024)));
  const ids = (await database.db.select({ id: targets.id }).from(targets).where(eq(targets.programId, program!.id))).map((t) => t.id);
  let cells = 0;
  const one = await median(async () => {
    cells = (await computeUnitCells(database.db, sql`tg.program_id = ${program!.id}::uuid`, AS_OF)).length;
  });
  const perTarget = await median(async () => {
    for (const id of ids) await computeTargetBreakdown(database.db, id, AS_OF);
  });
  console.log(`${database.engine}: ${ids.length} targets, ${cells} cells`);
  console.log(`  one statement (computeUnitCells):     ${one.toFixed(1)} ms`);
  console.log(`  per-target breakdowns (${ids.length} statements): ${perTarget.toFixed(1)} ms`);
} finally {
  await database.close();
}
