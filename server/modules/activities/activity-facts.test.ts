import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_DERIVED_SOURCES, type RecordDerivedSource } from '../../../common/activities.js';
import { GRASSROOTS_GRADES } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { activityRecordPeople, activityRecords } from '../../db/schema/activities.js';
import { dataElements } from '../../db/schema/indicators.js';
import { members } from '../../db/schema/members.js';
import { reportPeriods } from '../../db/schema/reports.js';
import { queryRows } from '../../db/sql.js';
import { computeTargets } from '../indicators/compute-targets.js';
import { indicator, program, target, useIndicatorsApp } from '../indicators/indicators.fixtures.js';
import { recordsBehindSource, refreshActivityFacts, refreshAllActivityFacts } from './activity-facts.js';

// Activity records seen by the indicator engine through record-derived data
// elements (docs/activities.md "Derived facts"). Tree of indicators.fixtures.ts:
// under S, g1–g4 all along, g5 founded 10/07/2024, g7 founded 01/03/2024. A
// unit answers for a year's records once it keeps one or sends a report. Records are
// inserted by a small fixture here (the record use-cases write the same rows).

interface RecordInput {
  kind: string;
  unitId: string;
  occurredOn: string;
  details: Record<string, unknown>;
  year?: number;
  amountVnd?: number;
  subjectUnitId?: string;
  people?: { memberId: string; role: string; unionPosition: string }[];
  deleted?: boolean;
}

async function record(db: Executor, r: RecordInput): Promise<string> {
  const [row] = await db
    .insert(activityRecords)
    .values({
      kind: r.kind,
      unitId: r.unitId,
      occurredOn: r.occurredOn,
      year: r.year ?? null,
      title: `Hồ sơ ${r.kind}`,
      details: r.details,
      amountVnd: r.amountVnd ?? null,
      subjectUnitId: r.subjectUnitId ?? null,
      deletedAt: r.deleted ? new Date() : null,
    })
    .returning({ id: activityRecords.id });
  if (r.people?.length) await db.insert(activityRecordPeople).values(r.people.map((p) => ({ recordId: row!.id, ...p })));
  return row!.id;
}

async function member(db: Executor, unitId: string, unionPosition: string): Promise<string> {
  const [m] = await db
    .insert(members)
    .values({
      fullName: 'Trần Thị Bình',
      nameFolded: 'tran thi binh',
      gender: 'female',
      birthDate: '1985-05-05',
      unitId,
      unionPosition,
      status: 'active',
      admittedOn: '2015-01-01',
    })
    .returning({ id: members.id });
  return m!.id;
}

const training = (unitId: string, occurredOn: string, membersReached: number, workersReached: number) => ({
  kind: 'training',
  unitId,
  occurredOn,
  details: { topic: 'labour_law', form: 'in_person', membersReached, workersReached },
});
const legalCase = (unitId: string, occurredOn: string, atCourt: boolean, memberRequested: boolean, participation: string) => ({
  kind: 'legal_case',
  unitId,
  occurredOn,
  details: { caseType: 'lawsuit', atCourt, memberRequested, participation, outcome: 'pending' },
});
const welfare = (unitId: string, occurredOn: string, welfareKind: string, amountVnd: number) => ({
  kind: 'welfare',
  unitId,
  occurredOn,
  amountVnd,
  details: { welfareKind, amounts: [{ source: 'union_fund', amountVnd }] },
});

