// Shared set-up for the reporting cycle's database tests (not a test file):
// the indicator tests' tree (S with G1–G7: G5 founded 10/07/2024, G6 moved
// to O on 01/07/2024, G7 founded 01/03/2024), plus G8 merged into G9 on
// 01/07/2024, an issued 2024 program of S with targets in two task groups,
// and signed-in users (chairs, officers, a leader).
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../../common/enums.js';
import { DEMO_PROGRAM_2024 } from '../../../scripts/demo/program-2024.js';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle, Executor } from '../../db/client.js';
import { dataElements, programs, reports, targets } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { SYSTEM_ACTOR, type Actor } from '../../lib/access.js';
import { loadAssignments } from '../../lib/access.js';
import type { AppError } from '../../lib/errors.js';
import type { App } from '../../lib/http.js';
import type { FactCounting } from '../../../common/reports.js';
import { computeTargets } from '../indicators/compute-targets.js';
import { buildTree, element, fact, indicator, target } from '../indicators/indicators.fixtures.js';
import { mergeOrgUnit } from '../org-units/merge-org-unit.js';
import { programChain } from './report-periods.js';
import { loadReportSchedule } from './get-report-schedule.js';
import { saveReportDraft } from './save-report-draft.js';
import { submitReport } from './submit-report.js';

const uid = () => crypto.randomBytes(4).toString('hex');

export async function buildReportingWorld(db: Executor) {
  const tree = await buildTree(db);
  const g8 = await createUnit(db, { kind: 'grassroots_union', parentId: tree.s.id, shortName: 'G8' });
  const g9 = await createUnit(db, { kind: 'grassroots_union', parentId: tree.s.id, shortName: 'G9', validFrom: '2024-07-01' });
  await mergeOrgUnit(db, SYSTEM_ACTOR, g8.id, { intoUnitId: g9.id, date: '2024-07-01' });
  const [prog] = await db
    .insert(programs)
    .values({
      ...(({ unitCode: _c, ...rest }) => rest)(DEMO_PROGRAM_2024),
      unitId: tree.s.id,
      number: Math.floor(Math.random() * 9000) + 1,
      status: 'issued',
      issuedOn: '2024-01-15',
      issuedAt: new Date('2024-01-15T03:00:00Z'),
    })
    .returning();
  // Members at month end (from the registry: derived), trained members (a whole count ≤ members),
  // a yes/no and the year-end grade (asked in the year report only).
  const members = await element(db, 'number', 'last');
  await db.update(dataElements).set({ derivedFrom: 'active_members', nameVi: 'Số đoàn viên' }).where(eq(dataElements.id, members));
  const trained = await element(db, 'number', 'sum');
  await db
    .update(dataElements)
    .set({ wholeNumber: true, upperBoundElementId: members, allowsNotApplicable: false, nameVi: 'Số đoàn viên được tập huấn' })
    .where(eq(dataElements.id, trained));
  const held = await element(db, 'boolean', 'any');
  await db.update(dataElements).set({ nameVi: 'Có tổ chức sinh hoạt' }).where(eq(dataElements.id, held));
  const grade = await element(db, 'grade', 'last');
  await db.update(dataElements).set({ reportedIn: 'year', nameVi: 'Xếp loại' }).where(eq(dataElements.id, grade));
  const sumTrained = await indicator(db, { measure: 'sum', numerator: trained });
  const shareHeld = await indicator(db, { measure: 'share_of_units', condition: { elementId: held, operator: 'is_true' } });
  const strong = await indicator(db, {
    measure: 'count_of_units',
    condition: { elementId: grade, operator: 'in', values: ['xuat_sac', 'tot'] },
  });
  const tTrained = await target(db, { indicatorId: sumTrained, scopeUnitId: tree.s.id, value: 100, programId: prog!.id, sortOrder: 1 });
  const tHeld = await target(db, { indicatorId: shareHeld, scopeUnitId: tree.s.id, value: 80, programId: prog!.id, sortOrder: 2 });
  const tStrong = await target(db, { indicatorId: strong, scopeUnitId: tree.s.id, value: 3, programId: prog!.id, sortOrder: 3 });
  await db.update(targets).set({ taskGroupNumber: 1 }).where(eq(targets.id, tTrained));
  await db.update(targets).set({ taskGroupNumber: 2 }).where(eq(targets.id, tHeld));
  await db.update(targets).set({ taskGroupNumber: 2 }).where(eq(targets.id, tStrong));
  // Members at month end for G1 and G2 (as the registry would give).
  for (const u of [tree.g1.id, tree.g2.id])
    for (let m = 1; m <= 12; m++) await fact(db, u, members, `2024-${String(m).padStart(2, '0')}`, { n: 20 });
  const chain = (await programChain(db, prog!.id))!;
  const schedule = await loadReportSchedule(db, chain);
  const period = (kind: string, month: number) => schedule.periods.find((p) => p.kind === kind && Number(p.dataTo.slice(5, 7)) === month)!;
  return {
    tree: { ...tree, g8, g9 },
    programId: prog!.id,
    elements: { members, trained, held, grade },
    targets: { trained: tTrained, held: tHeld, strong: tStrong },
    period,
  };
}

