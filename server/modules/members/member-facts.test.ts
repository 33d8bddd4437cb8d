import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataElements, facts as factsTable } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { refreshDerivedFactsForAddend, refreshMemberFacts } from './member-facts.js';
import { createUnit } from '../../../test/factories.js';
import { admitBody, createMemberWorld, type MemberWorld } from './members.fixtures.js';

describe('derived facts: members at month end (refreshMemberFacts)', () => {
  let w: MemberWorld;
  let elementId: string;
  beforeAll(async () => {
    w = await createMemberWorld();
    const [el] = await w.database.db
      .insert(dataElements)
      .values({
        code: 'members_active',
        nameVi: 'Số đoàn viên',
        nameEn: 'Members',
        valueType: 'number',
        aggregation: 'last',
        derivedFrom: 'active_members',
      })
      .returning();
    elementId = el!.id;
  });
  afterAll(async () => w?.close());

  const facts = (unitId: string, element = elementId) =>
    queryRows<{ month: string; n: string | number }>(
      w.database.db,
      sql`select month::text as month, value_number as n from facts where unit_id = ${unitId}::uuid and data_element_id = ${element}::uuid
        and month between '2024-01-01' and '2024-06-01' order by month`,
    ).then((rows) => rows.map((r) => `${r.month.slice(0, 7)}:${Number(r.n)}`));

  it('counts members active on each month’s last day, follows transfers and departures, and shows 0 (not no data) once all left', async () => {
    const admit = async (unitId: string, admittedOn: string) =>
      (await w.officerA.post('/api/members', admitBody(unitId, { admittedOn }))).json().id as string;
    const m1 = await admit(w.units.a1, '2024-01-10');
    const m2 = await admit(w.units.a1, '2024-02-29');
    await admit(w.units.a2, '2024-03-01');
    await w.officerA.post(`/api/members/${m1}/transfer`, { date: '2024-04-01', toUnitId: w.units.a2 });
    await w.officerA.post(`/api/members/${m2}/leave`, { date: '2024-03-31', reason: 'left' });
    expect(await facts(w.units.a1)).toEqual(['2024-01:1', '2024-02:2', '2024-03:1', '2024-04:0', '2024-05:0', '2024-06:0']);
    expect(await facts(w.units.a2)).toEqual(['2024-03:1', '2024-04:2', '2024-05:2', '2024-06:2']);
  });

  it('rewrites the same numbers when run again (idempotent) and does nothing for no unit', async () => {
    const before = await facts(w.units.a1);
    await refreshMemberFacts(w.database.db, [w.units.a1, w.units.a1]);
    await refreshMemberFacts(w.database.db, []);
    expect(await facts(w.units.a1)).toEqual(before);
  });

  it('adds the latest report of an addend element, carried forward (none yet = 0), and gives rows to units with only addend reports', async () => {
    const db = w.database.db;
    const [workers] = await db
      .insert(dataElements)
      .values({
        code: 'non_member_workers',
        nameVi: 'Số CNVCLĐ chưa là đoàn viên',
        nameEn: 'Non-member workers',
        valueType: 'number',
        aggregation: 'last',
      })
      .returning();
    const [total] = await db
      .insert(dataElements)
      .values({
        code: 'members_and_workers',
        nameVi: 'Số đoàn viên, CNVCLĐ',
        nameEn: 'Members and workers',
        valueType: 'number',
        aggregation: 'last',
        derivedFrom: 'active_members',
        derivedAddendElementId: workers!.id,
      })
      .returning();
    const report = (unitId: string, month: string, n: number | null, notApplicable = false) =>
      db
        .insert(factsTable)
        .values({ unitId, dataElementId: workers!.id, month: `${month}-01`, valueNumber: n === null ? null : String(n), notApplicable });
    // a1 (members 1, 2, 1, 0, …, see above): 5 workers reported in February, 3 in May.
    await report(w.units.a1, '2024-02', 5);
    await report(w.units.a1, '2024-05', 3);
    // b1 has no member: it reported 0 in March, 4 in April, then "not applicable" in June.
    await report(w.units.b1, '2024-03', 0);
    await report(w.units.b1, '2024-04', 4);
    await report(w.units.b1, '2024-06', null, true);
    await refreshDerivedFactsForAddend(db, workers!.id);

    // Members + the latest report: none before February (0), 5 from February, 3 from May.
    expect(await facts(w.units.a1, total!.id)).toEqual(['2024-01:1', '2024-02:7', '2024-03:6', '2024-04:5', '2024-05:3', '2024-06:3']);
    // Only addend reports: rows from the first report, 0 is a value (not no data); "not applicable" reads 0.
    expect(await facts(w.units.b1, total!.id)).toEqual(['2024-03:0', '2024-04:4', '2024-05:4', '2024-06:0']);
    // The element without an addend still has no rows for a unit without members.
    expect(await facts(w.units.b1)).toEqual([]);
    expect(await facts(w.units.a1)).toEqual(['2024-01:1', '2024-02:2', '2024-03:1', '2024-04:0', '2024-05:0', '2024-06:0']);
    // a2 did not report the addend, so it was not refreshed; with null, every unit with members or addend reports is.
    expect(await facts(w.units.a2, total!.id)).toEqual([]);
    await refreshDerivedFactsForAddend(db, null);
    expect(await facts(w.units.a2, total!.id)).toEqual(['2024-03:1', '2024-04:2', '2024-05:2', '2024-06:2']);
    expect(await facts(w.units.b1, total!.id)).toEqual(['2024-03:0', '2024-04:4', '2024-05:4', '2024-06:0']);
    // A unit with neither members nor reports gets no rows.
    expect(await facts(w.units.districtA, total!.id)).toEqual([]);

    // A member write refreshes both elements of its units in three statements (lock, delete, insert).
    const statements = w.database.queryCount();
    await refreshMemberFacts(db, [w.units.a1, w.units.b1, w.units.a2]);
    expect(w.database.queryCount() - statements).toBe(3);
    expect(await facts(w.units.a1, total!.id)).toEqual(['2024-01:1', '2024-02:7', '2024-03:6', '2024-04:5', '2024-05:3', '2024-06:3']);
  });

  it('admits 20 members into one CĐCS at once without a 500, and counts all 20', async () => {
    const unitId = (await createUnit(w.database.db, { parentId: w.units.districtB, validFrom: '2000-01-01', code: 'B2' })).id;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => w.officerB.post('/api/members', admitBody(unitId, { admittedOn: '2024-05-20' }))),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(await facts(unitId)).toEqual(['2024-05:20', '2024-06:20']);
  });
});
