// Shared set-up for the indicator engine's database tests (not a test file):
// a small tree with hand-checkable cases, and direct inserts of definitions
// and facts (reports will write facts later).
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../../common/enums.js';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser } from '../../../test/factories.js';
import type { DatabaseHandle, Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/audit.js';
import { queryRows } from '../../db/sql.js';
import type { App } from '../../lib/http.js';
import { dataElements, facts, indicators, targets } from '../../db/schema/indicators.js';
import { orgUnitParents } from '../../db/schema/org-units.js';
import { programs } from '../../db/schema/programs.js';
import { refreshOrgUnitPaths } from '../org-units/refresh-org-unit-paths.js';
import type { Aggregation, ConditionOperator, Measure, RecordSourceName, ValueType } from '../../../common/indicators.js';

const uid = () => crypto.randomBytes(4).toString('hex');

/**
 * S and O: two district federations under province P. Grassroots units under S:
 * - g1, g2, g3, g4: there all along (2020 →);
 * - g5: founded 10/07/2024 under S (non-state enterprise);
 * - g6: under S until 30/06/2024, then moved under O from 01/07/2024;
 * - g7: founded 01/03/2024 under S (state agency).
 */
export async function buildTree(db: Executor) {
  const p = await createUnit(db, { kind: 'province_federation', shortName: 'P' });
  const s = await createUnit(db, { kind: 'district_federation', parentId: p.id, shortName: 'S' });
  const o = await createUnit(db, { kind: 'district_federation', parentId: p.id, shortName: 'O' });
  const g = async (shortName: string, extra: Parameters<typeof createUnit>[1] = {}) =>
    createUnit(db, { kind: 'grassroots_union', parentId: s.id, shortName, ...extra });
  const g1 = await g('G1');
  const g2 = await g('G2');
  const g3 = await g('G3');
  const g4 = await g('G4');
  const g5 = await g('G5', { validFrom: '2024-07-10', sector: 'non_state_enterprise' });
  const g6 = await g('G6', { parentTo: '2024-06-30' });
  const g7 = await g('G7', { validFrom: '2024-03-01', sector: 'state_agency' });
  await db.insert(orgUnitParents).values({ unitId: g6.id, parentId: o.id, validFrom: '2024-07-01', validTo: null });
  await refreshOrgUnitPaths(db);
  return { p, s, o, g1, g2, g3, g4, g5, g6, g7 };
}

export async function element(
  db: Executor,
  valueType: ValueType,
  aggregation: Aggregation,
  gradeOptions: string[] | null = valueType === 'grade' ? ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'] : null,
) {
  const [row] = await db
    .insert(dataElements)
    .values({ code: `de_${uid()}`, nameVi: 'Dữ liệu', nameEn: 'Data', valueType, aggregation, allowsNotApplicable: true, gradeOptions })
    .returning();
  return row!.id;
}

export interface IndicatorSpec {
  measure: Measure;
  unitOfMeasure?: string;
  direction?: 'higher_is_better' | 'lower_is_better';
  numerator?: string;
  denominator?: string;
  condition?: { elementId: string; operator: ConditionOperator; number?: number; values?: string[] };
  eligibility?: string;
  unitKinds?: string[];
  recordSource?: RecordSourceName;
  recordFilter?: Record<string, string>;
}

export async function indicator(db: Executor, spec: IndicatorSpec) {
  const [row] = await db
    .insert(indicators)
    .values({
      code: `ind_${uid()}`,
      nameVi: 'Chỉ số',
      nameEn: 'Indicator',
      measure: spec.measure,
      unitOfMeasure: spec.unitOfMeasure ?? (['ratio_of_sums', 'share_of_units'].includes(spec.measure) ? 'percent' : 'count'),
      direction: spec.direction ?? 'higher_is_better',
      numeratorElementId: spec.numerator ?? null,
      denominatorElementId: spec.denominator ?? null,
      conditionElementId: spec.condition?.elementId ?? null,
      conditionOperator: spec.condition?.operator ?? null,
      conditionNumber: spec.condition?.number === undefined ? null : String(spec.condition.number),
      conditionValues: spec.condition?.values ?? null,
      eligibilityElementId: spec.eligibility ?? null,
      ...(spec.unitKinds ? { unitKinds: spec.unitKinds } : {}),
      recordSource: spec.recordSource ?? null,
      recordFilter: spec.recordFilter ?? null,
    })
    .returning();
  return row!.id;
}

export async function target(
  db: Executor,
  input: {
    indicatorId: string;
    scopeUnitId: string;
    comparator?: 'gte' | 'lte' | 'eq';
    value: number;
    tolerance?: number;
    periodFrom?: string;
    periodTo?: string;
    sortOrder?: number;
    programId?: string;
  },
) {
  const [row] = await db
    .insert(targets)
    .values({
      indicatorId: input.indicatorId,
      programId: input.programId ?? null,
      text: 'Chỉ tiêu thử',
      comparator: input.comparator ?? 'gte',
      value: String(input.value),
      unitOfMeasure: 'count',
      periodFrom: `${input.periodFrom ?? '2024-01'}-01`,
      periodTo: `${input.periodTo ?? '2024-12'}-01`,
      scopeUnitId: input.scopeUnitId,
      tolerance: String(input.tolerance ?? 0),
      sortOrder: input.sortOrder ?? 0,
    })
    .returning();
  return row!.id;
}

/** A monthly fact: n (number), b (yes/no), t (grade/text) or na (not applicable). */
export async function fact(
  db: Executor,
  unitId: string,
  elementId: string,
  month: string,
  value: { n?: number; b?: boolean; t?: string; na?: boolean },
) {
  await db.insert(facts).values({
    unitId,
    dataElementId: elementId,
    month: `${month}-01`,
    valueNumber: value.n === undefined ? null : String(value.n),
    valueBool: value.b ?? null,
    valueText: value.t ?? null,
    notApplicable: value.na ?? false,
  });
}

export interface IndicatorsTestContext {
  database: DatabaseHandle;
  app: App;
  tree: Awaited<ReturnType<typeof buildTree>>;
  admin: Client;
  /** federation_officer over S. */
  officerS: Client;
  /** federation_officer over O (a sibling of S). */
  officerO: Client;
  /** viewer over S. */
  viewerS: Client;
  /** grassroots_officer of G1. */
  chairG1: Client;
}

/** A fresh database and app per test file, with the tree and signed-in users. */
export function useIndicatorsApp(): IndicatorsTestContext {
  const ctx = {} as IndicatorsTestContext;
  beforeAll(async () => {
    ctx.database = await createTestDatabase();
    ctx.app = await createTestApp(ctx.database);
    const db = ctx.database.db;
    ctx.tree = await buildTree(db);
    const user = async (role: Role, unitId: string) => signInAs(ctx.app, (await createUser(db, { role, unitId })).username);
    ctx.admin = await user('system_admin', ctx.tree.p.id);
    ctx.officerS = await user('federation_officer', ctx.tree.s.id);
    ctx.officerO = await user('federation_officer', ctx.tree.o.id);
    ctx.viewerS = await user('viewer', ctx.tree.s.id);
    ctx.chairG1 = await user('grassroots_officer', ctx.tree.g1.id);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

export async function auditCount(database: DatabaseHandle): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
  return Number(row!.n);
}

export async function auditRows(database: DatabaseHandle, entityId: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
}

/** A draft program row of a unit (only what the targets' foreign key needs). */
export async function program(db: Executor, unitId: string) {
  const [row] = await db
    .insert(programs)
    .values({
      unitId,
      year: 2024,
      kind: 'program',
      number: Math.floor(Math.random() * 9000) + 1,
      symbol: 'CTr-LĐLĐ',
      place: 'Vĩnh Thuận',
      title: 'Công tác Công đoàn năm 2024',
      issuingBodyName: 'LĐLĐ HUYỆN',
      signatureAuthority: 'TM. BAN CHẤP HÀNH',
      signerTitle: 'CHỦ TỊCH',
      signerName: 'Nguyễn Văn A',
      content: {} as never,
    })
    .returning();
  return row!.id;
}