describe('derived facts from activity records (refreshActivityFacts)', () => {
  const ctx = useIndicatorsApp();
  const el = {} as Record<RecordDerivedSource, string>;

  beforeAll(async () => {
    const db = ctx.database.db;
    await program(db, ctx.tree.s.id); // 2024 has a program
    for (const source of Object.keys(RECORD_DERIVED_SOURCES) as RecordDerivedSource[]) {
      const spec = RECORD_DERIVED_SOURCES[source];
      const [row] = await db
        .insert(dataElements)
        .values({
          code: `act_${source}`,
          nameVi: `Từ hồ sơ: ${source}`,
          nameEn: source,
          valueType: spec.valueType,
          aggregation: spec.aggregation,
          gradeOptions: spec.valueType === 'grade' ? [...GRASSROOTS_GRADES] : null,
          allowsNotApplicable: source === 'classification_grade',
          derivedFrom: source,
        })
        .returning({ id: dataElements.id });
      el[source] = row!.id;
    }
  });

  /** The unit's 2024 facts of a source's element, as "MM:value" (na for not applicable). */
  const facts = async (unitId: string, source: RecordDerivedSource) => {
    const rows = await queryRows<{ month: string; n: unknown; b: boolean | null; t: string | null; na: boolean }>(
      ctx.database.db,
      sql`select month::text as month, value_number as n, value_bool as b, value_text as t, not_applicable as na from facts
          where unit_id = ${unitId}::uuid and data_element_id = ${el[source]}::uuid and month between '2024-01-01' and '2024-12-01'
          order by month`,
    );
    return rows.map((r) => `${r.month.slice(5, 7)}:${r.na ? 'na' : r.n != null ? Number(r.n) : r.b != null ? r.b : r.t}`);
  };
  /** The months (MM) with a value other than 0 / false, and their values. */
  const nonZero = async (unitId: string, source: RecordDerivedSource) =>
    (await facts(unitId, source)).filter((f) => !f.endsWith(':0') && !f.endsWith(':false'));
  const months = (from: number, to: number, value: string) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${String(from + i).padStart(2, '0')}:${value}`);

  it('gives no row to a unit that kept no record and sent no report ("no data"), and a whole year of rows, zeros included, once it keeps one', async () => {
    const db = ctx.database.db;
    await refreshAllActivityFacts(db);
    const { g2, g5 } = ctx.tree;
    expect(await facts(g2.id, 'training_reached')).toEqual([]);
    expect(await facts(g2.id, 'chair_trained')).toEqual([]);
    // One record of any kind in 2024: the unit answers for its 2024 records, zeros and "no" included.
    await record(db, welfare(g5.id, '2024-09-02', 'visit_gift', 500_000));
    await refreshActivityFacts(db, [g5.id]);
    // Founded 10/07/2024: from its first month.
    expect(await facts(g5.id, 'training_reached')).toEqual(months(7, 12, '0'));
    expect(await facts(g5.id, 'chair_trained')).toEqual(months(7, 12, 'false'));
    expect(await nonZero(g5.id, 'welfare_amount')).toEqual(['09:500000']);
    // No inspection plan nor inspection that year: the CĐCS has no UBKT, not applicable.
    expect(await facts(g5.id, 'inspections_done')).toEqual(months(7, 12, 'na'));
    expect(await facts(g5.id, 'party_candidates')).toEqual([]);
    expect(await facts(g5.id, 'classification_grade')).toEqual([]);
  });

  it('counts each source from its records, by month, and leaves deleted records out', async () => {
    const db = ctx.database.db;
    const { g1, g2, g5, s } = ctx.tree;
    const chair = await member(db, g1.id, 'chair');
    const plain = await member(db, g1.id, 'member');
    // Trainings: March 20 + 5 with the chair taking part, 10 + 0 without; April a member only; a deleted one.
    await record(db, {
      ...training(g1.id, '2024-03-05', 20, 5),
      people: [{ memberId: chair, role: 'participant', unionPosition: 'chair' }],
    });
    await record(db, {
      ...training(g1.id, '2024-03-20', 10, 0),
      people: [{ memberId: plain, role: 'participant', unionPosition: 'member' }],
    });
    await record(db, {
      ...training(g1.id, '2024-04-02', 7, 0),
      people: [{ memberId: plain, role: 'participant', unionPosition: 'member' }],
    });
    await record(db, { ...training(g1.id, '2024-03-25', 100, 100), deleted: true });
    // Inspections by S's committee: one inspection and one supervision of g1 in May; the plan of the year in January.
    const inspection = (type: string) => ({
      kind: 'inspection',
      unitId: s.id,
      occurredOn: '2024-05-10',
      subjectUnitId: g1.id,
      details: { inspectedUnitId: g1.id, type, subject: 'finance', followUp: 'open' },
    });
    await record(db, inspection('inspection'));
    await record(db, inspection('supervision'));
    await record(db, {
      kind: 'inspection_plan',
      unitId: s.id,
      occurredOn: '2024-01-15',
      year: 2024,
      details: { year: 2024, plannedCount: 4 },
    });
    // Labour cases in June: at court and asked, the union at court; at court and asked, mediation only; not at court.
    await record(db, legalCase(g1.id, '2024-06-03', true, true, 'court'));
    await record(db, legalCase(g1.id, '2024-06-04', true, true, 'mediation'));
    await record(db, legalCase(g1.id, '2024-06-05', false, true, 'court'));
    // Two members introduced to the Party in July; "còn nguồn" declared for 2024 in February.
    for (const day of ['01', '15']) {
      await record(db, {
        kind: 'party_introduction',
        unitId: g1.id,
        occurredOn: `2024-07-${day}`,
        details: { outcome: 'pending' },
        people: [{ memberId: plain, role: 'introduced', unionPosition: 'member' }],
      });
    }
    await record(db, {
      kind: 'party_source',
      unitId: g1.id,
      occurredOn: '2024-02-01',
      year: 2024,
      details: { year: 2024, hasCandidates: true },
    });
    // Campaigns in May: one Worker Month activity, one other.
    await record(db, {
      kind: 'campaign',
      unitId: g1.id,
      occurredOn: '2024-05-01',
      details: { campaign: 'worker_month', participants: 80 },
    });
    await record(db, { kind: 'campaign', unitId: g1.id, occurredOn: '2024-05-19', details: { campaign: 'other', participants: 30 } });
    // Welfare in August: a Mái ấm house of 50 million and Tết support of 2 million.
    await record(db, welfare(g1.id, '2024-08-08', 'mai_am_house', 50_000_000));
    await record(db, welfare(g1.id, '2024-08-20', 'tet_support', 2_000_000));
    // Classification of the year (by the federation, held on g1 and g5): tốt; g5 founded in the year, not classified.
    await record(db, {
      kind: 'classification',
      unitId: g1.id,
      occurredOn: '2024-12-10',
      year: 2024,
      details: { year: 2024, grade: 'tot' },
    });
    await record(db, {
      kind: 'classification',
      unitId: g5.id,
      occurredOn: '2024-12-10',
      year: 2024,
      details: { year: 2024, grade: 'not_classified' },
    });
    await refreshActivityFacts(db, [g1.id, s.id, g5.id]);

    expect(await nonZero(g1.id, 'training_reached')).toEqual(['03:35', '04:7']);
    expect(await nonZero(g1.id, 'chair_trained')).toEqual(['03:true']);
    expect(await nonZero(s.id, 'inspections_done')).toEqual(['05:1']);
    // Counted by the inspecting unit; g1 planned and made none: not applicable (no UBKT).
    expect(await facts(g1.id, 'inspections_done')).toEqual(months(1, 12, 'na'));
    expect(await nonZero(s.id, 'inspections_planned')).toEqual(['01:4']);
    expect(await nonZero(g1.id, 'labour_lawsuits_requested')).toEqual(['06:2']);
    expect(await nonZero(g1.id, 'labour_lawsuits_supported')).toEqual(['06:1']);
    expect(await nonZero(g1.id, 'party_introductions')).toEqual(['07:2']);
    expect(await facts(g1.id, 'party_candidates')).toEqual(months(1, 12, 'true'));
    expect(await nonZero(g1.id, 'worker_month_activities')).toEqual(['05:1']);
    expect(await nonZero(g1.id, 'mai_am_houses')).toEqual(['08:1']);
    expect(await nonZero(g1.id, 'welfare_amount')).toEqual(['08:52000000']);
    expect(await facts(g1.id, 'classification_grade')).toEqual(['12:tot']);
    expect(await facts(g5.id, 'classification_grade')).toEqual(['12:na']);
    // A unit without records or reports stays "no data".
    expect(await facts(g2.id, 'training_reached')).toEqual([]);

    // The records behind a number are the ones it counts.
    const behind = async (source: RecordDerivedSource, unitId: string) => {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from activity_records r where r.unit_id = ${unitId}::uuid and ${recordsBehindSource(source)}`,
      );
      return Number(row!.n);
    };
    expect(await behind('labour_lawsuits_requested', g1.id)).toBe(2);
    expect(await behind('labour_lawsuits_supported', g1.id)).toBe(1);
    expect(await behind('training_reached', g1.id)).toBe(3); // the deleted one left out
    expect(await behind('chair_trained', g1.id)).toBe(1);
    expect(await behind('inspections_done', s.id)).toBe(1);
    expect(await behind('worker_month_activities', g1.id)).toBe(1);
    expect(await behind('mai_am_houses', g1.id)).toBe(1);

    // Deleting a record (deleted_at) takes it out at the next refresh; running it again changes nothing else.
    await db.execute(sql`update activity_records set deleted_at = now() where kind = 'legal_case' and details ->> 'participation' = 'court'
      and unit_id = ${g1.id}::uuid and occurred_on = '2024-06-03'`);
    await refreshActivityFacts(db, [g1.id, g1.id]);
    expect(await nonZero(g1.id, 'labour_lawsuits_requested')).toEqual(['06:1']);
    expect(await nonZero(g1.id, 'labour_lawsuits_supported')).toEqual([]);
    expect(await nonZero(g1.id, 'training_reached')).toEqual(['03:35', '04:7']);
  });

  it('keeps the frozen month of a closed period as it was; the open months follow the records', async () => {
    const db = ctx.database.db;
    const { g1, s } = ctx.tree;
    const programId = await program(db, s.id);
    await db.insert(reportPeriods).values({
      programId,
      kind: 'monthly',
      dataFrom: '2024-03-01',
      dataTo: '2024-03-25',
      dueOn: '2024-03-25',
      factMonth: '2024-03-01',
      closedAt: new Date('2024-04-01T00:00:00Z'),
    });
    await record(db, training(g1.id, '2024-03-28', 50, 0)); // recorded after March was closed
    await record(db, training(g1.id, '2024-04-28', 3, 0));
    await refreshActivityFacts(db, [g1.id]);
    expect(await nonZero(g1.id, 'training_reached')).toEqual(['03:35', '04:10']);
    // Reopened: March follows its records again.
    await db.execute(sql`update report_periods set closed_at = null where program_id = ${programId}::uuid`);
    await refreshActivityFacts(db, [g1.id]);
    expect(await nonZero(g1.id, 'training_reached')).toEqual(['03:85', '04:10']);
  });

  it('moves the targets measured on them: a sum of people reached, units whose chair was trained', async () => {
    const db = ctx.database.db;
    const { g2, s } = ctx.tree;
    const reached = await target(db, {
      indicatorId: await indicator(db, { measure: 'sum', numerator: el.training_reached, unitOfMeasure: 'people' }),
      scopeUnitId: s.id,
      value: 500,
    });
    const chairs = await target(db, {
      indicatorId: await indicator(db, { measure: 'count_of_units', condition: { elementId: el.chair_trained, operator: 'is_true' } }),
      scopeUnitId: s.id,
      value: 3,
    });
    const value = async (id: string) => (await computeTargets(db, { targetIds: [id] }, '2024-12-31'))[0]!;
    // g1: 85 in March, 10 in April; g1's chair trained in March. The units with records are counted
    // (zeros included); those that kept none and sent no report are "no data".
    expect(await value(reached)).toMatchObject({ value: 95 });
    expect((await value(reached)).noDataUnits).toBeGreaterThan(0);
    const noDataBefore = (await value(reached)).noDataUnits;
    expect(await value(chairs)).toMatchObject({ value: 1 });

    const chair = await member(db, g2.id, 'chair');
    await record(db, {
      ...training(g2.id, '2024-09-09', 40, 12),
      people: [{ memberId: chair, role: 'participant', unionPosition: 'chair' }],
    });
    await refreshActivityFacts(db, [g2.id]);
    expect(await value(reached)).toMatchObject({ value: 147 });
    expect((await value(reached)).noDataUnits).toBe(noDataBefore - 1);
    expect(await value(chairs)).toMatchObject({ value: 2 });
  });

  it('creates an element from records with its facts for every unit, and refuses one of the wrong shape in Vietnamese', async () => {
    const base = { nameVi: 'Số cuộc kiểm tra', nameEn: 'Inspections' };
    const wrong = await ctx.admin.post('/api/data-elements', {
      ...base,
      code: 'kt_sai',
      valueType: 'number',
      aggregation: 'last',
      derivedFrom: 'inspections_done',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toMatchObject([
      { field: 'aggregation', message: 'Dữ liệu tính từ hồ sơ này phải là kiểu số, cộng dồn các tháng.' },
    ]);
    const ok = await ctx.admin.post('/api/data-elements', {
      ...base,
      code: 'kt_dung',
      valueType: 'number',
      aggregation: 'sum',
      derivedFrom: 'inspections_done',
    });
    expect(ok.statusCode).toBe(201);
    const [row] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from facts where data_element_id = ${ok.json().id}::uuid and unit_id = ${ctx.tree.s.id}::uuid
          and month between '2024-01-01' and '2024-12-01' and value_number = 1`,
    );
    expect(Number(row!.n)).toBe(1); // S's inspection of May, the rest zeros
  });
});
