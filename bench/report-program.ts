// Shared by bench/reporting.ts and bench/load.ts: an issued program of a
// federation with three reported targets (a sum, a share of units, a count of
// units) in task groups 1–3, and its report periods. Written as rows (set-up of
// a benchmark, not what is measured), as the indicator engine's test fixtures do.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../server/db/client.js';
import { programs, targets } from '../server/db/schema/index.js';
import { queryRows } from '../server/db/sql.js';
import { element, indicator, target } from '../server/modules/indicators/indicators.fixtures.js';
import { ensureReportPeriods } from '../server/modules/reports/report-periods.js';
import { DEMO_PROGRAM_2024 } from '../scripts/demo/program-2024.js';

export interface ReportProgram {
  programId: string;
  elements: { trained: string; held: string; reached: string };
}

export async function insertReportProgram(
  db: Executor,
  input: { unitId: string; year: number; number: number; grassrootsUnits: number; title?: string },
): Promise<ReportProgram> {
  const { unitCode: _code, ...fields } = DEMO_PROGRAM_2024;
  const [prog] = await db
    .insert(programs)
    .values({
      ...fields,
      year: input.year,
      title: input.title ?? fields.title,
      unitId: input.unitId,
      number: input.number,
      status: 'issued',
      issuedOn: `${input.year}-01-15`,
      issuedAt: new Date(`${input.year}-01-15T03:00:00Z`),
    })
    .returning();
  const trained = await element(db, 'number', 'sum');
  const held = await element(db, 'boolean', 'any');
  const reached = await element(db, 'number', 'last');
  const n = input.grassrootsUnits;
  const specs = [
    [await indicator(db, { measure: 'sum', numerator: trained }), 10 * n, 1],
    [await indicator(db, { measure: 'share_of_units', condition: { elementId: held, operator: 'is_true' } }), 90, 2],
    [await indicator(db, { measure: 'count_of_units', condition: { elementId: reached, operator: '>=', number: 10 } }), n / 2, 3],
  ] as const;
  for (const [i, [indicatorId, value, group]] of specs.entries()) {
    const id = await target(db, {
      indicatorId,
      scopeUnitId: input.unitId,
      value,
      programId: prog!.id,
      sortOrder: i + 1,
      periodFrom: `${input.year}-01`,
      periodTo: `${input.year}-12`,
    });
    await db.update(targets).set({ taskGroupNumber: group }).where(eq(targets.id, id));
  }
  await ensureReportPeriods(db, prog!.id, input.year);
  return { programId: prog!.id, elements: { trained, held, reached } };
}

/** The program's monthly periods, in order. */
export async function monthlyPeriodIds(db: Executor, programId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from report_periods where program_id = ${programId}::uuid and kind = 'monthly' order by data_from`,
  );
  return rows.map((r) => r.id);
}