export interface ReportingTestContext {
  database: DatabaseHandle;
  app: App;
  world: Awaited<ReturnType<typeof buildReportingWorld>>;
  /** Actors for calling use-cases directly. */
  actors: Record<'chairG1' | 'chairG2' | 'officerS' | 'officerS2' | 'officerO' | 'leaderS' | 'chairG5', Actor>;
  clients: Record<'chairG1' | 'chairG2' | 'officerS' | 'officerS2' | 'leaderS', Client>;
}

export function useReportingWorld(): ReportingTestContext {
  const ctx = {} as ReportingTestContext;
  beforeAll(async () => {
    ctx.database = await createTestDatabase();
    ctx.app = await createTestApp(ctx.database);
    const db = ctx.database.db;
    ctx.world = await buildReportingWorld(db);
    const t = ctx.world.tree;
    const make = async (role: Role, unitId: string, fullName = `Người ${role}`) => {
      const user = await createUser(db, { role, unitId, username: `${role}_${uid()}`, fullName });
      const actor: Actor = {
        userId: user.id,
        username: user.username,
        fullName: user.fullName,
        locale: 'vi',
        assignments: await loadAssignments(db, user.id, '2024-06-01'),
      };
      return { user, actor };
    };
    const chairG1 = await make('grassroots_officer', t.g1.id);
    const chairG2 = await make('grassroots_officer', t.g2.id);
    const chairG5 = await make('grassroots_officer', t.g5.id);
    const officerS = await make('federation_officer', t.s.id, 'Trần Thị Văn Phòng');
    const officerS2 = await make('federation_officer', t.s.id, 'Lê Văn Thứ Hai');
    const officerO = await make('federation_officer', t.o.id);
    const leaderS = await make('federation_leader', t.s.id);
    ctx.actors = {
      chairG1: chairG1.actor,
      chairG2: chairG2.actor,
      chairG5: chairG5.actor,
      officerS: officerS.actor,
      officerS2: officerS2.actor,
      officerO: officerO.actor,
      leaderS: leaderS.actor,
    };
    ctx.clients = {
      chairG1: await signInAs(ctx.app, chairG1.user.username),
      chairG2: await signInAs(ctx.app, chairG2.user.username),
      officerS: await signInAs(ctx.app, officerS.user.username),
      officerS2: await signInAs(ctx.app, officerS2.user.username),
      leaderS: await signInAs(ctx.app, leaderS.user.username),
    };
  }, 300_000); // a migrated database on a busy machine
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

type World = Awaited<ReturnType<typeof buildReportingWorld>>;

/** The refusal a use-case ends with; fails the test when it succeeds. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

/** The report's row version as stored now (what a reader would send as expectedVersion). */
export async function reportVersion(db: Executor, id: string): Promise<number> {
  return (await db.select({ v: reports.rowVersion }).from(reports).where(eq(reports.id, id)))[0]!.v;
}

/** A complete monthly report's values: trained members (≤ 20 for G1 and G2) and "held" yes/no. */
export const monthlyValues = (world: World, trained: number, held = true) => [
  { dataElementId: world.elements.trained, number: trained, notApplicable: false },
  { dataElementId: world.elements.held, bool: held, notApplicable: false },
];

/** Saves a complete monthly report of the unit and submits it (at `now`); returns its id. */
export async function submitMonthly(
  db: Executor,
  actor: Actor,
  world: World,
  input: { month: number; unitId: string; trained: number; held?: boolean; now?: Date },
): Promise<string> {
  const period = world.period('monthly', input.month);
  const { id } = await saveReportDraft(db, actor, period.id, input.unitId, {
    values: monthlyValues(world, input.trained, input.held),
    narratives: {},
    expectedVersion: null,
  });
  await submitReport(db, actor, id, { expectedVersion: await reportVersion(db, id) }, input.now);
  return id;
}

/**
 * What a refused step must leave as it was: the rows of the reporting tables,
 * the report audit entries and the notices, with a signature of every
 * report's status and version and every fact a report gave.
 */
export async function workflowState(db: Executor) {
  const [row] = await queryRows<Record<string, string | number>>(
    db,
    sql`select (select count(*)::int from reports) as reports,
      (select count(*)::int from report_values) as "values",
      (select count(*)::int from report_events) as events,
      (select count(*)::int from audit_log where entity_type in ('report', 'report_period')) as audits,
      (select count(*)::int from notifications) as notices,
      (select coalesce(string_agg(id::text || status || row_version, ',' order by id), '') from reports) as report_sig,
      (select coalesce(string_agg(report_id::text || data_element_id::text || coalesce(value_number::text, '-') || approved, ',' order by report_id, data_element_id), '')
         from facts where report_id is not null) as fact_sig,
      (select coalesce(string_agg(id::text || coalesce(closed_at::text, '-') || row_version, ',' order by id), '') from report_periods) as period_sig`,
  );
  return row!;
}

/** The engine's value of a target as of a day (default: the year's end), counting submitted (default) or approved reports only. */
export async function targetValue(
  db: Executor,
  targetId: string,
  options: { asOf?: string; counting?: FactCounting } = {},
): Promise<number | null> {
  const [row] = await computeTargets(
    db,
    { targetIds: [targetId] },
    options.asOf ?? '2024-12-31',
    sql`true`,
    options.counting ?? 'submitted',
  );
  return row!.value;
}
