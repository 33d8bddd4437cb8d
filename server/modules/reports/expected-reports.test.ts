import { describe, expect, it } from 'vitest';
import { createUnit } from '../../../test/factories.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { dissolveOrgUnit } from '../org-units/dissolve-org-unit.js';
import { complianceState, isSubmittedOnTime, listExpectedReports, reportDeadline } from './expected-reports.js';
import { useReportingWorld } from './reports.fixtures.js';

describe('who owes which report', () => {
  const ctx = useReportingWorld();
  const owing = async (kind: 'monthly' | 'half_year' | 'year', month: number) => {
    const p = ctx.world.period(kind, month);
    const rows = await listExpectedReports(ctx.database.db, { periodIds: [p.id] });
    return rows.map((r) => r.unit.shortName).sort();
  };

  it('follows the units through a move, a merge and foundings mid-year', async () => {
    // March: G7 founded 01/03 owes; G5 (10/07) and G9 (01/07) do not; G6 still under S; G8 not merged yet.
    expect(await owing('monthly', 3)).toEqual(['G1', 'G2', 'G3', 'G4', 'G6', 'G7', 'G8']);
    // February: before G7.
    expect(await owing('monthly', 2)).toEqual(['G1', 'G2', 'G3', 'G4', 'G6', 'G8']);
    // June: the merged unit's last month; G6 still under S on 25/06.
    expect(await owing('monthly', 6)).toEqual(['G1', 'G2', 'G3', 'G4', 'G6', 'G7', 'G8']);
    // July: G6 moved out, G8 merged into G9 (new from 01/07), G5 founded 10/07 exists on 25/07.
    expect(await owing('monthly', 7)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G7', 'G9']);
    // Half-year cut-off 15/06 and year cut-off 15/11.
    expect(await owing('half_year', 6)).toEqual(['G1', 'G2', 'G3', 'G4', 'G6', 'G7', 'G8']);
    expect(await owing('year', 11)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G7', 'G9']);
  });

  it('a unit dissolved mid-period owes only its months: to February when dissolved on 10 March, no half-year or year report', async () => {
    const db = ctx.database.db;
    const g10 = await createUnit(db, { kind: 'grassroots_union', parentId: ctx.world.tree.s.id, shortName: 'G10' });
    await dissolveOrgUnit(db, SYSTEM_ACTOR, g10.id, { date: '2024-03-10' });
    const rows = await listExpectedReports(db, { unitIds: [g10.id], programIds: [ctx.world.programId] });
    expect(rows.map((r) => `${r.period.kind} ${r.period.dataTo}`)).toEqual(['monthly 2024-01-25', 'monthly 2024-02-25']);
    // The merged unit (G8, merged into G9 on 01/07) owes January–June, its successor July–December.
    const g8 = await listExpectedReports(db, { unitIds: [ctx.world.tree.g8.id], kinds: ['monthly'] });
    expect(g8.map((r) => r.period.dataTo.slice(5, 7))).toEqual(['01', '02', '03', '04', '05', '06']);
    const g9 = await listExpectedReports(db, { unitIds: [ctx.world.tree.g9.id], kinds: ['monthly'] });
    expect(g9.map((r) => r.period.dataTo.slice(5, 7))).toEqual(['07', '08', '09', '10', '11', '12']);
    // Founded on 10/07 (G5): from July, and the year report (by deadline: the year's 20/11 before November's 25/11); moved out on 01/07 (G6): to June, and the half-year report.
    const g5 = await listExpectedReports(db, { unitIds: [ctx.world.tree.g5.id] });
    expect(g5.map((r) => `${r.period.kind} ${r.period.dataTo.slice(5, 7)}`)).toEqual([
      'monthly 07',
      'monthly 08',
      'monthly 09',
      'monthly 10',
      'year 11',
      'monthly 11',
      'monthly 12',
    ]);
    const g6 = await listExpectedReports(db, { unitIds: [ctx.world.tree.g6.id] });
    expect(g6.map((r) => `${r.period.kind} ${r.period.dataTo.slice(5, 7)}`)).toEqual([
      'monthly 01',
      'monthly 02',
      'monthly 03',
      'monthly 04',
      'monthly 05',
      'half_year 06',
      'monthly 06',
    ]);
  });

  it('filters by unit, subtree and reader, and says not started', async () => {
    const db = ctx.database.db;
    const rows = await listExpectedReports(db, { unitIds: [ctx.world.tree.g1.id], kinds: ['monthly'] });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.state === 'not_started' && r.report === null)).toBe(true);
    expect(rows[0]!.overdue).toBe(true);
    const future = await listExpectedReports(db, {
      unitIds: [ctx.world.tree.g1.id],
      kinds: ['monthly'],
      now: new Date('2024-01-10T00:00:00Z'),
    });
    expect(future.filter((r) => r.overdue)).toHaveLength(0);
    const readable = await listExpectedReports(db, { readableBy: ctx.actors.chairG1, kinds: ['monthly'] });
    expect(new Set(readable.map((r) => r.unit.id))).toEqual(new Set([ctx.world.tree.g1.id]));
    const under = await listExpectedReports(db, { underUnitId: ctx.world.tree.g2.id, kinds: ['year'] });
    expect(under.map((r) => r.unit.shortName)).toEqual(['G2']);
    expect(under[0]!.parent?.id).toBe(ctx.world.tree.s.id);
  });
});

describe('on time or late (24:00 in Vietnam of the due day)', () => {
  it('judges 23:59 as on time and 00:01 the next day as late', () => {
    expect(reportDeadline('2024-03-25').toISOString()).toBe('2024-03-25T17:00:00.000Z');
    expect(isSubmittedOnTime('2024-03-25T16:59:00Z', '2024-03-25')).toBe(true); // 23:59 UTC+7
    expect(isSubmittedOnTime('2024-03-25T17:01:00Z', '2024-03-25')).toBe(false); // 00:01 on the 26th UTC+7
    expect(complianceState('submitted', '2024-03-25T16:59:00Z', '2024-03-25')).toBe('submitted_on_time');
    expect(complianceState('submitted', '2024-03-25T17:01:00Z', '2024-03-25')).toBe('submitted_late');
    expect(complianceState(null, null, '2024-03-25')).toBe('not_started');
  });
});
