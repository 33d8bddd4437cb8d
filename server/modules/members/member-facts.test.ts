import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataElements } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { refreshMemberFacts } from './member-facts.js';
import { admitBody, createMemberWorld, type MemberWorld } from './test-support.js';

describe('derived facts: members at month end (refreshMemberFacts)', () => {
  let w: MemberWorld;
  let elementId: string;
  beforeAll(async () => {
    w = await createMemberWorld();
    const [el] = await w.database.db
      .insert(dataElements)
      .values({ code: 'members_active', nameVi: 'Số đoàn viên', nameEn: 'Members', valueType: 'number', aggregation: 'last', derivedFrom: 'active_members' })
      .returning();
    elementId = el!.id;
  });
  afterAll(async () => w?.close());

  const facts = (unitId: string) =>
    queryRows<{ month: string; n: string | number }>(
      w.database.db,
      sql`select month::text as month, value_number as n from facts where unit_id = ${unitId}::uuid and data_element_id = ${elementId}::uuid
        and month between '2024-01-01' and '2024-06-01' order by month`,
    ).then((rows) => rows.map((r) => `${r.month.slice(0, 7)}:${Number(r.n)}`));

  it('counts members active on each month’s last day, follows transfers and departures, and shows 0 (not no data) once all left', async () => {
    const admit = async (unitId: string, admittedOn: string) => (await w.officerA.post('/api/members', admitBody(unitId, { admittedOn }))).json().id as string;
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
});
