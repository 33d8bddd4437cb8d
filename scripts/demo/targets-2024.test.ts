// The indicator engine's demo data for the seed program: the dashboard as of
// 30/11/2024 must show a mix of statuses, units with no data, "not
// applicable" units, and VT21 counted as the new CĐCS of target 7b.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/db/client.js';
import { indicators, programs } from '../../server/db/schema/index.js';
import { queryRows } from '../../server/db/sql.js';
import { computeAllocationProgress } from '../../server/modules/indicators/compute-allocation-progress.js';
import { computeTargetBreakdown } from '../../server/modules/indicators/compute-target-breakdown.js';
import { computeTargets, type TargetProgress } from '../../server/modules/indicators/compute-targets.js';
import { createTestDatabase } from '../../test/db.js';
import { loadDemoData } from './load-demo-data.js';
import { demoFacts } from './targets-2024.js';

const AS_OF = '2024-11-30';

describe('demo targets of the Vĩnh Thuận 2024 program', () => {
  let database: DatabaseHandle;
  let unitIds: Map<string, string>;
  let progress: TargetProgress[];
  const byCode = (code: string) => progress.find((p) => p.code === code)!;

  beforeAll(async () => {
    database = await createTestDatabase();
    unitIds = await loadDemoData(database.db);
    const [program] = await database.db.select({ id: programs.id }).from(programs).where(eq(programs.year, 2024));
    progress = await computeTargets(database.db, { programId: program!.id }, AS_OF);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has the eleven targets of the program, in the seed order, with the seed marks', () => {
    expect(progress.map((p) => p.code)).toEqual(['1', '2', '3', '4', '5', '6', '7a', '7b', '8', '9', '10']);
    expect(progress.filter((p) => p.stretch).map((p) => p.code)).toEqual(['5', '8']);
    expect(progress.filter((p) => p.whenConditionsAllow).map((p) => p.code)).toEqual(['7b']);
    for (const p of progress) {
      expect(p.scopeUnitId).toBe(unitIds.get('VT'));
      expect(p.period).toEqual({ from: '2024-01', to: '2024-12' });
    }
  });

  it('shows a mix of statuses as of 30/11/2024', () => {
    const statuses = Object.fromEntries(progress.map((p) => [p.code, p.status]));
    expect(statuses).toEqual({
      '1': 'at_risk',
      '2': 'achieved',
      '3': 'achieved',
      '4': 'achieved',
      '5': 'off_track',
      '6': 'at_risk',
      '7a': 'achieved',
      '7b': 'achieved',
      '8': 'off_track',
      '9': 'on_track',
      '10': 'at_risk',
    });
    for (const status of ['achieved', 'on_track', 'at_risk', 'off_track']) expect(Object.values(statuses)).toContain(status);
  });

  it('shows the two CĐCS that never reported as no data, and target 6 not applicable without a UBKT', async () => {
    expect(byCode('2').noDataUnits).toBe(2);
    const breakdown = await computeTargetBreakdown(database.db, byCode('1').targetId, AS_OF);
    expect(breakdown.filter((u) => u.state === 'no_data').map((u) => u.unitCode).sort()).toEqual(['VT19', 'VT20']);
    expect(byCode('6').notApplicableUnits).toBe(8);
    expect(byCode('6').eligibleUnits).toBe(11);
    // VT21 (founded 15/08/2024) is in, from August.
    const vt21 = breakdown.find((u) => u.unitCode === 'VT21')!;
    expect(vt21.state).toBe('reported');
    expect(vt21.months).toBe(4);
  });

  it('counts VT21 as the new CĐCS in a non-state enterprise (7b)', async () => {
    expect(byCode('7b').value).toBe(1);
    const breakdown = await computeTargetBreakdown(database.db, byCode('7b').targetId, AS_OF);
    expect(breakdown.filter((u) => (u.value ?? 0) > 0).map((u) => u.unitCode)).toEqual(['VT21']);
  });

  it('follows the allocations of 7a and 9', async () => {
    const members = await computeAllocationProgress(database.db, byCode('7a').targetId, AS_OF);
    expect(members).toHaveLength(3);
    expect(new Set(members.map((a) => a.status)).size).toBeGreaterThan(1);
    const workerMonth = await computeAllocationProgress(database.db, byCode('9').targetId, AS_OF);
    expect(workerMonth).toHaveLength(15);
  });

  it('reports facts only in the months a unit existed, deterministically', () => {
    const facts = demoFacts();
    expect(facts.filter((f) => f.unit === 'VT21').every((f) => f.month >= '2024-08')).toBe(true);
    expect(facts.some((f) => f.unit === 'VT19' || f.unit === 'VT20')).toBe(false);
    expect(JSON.stringify(demoFacts())).toBe(JSON.stringify(facts));
  });

  it('records every definition in the audit log in the load transaction', async () => {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action in ('data_element.create', 'indicator.create', 'target.create')`,
    );
    expect(Number(row!.n)).toBe(13 + 11 + 11);
  });
});

describe('loading the demo data', () => {
  it('is one transaction: a refused indicator leaves nothing behind', async () => {
    const database = await createTestDatabase();
    try {
      // The last indicator's code is taken, so the load fails after units, program, elements and ten targets.
      await database.db
        .insert(indicators)
        .values({ code: 'mai_am_houses_total', nameVi: 'Đã có', nameEn: 'Taken', measure: 'sum', unitOfMeasure: 'count' });
      await expect(loadDemoData(database.db)).rejects.toThrow();
      const [row] = await queryRows<{ units: number; programs: number; elements: number; targets: number; audit: number }>(
        database.db,
        sql`select (select count(*) from org_units)::int as units, (select count(*) from programs)::int as programs,
              (select count(*) from data_elements)::int as elements, (select count(*) from targets)::int as targets,
              (select count(*) from audit_log)::int as audit`,
      );
      expect(row).toEqual({ units: 0, programs: 0, elements: 0, targets: 0, audit: 0 });
    } finally {
      await database.close();
    }
  });
});
