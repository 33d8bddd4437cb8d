import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deriveMemberState, type MemberEventFact, type MemberEventKind } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { facts } from '../../db/schema/indicators.js';
import { memberEvents, members, memberUnitPeriods } from '../../db/schema/members.js';
import { queryRows } from '../../db/sql.js';
import { foldText } from '../../lib/search-text.js';
import { refreshDerivedFactsForAddend, refreshMemberFacts } from '../members/member-facts.js';
import { computeTargetBreakdown } from './compute-target-breakdown.js';
import { computeTargets } from './compute-targets.js';
import { buildTree, element, fact, indicator, target, useIndicatorsApp } from './indicators.fixtures.js';

// The member registry seen by the indicator engine: admissions counted as
// records (source 'member_admitted', target 7a) and members at month end as
// derived facts of an element with derived_from = 'active_members' (written
// by refreshMemberFacts when the element is created). Tree of indicators.fixtures.ts:
// under S, g1–g4 all along, g5 founded 10/07/2024, g6 moved to O on 01/07/2024.

type Ev = Omit<MemberEventFact, 'toUnitId' | 'toOutsideName' | 'transferState' | 'decidedOn'> & Partial<MemberEventFact>;

/** A member written as the registry would: events, then status/unit/periods derived from them. */
async function member(db: Executor, events: Ev[]) {
  const evs: MemberEventFact[] = events.map((e) => ({ toUnitId: null, toOutsideName: null, transferState: null, decidedOn: null, ...e }));
  const state = deriveMemberState(evs);
  const name = `Nguyễn Văn ${crypto.randomBytes(3).toString('hex')}`;
  const [m] = await db
    .insert(members)
    .values({
      fullName: name,
      nameFolded: foldText(name),
      gender: 'male',
      birthDate: '1985-05-05',
      unitId: state.unitId,
      status: state.status,
      admittedOn: state.admittedOn,
    })
    .returning({ id: members.id });
  await db.insert(memberEvents).values(
    evs.map((e, seq) => ({
      memberId: m!.id,
      kind: e.kind,
      eventDate: e.eventDate,
      unitId: e.unitId,
      toUnitId: e.toUnitId,
      toOutsideName: e.toOutsideName,
      transferState: e.transferState,
      decidedOn: e.decidedOn,
      seq,
    })),
  );
  if (state.periods.length > 0) await db.insert(memberUnitPeriods).values(state.periods.map((p) => ({ memberId: m!.id, ...p })));
  return m!.id;
}
const ev = (kind: MemberEventKind, eventDate: string, unitId: string, extra: Partial<MemberEventFact> = {}): Ev => ({
  kind,
  eventDate,
  unitId,
  ...extra,
});

