// Issue 13's test of every record kind that feeds a target: creating,
// changing and deleting a record through the use-cases moves the target by
// the expected amount, on both engines. The targets are the seed's measures
// (docs/domain.md "The seed's ten targets") over district A (CĐCS A1 and A2;
// A2 keeps no record and stays "no data", so only A1 is counted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_DERIVED_SOURCES, type RecordDerivedSource } from '../../../common/activities.js';
import { ListActivityRecordsQuery, type ActivityRecordInput } from '../../../common/api/activities.js';
import { GRASSROOTS_GRADES } from '../../../common/indicators.js';
import { dataElements } from '../../db/schema/indicators.js';
import { computeTargets } from '../indicators/compute-targets.js';
import { indicator, target, type IndicatorSpec } from '../indicators/indicators.fixtures.js';
import { activityInput, admitTestMember, createActivityWorld, type ActivityWorld } from './activities.fixtures.js';
import { createActivityRecord } from './create-activity-record.js';
import { deleteActivityRecord } from './delete-activity-record.js';
import { listActivityRecords } from './list-activity-records.js';
import { updateActivityRecord } from './update-activity-record.js';

describe('records move the targets they feed (create, change, delete)', () => {
  let w: ActivityWorld;
  const el = {} as Record<RecordDerivedSource, string>;
  let chair: string;

  beforeAll(async () => {
    w = await createActivityWorld();
    for (const source of Object.keys(RECORD_DERIVED_SOURCES) as RecordDerivedSource[]) {
      const spec = RECORD_DERIVED_SOURCES[source];
      const [row] = await w.database.db
        .insert(dataElements)
        .values({
          code: `rec_${source}`,
          nameVi: source,
          nameEn: source,
          valueType: spec.valueType,
          aggregation: spec.aggregation,
          gradeOptions: spec.valueType === 'grade' ? [...GRASSROOTS_GRADES] : null,
          allowsNotApplicable: source === 'classification_grade' || source === 'inspections_done',
          derivedFrom: source,
        })
        .returning({ id: dataElements.id });
      el[source] = row!.id;
    }
    chair = await admitTestMember(w.database.db, w.units.a1, 'Phạm Văn Chủ Tịch', '2024-01-15', 'chair');
    // A1 answers for its 2025 records from its first one (an emulation work feeds no target).
    await createActivityRecord(w.database.db, w.actors.officerA, activityInput('emulation_work', { unitId: w.units.a1 }));
  }, 300_000);
  afterAll(async () => {
    await w?.close();
  });

  /** A 2025 target of district A measured as `spec`; returns a reader of its value. */
  async function targetOf(spec: IndicatorSpec): Promise<() => Promise<number | null>> {
    const db = w.database.db;
    const id = await target(db, {
      indicatorId: await indicator(db, spec),
      scopeUnitId: w.units.districtA,
      value: 1,
      periodFrom: '2025-01',
      periodTo: '2025-12',
    });
    return async () => (await computeTargets(db, { targetIds: [id] }, '2025-12-31'))[0]!.value;
  }
  const create = (input: ActivityRecordInput) => createActivityRecord(w.database.db, w.actors.officerA, input);
  const change = async (record: { id: string; rowVersion: number }, input: ActivityRecordInput) =>
    updateActivityRecord(w.database.db, w.actors.officerA, record.id, { record: input, expectedVersion: record.rowVersion });
  const remove = (record: { id: string; rowVersion: number }) =>
    deleteActivityRecord(w.database.db, w.actors.officerA, record.id, { expectedVersion: record.rowVersion });
  const a1 = () => w.units.a1;

  it('training → people reached (target 1, a sum) and chairs trained (target 4, a share of units)', async () => {
    const reached = await targetOf({ measure: 'sum', numerator: el.training_reached, unitOfMeasure: 'people' });
    const chairs = await targetOf({ measure: 'share_of_units', condition: { elementId: el.chair_trained, operator: 'is_true' } });
    expect(await reached()).toBe(0);
    expect(await chairs()).toBe(0);
    const input = activityInput('training', { unitId: a1(), memberId: chair }); // 40 members + 5 workers, the chair taking part
    const r = await create(input);
    expect(await reached()).toBe(45);
    expect(await chairs()).toBe(100);
    const changed = await change(r, {
      ...input,
      details: { ...input.details, membersReached: 10 },
      people: [{ memberId: w.members.a1, role: 'participant' }],
    } as ActivityRecordInput);
    expect(await reached()).toBe(15);
    expect(await chairs()).toBe(0);
    await remove(changed);
    expect(await reached()).toBe(0);
  });

  it('Party introduction and "còn nguồn" → introductions per eligible unit (target 3)', async () => {
    const perUnit = await targetOf({
      measure: 'average_per_eligible_unit',
      numerator: el.party_introductions,
      eligibility: el.party_candidates,
    });
    const source = await create(activityInput('party_source', { unitId: a1() }));
    expect(await perUnit()).toBe(0);
    const first = await create(activityInput('party_introduction', { unitId: a1(), memberId: w.members.a1 }));
    await create(activityInput('party_introduction', { unitId: a1(), memberId: w.members.a1b, occurredOn: '2025-04-02' }));
    expect(await perUnit()).toBe(2);
    await remove(first);
    expect(await perUnit()).toBe(1);
    // No longer "còn nguồn": A1 is not eligible, no unit is.
    const input = activityInput('party_source', { unitId: a1(), details: { hasCandidates: false } });
    await change(source, input);
    expect(await perUnit()).toBeNull();
  });

  it('classification → share of CĐCS classified good or better (target 5)', async () => {
    const good = await targetOf({
      measure: 'share_of_units',
      condition: { elementId: el.classification_grade, operator: 'in', values: ['xuat_sac', 'tot'] },
    });
    expect(await good()).toBeNull(); // not classified yet: no data
    const input = activityInput('classification', { unitId: a1(), occurredOn: '2025-11-20' });
    const r = await create(input);
    expect(await good()).toBe(100);
    const changed = await change(r, { ...input, details: { ...input.details, grade: 'hoan_thanh' } } as ActivityRecordInput);
    expect(await good()).toBe(0);
    await remove(changed);
    expect(await good()).toBeNull();
  });

  it('inspection plan and inspections → share of CĐCS with two same-level inspections (target 6)', async () => {
    const twice = await targetOf({ measure: 'share_of_units', condition: { elementId: el.inspections_done, operator: '>=', number: 2 } });
    expect(await twice()).toBeNull(); // no plan, no inspection: no UBKT, not applicable
    await create(activityInput('inspection_plan', { unitId: a1(), occurredOn: '2025-01-10' }));
    expect(await twice()).toBe(0);
    const first = await create(activityInput('inspection', { unitId: a1() }));
    const second = await create(activityInput('inspection', { unitId: a1(), occurredOn: '2025-06-12' }));
    expect(await twice()).toBe(100);
    // The plan's row in the list shows plan vs done; an inspection names the unit inspected.
    const list = async (kind: 'inspection_plan' | 'inspection') =>
      (await listActivityRecords(w.database.db, w.actors.officerA, ListActivityRecordsQuery.parse({ kind, unitId: a1() }))).items;
    expect((await list('inspection_plan')).map((r) => [r.details.plannedCount, r.inspectionsDone])).toEqual([[2, 2]]);
    expect((await list('inspection')).map((r) => r.subjectUnitName)).toEqual(['CĐCS A1', 'CĐCS A1']);
    // A supervision (giám sát) is not an inspection.
    const input = activityInput('inspection', { unitId: a1(), occurredOn: '2025-06-12', details: { type: 'supervision' } });
    await change(second, input);
    expect(await twice()).toBe(0);
    await remove(first);
    expect(await twice()).toBe(0);
    expect((await list('inspection_plan')).map((r) => r.inspectionsDone)).toEqual([0]);
  });

  it('labour cases → lawsuits supported among those requested (target 8, a ratio of sums)', async () => {
    const supported = await targetOf({
      measure: 'ratio_of_sums',
      numerator: el.labour_lawsuits_supported,
      denominator: el.labour_lawsuits_requested,
    });
    await create(activityInput('legal_case', { unitId: a1(), memberId: w.members.a1 }));
    expect(await supported()).toBe(100);
    const input = activityInput('legal_case', { unitId: a1(), memberId: w.members.a1b, details: { participation: 'none' } });
    const second = await create(input);
    expect(await supported()).toBe(50);
    const changed = await change(second, { ...input, details: { ...input.details, participation: 'court' } } as ActivityRecordInput);
    expect(await supported()).toBe(100);
    await remove(changed);
    expect(await supported()).toBe(100);
  });

  it('Worker Month activities → CĐCS that held one (target 9, a count of units)', async () => {
    const held = await targetOf({
      measure: 'count_of_units',
      condition: { elementId: el.worker_month_activities, operator: '>=', number: 1 },
    });
    expect(await held()).toBe(0);
    const input = activityInput('campaign', { unitId: a1(), occurredOn: '2025-05-05' });
    const r = await create(input);
    expect(await held()).toBe(1);
    const changed = await change(r, { ...input, details: { ...input.details, campaign: 'other' } } as ActivityRecordInput);
    expect(await held()).toBe(0);
    await remove(changed);
    expect(await held()).toBe(0);
  });

  it('welfare → "Mái ấm công đoàn" houses (target 10, a sum)', async () => {
    const houses = await targetOf({ measure: 'sum', numerator: el.mai_am_houses });
    expect(await houses()).toBe(0);
    const input = activityInput('welfare', { unitId: a1(), memberId: w.members.a1, occurredOn: '2025-08-15' });
    const r = await create(input);
    await create(activityInput('welfare', { unitId: a1(), memberId: w.members.a1b, occurredOn: '2025-09-15' }));
    expect(await houses()).toBe(2);
    const changed = await change(r, {
      ...input,
      details: { welfareKind: 'visit_gift', houseWork: null, amounts: [{ source: 'union_fund', amountVnd: 1_000_000 }] },
      people: [],
    } as ActivityRecordInput);
    expect(await houses()).toBe(1);
    await remove(changed);
    expect(await houses()).toBe(1);
  });
});
