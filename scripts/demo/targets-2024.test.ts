// The indicator engine's demo data for the seed program: the dashboard as of
// 30/11/2024 must show a mix of statuses, units with no data, "not
// applicable" units, and VT21 counted as the new CĐCS of target 7b; target
// 7a counts the admissions of the demo member registry (members-2024.ts).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/db/client.js';
import { deriveMemberState, type MemberEventFact } from '../../common/members.js';
import { indicators, orgUnits, programs } from '../../server/db/schema/index.js';
import { queryRows } from '../../server/db/sql.js';
import { computeAllocationProgress } from '../../server/modules/indicators/compute-allocation-progress.js';
import { computeTargetBreakdown } from '../../server/modules/indicators/compute-target-breakdown.js';
import { computeTargets, type TargetProgress } from '../../server/modules/indicators/compute-targets.js';
import { createTestDatabase } from '../../test/db.js';
import { COMPLIANCE_STATES } from '../../common/reports.js';
import { listExpectedReports } from '../../server/modules/reports/expected-reports.js';
import { loadDemoData } from './load-demo-data.js';
import type { Actor } from '../../server/lib/access.js';
import { admitMember } from '../../server/modules/members/admit-member.js';
import { AdmitMemberBody } from '../../server/modules/members/schemas.js';
import { demoActiveCounts, demoMembers, demoMemberState, monthEnd } from './members-2024.js';
import { demoActivities } from './activities-2024.js';
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
  }, 300_000); // the load writes about 500 reports through the report use-cases
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
    expect(
      breakdown
        .filter((u) => u.state === 'no_data')
        .map((u) => u.unitCode)
        .sort(),
    ).toEqual(['VT19', 'VT20']);
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

  it('has reports in every state, written through the report use-cases', async () => {
    const [program] = await database.db.select({ id: programs.id }).from(programs).where(eq(programs.year, 2024));
    const expected = await listExpectedReports(database.db, { programIds: [program!.id] });
    const states = new Set(expected.map((e) => e.state));
    expect([...states].sort()).toEqual([...COMPLIANCE_STATES].sort());
    // Late: first sent after the deadline, e.g. VT17's December report.
    const december = expected.filter((e) => e.period.kind === 'monthly' && e.period.factMonth === '2024-12-01');
    expect(december.find((e) => e.unit.code === 'VT17')!.state).toBe('submitted_late');
    // VT19 and VT20 never started a report; VT21 owes from August only.
    expect(expected.filter((e) => ['VT19', 'VT20'].includes(e.unit.code)).every((e) => e.state === 'not_started')).toBe(true);
    expect(expected.filter((e) => e.unit.code === 'VT21' && e.period.kind === 'monthly').map((e) => e.period.factMonth)[0]).toBe(
      '2024-08-01',
    );
    // Returned reports carry the reviewer's comment and a field comment; half-year reports their narratives.
    const [row] = await queryRows<{ returned: number; commented: number; half_year_narratives: number; history: number }>(
      database.db,
      sql`select (count(*) filter (where r.status = 'returned'))::int as returned,
          (count(*) filter (where r.status = 'returned' and r.review_comment is not null and r.field_comments <> '{}'::jsonb))::int as commented,
          (count(*) filter (where p.kind = 'half_year' and r.narratives <> '{}'::jsonb))::int as half_year_narratives,
          (select count(*) from report_events where action = 'resubmitted')::int as history
        from reports r join report_periods p on p.id = r.period_id`,
    );
    expect(row!.returned).toBeGreaterThan(0);
    expect(row!.commented).toBe(row!.returned);
    expect(row!.half_year_narratives).toBe(18);
    expect(row!.history).toBeGreaterThan(0);
  });

  it('takes every reported fact of the CĐCS from a report (facts.report_id)', async () => {
    const [row] = await queryRows<{ total: number; from_reports: number; approved: number }>(
      database.db,
      sql`select count(*)::int as total, count(f.report_id)::int as from_reports, (count(*) filter (where f.approved))::int as approved
        from facts f join data_elements de on de.id = f.data_element_id and de.derived_from is null
        join org_units u on u.id = f.unit_id and u.code like 'VT__'`,
    );
    // Two reported elements (workers who are not members, the democracy regulation); the others are derived.
    expect(row!.total).toBeGreaterThan(400);
    expect(row!.from_reports).toBe(row!.total);
    expect(row!.approved).toBeGreaterThan(row!.total * 0.9);
    expect(row!.approved).toBeLessThan(row!.total); // November's reports not yet reviewed
  });

  it('reports facts only in the months a unit existed, deterministically', () => {
    const facts = demoFacts();
    expect(facts.filter((f) => f.unit === 'VT21').every((f) => f.month >= '2024-08')).toBe(true);
    expect(facts.some((f) => f.unit === 'VT19' || f.unit === 'VT20')).toBe(false);
    expect(JSON.stringify(demoFacts())).toBe(JSON.stringify(facts));
  });

  it('holds about 1,200 members, each status, unit, admission date and period derived from the events', async () => {
    const db = database.db;
    const [count] = await queryRows<{ n: number; active: number }>(
      db,
      sql`select count(*)::int as n, (count(*) filter (where status = 'active'))::int as active from members`,
    );
    expect(Number(count!.n)).toBe(demoMembers().length);
    expect(Number(count!.n)).toBeGreaterThan(1150);
    expect(Number(count!.n)).toBeLessThan(1250);
    const members = await queryRows<{ id: string; status: string; unit_id: string; admitted_on: string }>(
      db,
      sql`select id, status, unit_id, admitted_on::text as admitted_on from members`,
    );
    const events = await queryRows<{ member_id: string } & Record<string, string | null>>(
      db,
      sql`select member_id, kind, event_date::text as event_date, unit_id, to_unit_id, to_outside_name, transfer_state, decided_on::text as decided_on
        from member_events order by member_id, event_date, seq`,
    );
    const periods = await queryRows<{ member_id: string; unit_id: string; valid_from: string; valid_to: string | null }>(
      db,
      sql`select member_id, unit_id, valid_from::text as valid_from, valid_to::text as valid_to from member_unit_periods order by member_id, valid_from`,
    );
    const groupBy = <T extends { member_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.member_id, [...(map.get(r.member_id) ?? []), r]);
      return map;
    };
    const eventsOf = groupBy(events);
    const periodsOf = groupBy(periods);
    let pending = 0;
    for (const m of members) {
      const facts: MemberEventFact[] = eventsOf.get(m.id)!.map((e) => ({
        kind: e.kind as MemberEventFact['kind'],
        eventDate: e.event_date!,
        unitId: e.unit_id!,
        toUnitId: e.to_unit_id,
        toOutsideName: e.to_outside_name,
        transferState: e.transfer_state as MemberEventFact['transferState'],
        decidedOn: e.decided_on,
      }));
      const state = deriveMemberState(facts);
      expect({ status: m.status, unitId: m.unit_id, admittedOn: m.admitted_on }).toEqual({
        status: state.status,
        unitId: state.unitId,
        admittedOn: state.admittedOn,
      });
      expect((periodsOf.get(m.id) ?? []).map((p) => ({ unitId: p.unit_id, validFrom: p.valid_from, validTo: p.valid_to }))).toEqual(
        state.periods,
      );
      if (state.pendingTransfer) pending++;
    }
    expect(pending).toBe(1);
    const [transfers] = await queryRows<{ pending: number; accepted_2024: number; died: number; rejoined: number }>(
      db,
      sql`select (count(*) filter (where transfer_state = 'pending'))::int as pending,
          (count(*) filter (where transfer_state = 'accepted' and event_date between '2024-01-01' and '2024-12-31'))::int as accepted_2024,
          (count(*) filter (where kind = 'died'))::int as died, (count(*) filter (where kind = 'rejoined'))::int as rejoined
        from member_events`,
    );
    expect(transfers).toEqual({ pending: 1, accepted_2024: 3, died: 1, rejoined: 1 });
    // Unique CCCD (Kiên Giang's 091) and cards, as the registry requires.
    const [ids] = await queryRows<{ bad: number }>(db, sql`select count(*)::int as bad from members where citizen_id !~ '^091[0-9]{9}$'`);
    expect(Number(ids!.bad)).toBe(0);
  });

  it('counts the 2024 admissions of the registry for 7a, in the months they happened', async () => {
    const target = byCode('7a');
    expect(target.measure).toBe('count_of_records');
    const [row] = await queryRows<{ n: number; months: number }>(
      database.db,
      sql`select count(*)::int as n, count(distinct date_trunc('month', event_date))::int as months from member_events
        where kind in ('admitted', 'rejoined') and event_date between '2024-01-01' and ${AS_OF}::date`,
    );
    expect(target.value).toBe(Number(row!.n));
    expect(target.value).toBeGreaterThanOrEqual(15);
    expect(target.value).toBeLessThanOrEqual(25);
    expect(Number(row!.months)).toBeGreaterThanOrEqual(9); // spread over the year
    // VT21 was founded on 15/08/2024 with 9 members (its founding record), then admitted one a month.
    const breakdown = await computeTargetBreakdown(database.db, target.targetId, AS_OF);
    const [vt21] = await database.db.select().from(orgUnits).where(eq(orgUnits.code, 'VT21'));
    expect(vt21!.initialMemberCount).toBe(9);
    expect(breakdown.find((u) => u.unitCode === 'VT21')!.value).toBe(12); // 9 founding members, then one a month
  });

  it('derives members at month end from the registry, and the 2025 CĐCS keep the members of the ones they took over', async () => {
    const rows = await queryRows<{ code: string; month: string; n: number }>(
      database.db,
      sql`select u.code, f.month::text as month, f.value_number::int as n from facts f
        join data_elements de on de.id = f.data_element_id and de.code = 'members_active'
        join org_units u on u.id = f.unit_id
        where (u.code in ('VT14', 'VT02') and f.month in ('2024-11-01', '2025-07-01')) or (u.code = 'AG-CQVT' and f.month = '2025-07-01')`,
    );
    const value = (code: string, month: string) => rows.find((r) => r.code === code && r.month === month)?.n;
    const [founded] = await database.db.select().from(orgUnits).where(eq(orgUnits.code, 'AG-CQVT'));
    expect(value('VT14', '2024-11-01')).toBe(186);
    expect(value('VT14', '2025-07-01')).toBe(186); // re-attached, same members
    expect(value('VT02', '2025-07-01')).toBe(0); // ended on 30/06/2025: its members moved on
    expect(value('AG-CQVT', '2025-07-01')).toBe(founded!.initialMemberCount);
    expect(founded!.initialMemberCount).toBeGreaterThan(100);
  });

  it("derives women members and women holding office from the registry, with the women's share in the catalogue but no target", async () => {
    // As loaded: gender as drawn, a position only for members still active (demoAdmissions).
    const women = new Map<string, number>();
    const officers = new Map<string, number>();
    const day = monthEnd('2024-11');
    for (const m of demoMembers()) {
      const state = demoMemberState(m);
      for (const p of state.periods) {
        if (m.gender !== 'female' || p.validFrom > day || (p.validTo !== null && p.validTo < day)) continue;
        women.set(p.unitId, (women.get(p.unitId) ?? 0) + 1);
        if (state.status === 'active' && m.unionPosition !== 'member') officers.set(p.unitId, (officers.get(p.unitId) ?? 0) + 1);
      }
    }
    const rows = await queryRows<{ element: string; code: string; n: number }>(
      database.db,
      sql`select de.code as element, u.code, f.value_number::int as n from facts f
        join data_elements de on de.id = f.data_element_id and de.code in ('female_members', 'women_office_holders')
        join org_units u on u.id = f.unit_id
        where f.month = '2024-11-01' and u.code like 'VT%'`,
    );
    const of = (element: string) => Object.fromEntries(rows.filter((r) => r.element === element && r.n > 0).map((r) => [r.code, r.n]));
    expect(of('female_members')).toEqual(Object.fromEntries(women));
    expect(of('women_office_holders')).toEqual(Object.fromEntries(officers));
    expect([...women.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    const [share] = await database.db.select().from(indicators).where(eq(indicators.code, 'female_member_share'));
    expect(share).toMatchObject({ measure: 'ratio_of_sums', unitOfMeasure: 'percent', bounded: true });
    expect(progress.some((p) => p.indicatorId === share!.id)).toBe(false);
  });

  it('records every definition in the audit log in the load transaction', async () => {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action in ('data_element.create', 'indicator.create', 'target.create')`,
    );
    // 16 elements: 2 reported, 4 derived from the registry, 10 from the activity records; 12 indicators: 11 measured by targets, the women's share not (yet).
    expect(Number(row!.n)).toBe(16 + 12 + 11);
    const [elements] = await queryRows<{ derived: number; addends: number }>(
      database.db,
      sql`select (count(*) filter (where derived_from is not null))::int as derived,
          (count(*) filter (where derived_addend_element_id is not null))::int as addends from data_elements`,
    );
    expect(elements).toEqual({ derived: 14, addends: 1 });
  });

  it("derives target 1's denominator: members at month end from the registry + the non-member workers the CĐCS reported", async () => {
    const target = byCode('1');
    // The same figure as when units typed 'members_and_workers' themselves: 1,065 reached of 1,122.
    expect(target.value).toBeCloseTo((1065 / 1122) * 100, 3); // 94.92 %
    expect(target).toMatchObject({ status: 'at_risk', reportedUnits: 19, noDataUnits: 2 });
    const registry = demoActiveCounts(monthEnd('2024-11'));
    const workers = new Map(
      demoFacts()
        .filter((f) => f.element === 'non_member_workers' && f.month === '2024-11')
        .map((f) => [f.unit, f.n!]),
    );
    const breakdown = await computeTargetBreakdown(database.db, target.targetId, AS_OF);
    const reported = breakdown.filter((u) => u.state === 'reported');
    expect(reported).toHaveLength(19);
    for (const u of reported)
      expect({ unit: u.unitCode, den: u.denominator }).toEqual({
        unit: u.unitCode,
        den: registry.get(u.unitCode)! + workers.get(u.unitCode)!,
      });
    // Enterprises report workers who are not members; the others a few.
    expect(workers.get('VT17')).toBe(Math.round(200 * 0.12));
    expect(reported.find((u) => u.unitCode === 'VT17')!.denominator).toBe(200 + 24);
  });

  it('keeps the records behind targets 1, 3–6 and 8–10, written by the demo users who keep them', async () => {
    const rows = await queryRows<{ kind: string; unit: string; username: string | null; people: number; chairs: number }>(
      database.db,
      sql`select r.kind, u.code as unit, us.username,
          (select count(*) from activity_record_people p where p.record_id = r.id)::int as people,
          (select count(*) from activity_record_people p where p.record_id = r.id and p.union_position = 'chair')::int as chairs
        from activity_records r join org_units u on u.id = r.unit_id left join users us on us.id = r.created_by
        where r.deleted_at is null`,
    );
    const planned = demoActivities();
    expect(rows).toHaveLength(planned.length);
    expect(rows.every((r) => r.username !== null)).toBe(true);
    // The chairs with an account keep their own union's records; the district classifies and awards.
    expect(new Set(rows.filter((r) => r.unit === 'VT10' && !['classification', 'award'].includes(r.kind)).map((r) => r.username))).toEqual(
      new Set(['cdcs.thpt']),
    );
    expect(new Set(rows.filter((r) => r.kind === 'classification' || r.kind === 'award').map((r) => r.username))).toEqual(
      new Set(['vanphong.vt']),
    );
    expect(new Set(rows.filter((r) => r.unit === 'VT14' && r.kind === 'inspection').map((r) => r.username))).toEqual(new Set(['ubkt.vt']));
    // Each chair trained is named in one training of their union.
    const trained = rows.filter((r) => r.kind === 'training' && r.chairs > 0);
    expect(new Set(trained.map((r) => r.unit)).size).toBe(19);
    expect(trained).toHaveLength(19);
    expect(rows.reduce((n, r) => n + r.people, 0)).toBe(planned.reduce((n, a) => n + a.people.length, 0));
  });

  it('derives from the records, per CĐCS and month, the figures of the demo story', async () => {
    const rows = await queryRows<{
      unit: string;
      element: string;
      month: string;
      n: number | null;
      b: boolean | null;
      t: string | null;
      na: boolean;
    }>(
      database.db,
      sql`select u.code as unit, de.code as element, to_char(f.month, 'YYYY-MM') as month, f.value_number::float8 as n,
          f.value_bool as b, f.value_text as t, f.not_applicable as na
        from facts f join data_elements de on de.id = f.data_element_id and de.derived_from is not null and de.derived_addend_element_id is null
        join org_units u on u.id = f.unit_id
        where de.code <> 'members_active' and f.month between '2024-01-01' and '2024-11-01'`,
    );
    const byKey = new Map(rows.map((r) => [`${r.unit} ${r.element} ${r.month}`, r]));
    const fact = (unit: string, element: string, month: string) => byKey.get(`${unit} ${element} ${month}`);
    const reachedSoFar = new Map<string, number>();
    const story = demoFacts();
    const firstTrained = new Map<string, string>();
    for (const f of story) if (f.element === 'chair_trained' && f.b && !firstTrained.has(f.unit)) firstTrained.set(f.unit, f.month);
    for (const f of story) {
      const got = fact(f.unit, f.element, f.month);
      const what = `${f.element} ${f.unit} ${f.month}`;
      switch (f.element) {
        case 'propaganda_reached': {
          // Reached in the month; summed since January, never more than the story's number reached so far, equal in November.
          const sum = (reachedSoFar.get(f.unit) ?? 0) + (got?.n ?? 0);
          reachedSoFar.set(f.unit, sum);
          expect(sum, what).toBeLessThanOrEqual(f.n!);
          if (f.month === '2024-11') expect(sum, what).toBe(f.n);
          break;
        }
        case 'chair_trained':
          // Yes in the month of the training (the period's "any" reads yes from then on).
          if (firstTrained.get(f.unit) === f.month) expect(got?.b, what).toBe(true);
          break;
        case 'party_candidates_available':
          expect(got?.b, what).toBe(f.b);
          break;
        case 'classification_grade':
          if (f.month === '2024-11') expect(got?.t, what).toBe(f.t);
          break;
        case 'same_level_inspections':
          if (!f.na) expect(got?.n, what).toBe(f.n);
          break;
        case 'party_introductions':
        case 'labour_lawsuits_requested':
        case 'labour_lawsuits_supported':
        case 'worker_month_activities':
        case 'mai_am_houses_supported':
          expect(got?.n, what).toBe(f.n);
          break;
      }
    }
  });

  it('raises the denominator of target 1 when a member is admitted (the registry refreshes the derived facts)', async () => {
    const db = database.db;
    const [admin] = await queryRows<{ user_id: string; id: string; unit_id: string }>(
      db,
      sql`select ra.user_id, ra.id, ra.unit_id from role_assignments ra join users u on u.id = ra.user_id where u.username = 'admin'`,
    );
    const actor: Actor = {
      userId: admin!.user_id,
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      locale: 'vi',
      assignments: [
        { id: admin!.id, role: 'system_admin', unitId: admin!.unit_id, includesSubtree: true, validFrom: '2023-01-01', validTo: null },
      ],
    };
    const denominator = async () =>
      (await computeTargetBreakdown(db, byCode('1').targetId, AS_OF)).find((u) => u.unitCode === 'VT14')!.denominator!;
    const before = await denominator();
    await admitMember(
      db,
      actor,
      AdmitMemberBody.parse({
        fullName: 'Trần Văn Kết Nạp',
        gender: 'male',
        birthDate: '1995-03-03',
        citizenId: '091999000001',
        unitId: unitIds.get('VT14'),
        admittedOn: '2024-11-10',
      }),
    );
    expect(await denominator()).toBe(before + 1);
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
      const [row] = await queryRows<{ units: number; programs: number; elements: number; targets: number; members: number; audit: number }>(
        database.db,
        sql`select (select count(*) from org_units)::int as units, (select count(*) from programs)::int as programs,
              (select count(*) from data_elements)::int as elements, (select count(*) from targets)::int as targets,
              (select count(*) from members)::int as members, (select count(*) from audit_log)::int as audit`,
      );
      expect(row).toEqual({ units: 0, programs: 0, elements: 0, targets: 0, members: 0, audit: 0 });
    } finally {
      await database.close();
    }
  });
});