describe('member registry in the indicator engine', () => {
  const ctx = useIndicatorsApp();

  it("counts admissions and re-admissions per month and subtree ('member_admitted'); a unit that moved counts only its months in scope", async () => {
    const db = ctx.database.db;
    const { g1, g2, g5, g6 } = ctx.tree;
    await member(db, [ev('admitted', '2024-02-10', g1.id)]);
    await member(db, [ev('admitted', '2024-02-20', g1.id), ev('left', '2024-08-01', g1.id)]); // left later: still admitted in February
    await member(db, [ev('admitted', '2015-04-01', g1.id), ev('left', '2020-01-01', g1.id), ev('rejoined', '2024-05-03', g1.id)]);
    await member(db, [ev('admitted', '2023-12-31', g1.id)]); // before the period
    await member(db, [ev('admitted', '2025-01-05', g1.id)]); // after it
    // Transferred in from g1: a transfer is not an admission, in either unit.
    await member(db, [
      ev('admitted', '2019-06-01', g1.id),
      ev('transferred', '2024-04-01', g1.id, { toUnitId: g2.id, transferState: 'accepted', decidedOn: '2024-04-05' }),
    ]);
    await member(db, [ev('admitted', '2024-03-15', g6.id)]); // g6 under S then
    await member(db, [ev('admitted', '2024-09-01', g6.id)]); // g6 under O by then
    for (let i = 0; i < 5; i++) await member(db, [ev('admitted', '2024-07-10', g5.id)]); // founded with 5 members

    // Created through the API like any indicator: the source is known, it has no filter keys.
    const created = await ctx.admin.post('/api/indicators', {
      code: `admitted_${crypto.randomBytes(3).toString('hex')}`,
      nameVi: 'Số đoàn viên kết nạp mới',
      nameEn: 'Members admitted',
      measure: 'count_of_records',
      unitOfMeasure: 'people',
      recordSource: 'member_admitted',
    });
    expect(created.statusCode).toBe(201);
    const ind = created.json().id as string;
    const withFilter = await ctx.admin.post('/api/indicators', {
      code: `admitted_${crypto.randomBytes(3).toString('hex')}`,
      nameVi: 'x',
      nameEn: 'x',
      measure: 'count_of_records',
      unitOfMeasure: 'people',
      recordSource: 'member_admitted',
      recordFilter: { sector: 'state_agency' },
    });
    expect(withFilter.json().error.code).toBe('INDICATOR_RECORD_FILTER_INVALID');

    const s = await target(db, { indicatorId: ind, scopeUnitId: ctx.tree.s.id, value: 10, tolerance: 1 });
    const o = await target(db, { indicatorId: ind, scopeUnitId: ctx.tree.o.id, value: 2 });
    const p = await target(db, { indicatorId: ind, scopeUnitId: ctx.tree.p.id, value: 10 });
    const byId = async (asOf: string) => new Map((await computeTargets(db, { targetIds: [s, o, p] }, asOf)).map((r) => [r.targetId, r]));

    const yearEnd = await byId('2024-12-31');
    // S: g1 3 (two admissions, one re-admission) + g6 1 (March) + g5 5 (July) = 9; O: g6's September admission.
    expect(yearEnd.get(s)).toMatchObject({ value: 9, status: 'at_risk' });
    expect(yearEnd.get(o)).toMatchObject({ value: 1, status: 'off_track' });
    expect(yearEnd.get(p)).toMatchObject({ value: 10, status: 'achieved' });

    // As of 30/06 only the first half counts (g5 did not exist yet, g6 still under S).
    const midYear = await byId('2024-06-30');
    expect(midYear.get(s)!.value).toBe(4);
    expect(midYear.get(o)!.value).toBe(0); // a count of records is never "no data"

    const rows = await computeTargetBreakdown(db, s, '2024-12-31');
    const n = (id: string) => rows.find((r) => r.unitId === id)?.value;
    expect([n(g1.id), n(g6.id), n(g5.id)]).toEqual([3, 1, 5]);
    expect(rows.find((r) => r.unitId === g6.id)!.months).toBe(6);
  });

  it("derived 'active_members' facts: filled when the element is created, read as members at each month end (0 once the last member left, not no data)", async () => {
    const db = ctx.database.db;
    // A tree of its own, so the previous test's members do not count here.
    const tree = await buildTree(db);
    const { g2, g3, g4 } = tree;
    await member(db, [ev('admitted', '2020-01-01', g2.id)]);
    await member(db, [ev('admitted', '2020-01-01', g2.id), ev('left', '2024-03-15', g2.id)]); // not counted at the end of March
    await member(db, [ev('admitted', '2024-03-31', g2.id)]); // counted at the end of March
    await member(db, [ev('admitted', '2021-09-01', g3.id), ev('died', '2024-04-10', g3.id)]); // g3's last member
    // A pending transfer keeps the member in the sending unit.
    await member(db, [
      ev('admitted', '2022-01-01', g4.id),
      ev('transferred', '2024-10-01', g4.id, { toUnitId: g2.id, transferState: 'pending' }),
    ]);

    const res = await ctx.admin.post('/api/data-elements', {
      code: `members_active_${crypto.randomBytes(3).toString('hex')}`,
      nameVi: 'Số đoàn viên hiện có (tính từ sổ đoàn viên)',
      nameEn: 'Members (from the registry)',
      valueType: 'number',
      aggregation: 'last',
      derivedFrom: 'active_members',
    });
    expect(res.statusCode).toBe(201);
    const active = res.json();
    expect(active).toMatchObject({ derivedFrom: 'active_members', aggregation: 'last' });
    const listed = (await ctx.viewerS.get('/api/data-elements')).json().items.find((e: { id: string }) => e.id === active.id);
    expect(listed.derivedFrom).toBe('active_members');

    const monthly = async (unitId: string) =>
      (
        await db
          .select({ month: facts.month, n: facts.valueNumber })
          .from(facts)
          .where(and(eq(facts.unitId, unitId), eq(facts.dataElementId, active.id)))
          .orderBy(facts.month)
      )
        .filter((f) => f.month >= '2024-01-01' && f.month <= '2024-12-01')
        .map((f) => Number(f.n));
    expect(await monthly(g2.id)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(await monthly(g3.id)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await monthly(g4.id)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const [first] = await queryRows<{ m: string }>(
      db,
      sql`select min(month)::text as m from facts where unit_id = ${g3.id}::uuid and data_element_id = ${active.id}::uuid`,
    );
    expect(first!.m).toBe('2021-09-01'); // from the unit's first member

    // Σ members at the end of the period ('last'), and a ratio with a reported numerator.
    const total = await indicator(db, { measure: 'sum', numerator: active.id });
    const reached = await element(db, 'number', 'sum');
    await fact(db, g2.id, reached, '2024-02', { n: 2 });
    await fact(db, g3.id, reached, '2024-01', { n: 0 });
    await fact(db, g4.id, reached, '2024-01', { n: 1 });
    const ratio = await indicator(db, { measure: 'ratio_of_sums', numerator: reached, denominator: active.id });
    const sumT = await target(db, { indicatorId: total, scopeUnitId: tree.s.id, value: 5 });
    const ratioT = await target(db, { indicatorId: ratio, scopeUnitId: tree.s.id, value: 96 });
    const at = async (asOf: string) => new Map((await computeTargets(db, { targetIds: [sumT, ratioT] }, asOf)).map((r) => [r.targetId, r]));

    const march = await at('2024-03-31');
    expect(march.get(sumT)).toMatchObject({ value: 4, reportedUnits: 3 }); // g2 2 + g3 1 + g4 1
    expect(march.get(ratioT)!.value).toBe(75); // (2 + 0 + 1) ÷ 4 × 100

    const yearEnd = await at('2024-12-31');
    expect(yearEnd.get(sumT)).toMatchObject({ value: 3, reportedUnits: 3 }); // g3 counts 0
    expect(yearEnd.get(ratioT)!.value).toBe(100); // (2 + 0 + 1) ÷ (2 + 0 + 1)
    const g3Row = (await computeTargetBreakdown(db, sumT, '2024-12-31')).find((r) => r.unitId === g3.id)!;
    expect(g3Row).toMatchObject({ state: 'reported', value: 0 });
    // Units without any member have no derived facts: no data, as for a report never sent.
    expect((await computeTargetBreakdown(db, sumT, '2024-12-31')).find((r) => r.unitId === tree.g1.id)!.state).toBe('no_data');

    // A second derived element later: both keep their facts (the refresh rewrites the first's).
    const again = await ctx.admin.post('/api/data-elements', {
      code: `members_active_${crypto.randomBytes(3).toString('hex')}`,
      nameVi: 'Đoàn viên cuối tháng',
      nameEn: 'Members at month end',
      valueType: 'number',
      aggregation: 'last',
      derivedFrom: 'active_members',
    });
    expect(again.statusCode).toBe(201);
    expect(await monthly(g3.id)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('ratio of sums over a derived denominator with an addend: members at month end + the latest non-member workers reported', async () => {
    const db = ctx.database.db;
    const tree = await buildTree(db);
    const { g1, g2, g3, g4 } = tree;
    await member(db, [ev('admitted', '2020-01-01', g2.id)]);
    await member(db, [ev('admitted', '2024-02-10', g2.id)]);
    await member(db, [ev('admitted', '2020-01-01', g4.id)]); // g4: members, but never reports the numerator
    // Workers who are not members, reported: g2 3 in January then 1 in June; g3 (no member) 10 in February.
    const workers = await element(db, 'number', 'last');
    await fact(db, g2.id, workers, '2024-01', { n: 3 });
    await fact(db, g2.id, workers, '2024-06', { n: 1 });
    await fact(db, g3.id, workers, '2024-02', { n: 10 });

    const res = await ctx.admin.post('/api/data-elements', {
      code: `members_and_workers_${crypto.randomBytes(3).toString('hex')}`,
      nameVi: 'Số đoàn viên, CNVCLĐ và người lao động',
      nameEn: 'Members and workers',
      valueType: 'number',
      aggregation: 'last',
      derivedFrom: 'active_members',
      derivedAddendElementId: workers,
    });
    expect(res.statusCode).toBe(201);
    const denominator = res.json();
    expect(denominator).toMatchObject({ derivedFrom: 'active_members', derivedAddendElementId: workers });
    const listed = (await ctx.viewerS.get('/api/data-elements')).json().items.find((e: { id: string }) => e.id === denominator.id);
    expect(listed.derivedAddendElementId).toBe(workers);

    const reached = await element(db, 'number', 'last');
    await fact(db, g2.id, reached, '2024-03', { n: 4 });
    await fact(db, g3.id, reached, '2024-03', { n: 9 });
    const ratio = await indicator(db, { measure: 'ratio_of_sums', numerator: reached, denominator: denominator.id });
    const t = await target(db, { indicatorId: ratio, scopeUnitId: tree.s.id, value: 96, tolerance: 2 });
    const row = async (asOf: string, unitId: string) => (await computeTargetBreakdown(db, t, asOf)).find((r) => r.unitId === unitId)!;

    // March: g2 = 2 members + 3 workers (January's report carried forward), g3 = 0 members + 10 (created with the element).
    expect(await row('2024-03-31', g2.id)).toMatchObject({ state: 'reported', denominator: 5, numerator: 4 });
    expect(await row('2024-03-31', g3.id)).toMatchObject({ state: 'reported', denominator: 10, numerator: 9 });
    // g4 has a derived denominator but never reported the numerator: no data, not 0 %; g1 has neither.
    expect(await row('2024-03-31', g4.id)).toMatchObject({ state: 'no_data' });
    expect(await row('2024-03-31', g1.id)).toMatchObject({ state: 'no_data' });
    const [march] = await computeTargets(db, { targetIds: [t] }, '2024-03-31');
    expect(march).toMatchObject({ reportedUnits: 2, noDataUnits: 4 }); // g1, g4, g6, g7 (g5 not founded yet)
    expect(march!.value).toBeCloseTo(((4 + 9) / (5 + 10)) * 100, 3); // 86.6667

    // June: g2 reports 1 worker → 2 + 1.
    expect(await row('2024-06-30', g2.id)).toMatchObject({ denominator: 3 });
    // A member admitted into g3 in May (the registry refreshes its facts) raises the denominator from May on.
    await member(db, [ev('admitted', '2024-05-20', g3.id)]);
    await refreshMemberFacts(db, [g3.id]);
    expect(await row('2024-04-30', g3.id)).toMatchObject({ denominator: 10 });
    expect(await row('2024-06-30', g3.id)).toMatchObject({ denominator: 11 });
    // A new report of the addend, followed by the refresh its writer runs, moves it again.
    await fact(db, g3.id, workers, '2024-06', { n: 20 });
    await refreshDerivedFactsForAddend(db, workers);
    expect(await row('2024-06-30', g3.id)).toMatchObject({ denominator: 21 });
  });

  it('refuses a derived element that is not a number read as its latest month', async () => {
    const body = (over: Record<string, unknown>) => ({
      code: `derived_${crypto.randomBytes(3).toString('hex')}`,
      nameVi: 'Số đoàn viên',
      nameEn: 'Members',
      valueType: 'number',
      aggregation: 'last',
      derivedFrom: 'active_members',
      ...over,
    });
    const sum = await ctx.admin.post('/api/data-elements', body({ aggregation: 'sum' }));
    expect(sum.statusCode).toBe(400);
    expect(sum.json().error.fields).toEqual([
      { field: 'aggregation', message: 'Dữ liệu tính từ sổ đoàn viên phải là kiểu số, lấy số gần nhất, không có "không áp dụng".' },
    ]);
    expect(
      (await ctx.admin.post('/api/data-elements', body({ valueType: 'boolean', aggregation: 'any' }))).json().error.fields[0].field,
    ).toBe('valueType');
    expect((await ctx.admin.post('/api/data-elements', body({ allowsNotApplicable: true }))).json().error.fields[0].field).toBe(
      'allowsNotApplicable',
    );
    expect((await ctx.admin.post('/api/data-elements', body({ derivedFrom: 'members' }))).statusCode).toBe(400);
    const reported = await ctx.admin.post('/api/data-elements', body({ derivedFrom: undefined, aggregation: 'sum' }));
    expect(reported.json()).toMatchObject({ derivedFrom: null });
  });
});
