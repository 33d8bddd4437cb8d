// Gender-split figures from the member registry (women's affairs): the derived
// elements 'female_members' and 'women_office_holders' move with admissions,
// transfers, departures and edits of gender or union position, like the
// members at month end (member-facts.ts).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdmitMemberBody } from '../../../common/api/members.js';
import { rowVersionOf } from '../../../test/factories.js';
import { dataElements, reportPeriods } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { closeReportPeriod } from '../reports/close-report-period.js';
import { useReportingWorld } from '../reports/reports.fixtures.js';
import { admitMember } from './admit-member.js';
import { refreshMemberFacts } from './member-facts.js';
import { admitBody, createMemberWorld, type MemberWorld } from './members.fixtures.js';
import { updateMember } from './update-member.js';

describe('derived facts: women members and women holding union office', () => {
  let w: MemberWorld;
  const el: Record<'active' | 'women' | 'officers', string> = { active: '', women: '', officers: '' };
  beforeAll(async () => {
    w = await createMemberWorld();
    const [active] = await w.database.db
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
    el.active = active!.id;
  });
  afterAll(async () => w?.close());

  const facts = (unitId: string, element: string) =>
    queryRows<{ month: string; n: string | number }>(
      w.database.db,
      sql`select month::text as month, value_number as n from facts where unit_id = ${unitId}::uuid and data_element_id = ${element}::uuid
        and month between '2024-01-01' and '2024-06-01' order by month`,
    ).then((rows) => rows.map((r) => `${r.month.slice(0, 7)}:${Number(r.n)}`));
  const admit = async (unitId: string, over: Record<string, unknown>) => {
    const res = await w.officerA.post('/api/members', admitBody(unitId, over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const edit = async (id: string, body: Record<string, unknown>) => {
    const res = await w.officerA.patch(`/api/members/${id}`, {
      expectedVersion: await rowVersionOf(w.database.db, 'members', id),
      ...body,
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  const ids: Record<string, string> = {};
  it('computes the figures at once when such an element is created, 0 (not no data) for a unit with members but no woman', async () => {
    // A1: Lan (woman, member) from January, Mai (woman, vice chair) from February, Hùng (man, chair) from January.
    // A2: Nam (man) from January.
    ids.lan = await admit(w.units.a1, { fullName: 'Nguyễn Thị Lan', gender: 'female', admittedOn: '2024-01-10' });
    ids.mai = await admit(w.units.a1, {
      fullName: 'Trần Thị Mai',
      gender: 'female',
      admittedOn: '2024-02-15',
      unionPosition: 'vice_chair',
    });
    ids.hung = await admit(w.units.a1, { fullName: 'Lê Văn Hùng', gender: 'male', admittedOn: '2024-01-05', unionPosition: 'chair' });
    ids.nam = await admit(w.units.a2, { fullName: 'Phạm Văn Nam', gender: 'male', admittedOn: '2024-01-20' });

    const create = async (code: string, derivedFrom: string) => {
      const res = await w.admin.post('/api/data-elements', {
        code,
        nameVi: code,
        nameEn: code,
        valueType: 'number',
        aggregation: 'last',
        allowsNotApplicable: false,
        derivedFrom,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    el.women = await create('female_members', 'female_members');
    el.officers = await create('women_office_holders', 'women_office_holders');

    expect(await facts(w.units.a1, el.active)).toEqual(['2024-01:2', '2024-02:3', '2024-03:3', '2024-04:3', '2024-05:3', '2024-06:3']);
    expect(await facts(w.units.a1, el.women)).toEqual(['2024-01:1', '2024-02:2', '2024-03:2', '2024-04:2', '2024-05:2', '2024-06:2']);
    expect(await facts(w.units.a1, el.officers)).toEqual(['2024-01:0', '2024-02:1', '2024-03:1', '2024-04:1', '2024-05:1', '2024-06:1']);
    expect(await facts(w.units.a2, el.women)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:0', '2024-05:0', '2024-06:0']);
    expect(await facts(w.units.a2, el.officers)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:0', '2024-05:0', '2024-06:0']);
    // A unit that never had a member: no data.
    expect(await facts(w.units.b1, el.women)).toEqual([]);
  });

  it('follows admissions, transfers and departures', async () => {
    // Mai moves to A2 on 01/04 (keeping her position), Lan leaves on 31/05 (a member on 30/05 only).
    const moved = await w.officerA.post(`/api/members/${ids.mai}/transfer`, { date: '2024-04-01', toUnitId: w.units.a2 });
    expect(moved.statusCode, moved.body).toBe(200);
    const left = await w.officerA.post(`/api/members/${ids.lan}/leave`, { date: '2024-05-31', reason: 'left' });
    expect(left.statusCode, left.body).toBe(200);
    // A new woman in A2 in June.
    ids.hoa = await admit(w.units.a2, { fullName: 'Võ Thị Hoa', gender: 'female', admittedOn: '2024-06-03', unionPosition: 'team_leader' });

    expect(await facts(w.units.a1, el.women)).toEqual(['2024-01:1', '2024-02:2', '2024-03:2', '2024-04:1', '2024-05:0', '2024-06:0']);
    expect(await facts(w.units.a1, el.officers)).toEqual(['2024-01:0', '2024-02:1', '2024-03:1', '2024-04:0', '2024-05:0', '2024-06:0']);
    expect(await facts(w.units.a2, el.women)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:1', '2024-05:1', '2024-06:2']);
    expect(await facts(w.units.a2, el.officers)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:1', '2024-05:1', '2024-06:2']);
    expect(await facts(w.units.a1, el.active)).toEqual(['2024-01:2', '2024-02:3', '2024-03:3', '2024-04:2', '2024-05:1', '2024-06:1']);
  });

  it('moves with an edit of gender or union position, in every unit the member was counted in', async () => {
    // Mai (A1 February–March, A2 since April) steps down to a plain member: no longer an office holder anywhere.
    await edit(ids.mai, { unionPosition: 'member' });
    expect(await facts(w.units.a1, el.officers)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:0', '2024-05:0', '2024-06:0']);
    expect(await facts(w.units.a2, el.officers)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:0', '2024-05:0', '2024-06:1']);
    expect(await facts(w.units.a1, el.women)).toEqual(['2024-01:1', '2024-02:2', '2024-03:2', '2024-04:1', '2024-05:0', '2024-06:0']);
    // Nam's gender was recorded wrongly: corrected to female, A2 counts her every month.
    await edit(ids.nam, { gender: 'female' });
    expect(await facts(w.units.a2, el.women)).toEqual(['2024-01:1', '2024-02:1', '2024-03:1', '2024-04:2', '2024-05:2', '2024-06:3']);
    expect(await facts(w.units.a2, el.officers)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:0', '2024-05:0', '2024-06:1']);
    // Hùng (man, chair): a position change does not make him count.
    await edit(ids.hung, { unionPosition: 'executive_committee' });
    expect(await facts(w.units.a1, el.officers)).toEqual(['2024-01:0', '2024-02:0', '2024-03:0', '2024-04:0', '2024-05:0', '2024-06:0']);
    // The members at month end never move with such an edit.
    expect(await facts(w.units.a2, el.active)).toEqual(['2024-01:1', '2024-02:1', '2024-03:1', '2024-04:2', '2024-05:2', '2024-06:3']);
  });

  it('refreshes every registry element in the same three statements (lock, delete, insert)', async () => {
    const statements = w.database.queryCount();
    await refreshMemberFacts(w.database.db, [w.units.a1, w.units.a2, w.units.b1]);
    expect(w.database.queryCount() - statements).toBe(3);
    expect(await facts(w.units.a2, el.women)).toEqual(['2024-01:1', '2024-02:1', '2024-03:1', '2024-04:2', '2024-05:2', '2024-06:3']);
  });

  it('refuses a women element of another shape, or with an addend, in Vietnamese', async () => {
    const base = { code: 'nu_sai', nameVi: 'Nữ', nameEn: 'Women', valueType: 'number', aggregation: 'last', derivedFrom: 'female_members' };
    const sum = await w.admin.post('/api/data-elements', { ...base, aggregation: 'sum' });
    expect(sum.statusCode).toBe(400);
    expect(sum.json().error.fields[0]).toMatchObject({
      field: 'aggregation',
      message: 'Dữ liệu tính từ sổ đoàn viên phải là kiểu số, lấy số gần nhất, không có "không áp dụng".',
    });
    const na = await w.admin.post('/api/data-elements', { ...base, derivedFrom: 'women_office_holders', allowsNotApplicable: true });
    expect(na.json().error.fields[0]).toMatchObject({ field: 'allowsNotApplicable' });
    const workers = await w.admin.post('/api/data-elements', {
      code: 'nu_cnvcld_chua_dv',
      nameVi: 'Nữ CNVCLĐ chưa là đoàn viên',
      nameEn: 'Women workers not members',
      valueType: 'number',
      aggregation: 'last',
    });
    expect(workers.statusCode, workers.body).toBe(201);
    const withAddend = await w.admin.post('/api/data-elements', { ...base, derivedAddendElementId: workers.json().id });
    expect(withAddend.statusCode).toBe(400);
    expect(withAddend.json().error.fields[0]).toMatchObject({
      field: 'derivedAddendElementId',
      message: 'Chỉ số đoàn viên tính từ sổ đoàn viên mới cộng thêm được dữ liệu báo cáo.',
    });
    const [row] = await queryRows<{ n: number }>(w.database.db, sql`select count(*)::int as n from data_elements where code = 'nu_sai'`);
    expect(Number(row!.n)).toBe(0);
  });
});

describe('derived facts of women in a closed period', () => {
  const ctx = useReportingWorld();

  it('keeps the closed month as it was when a gender is corrected later', async () => {
    const { db } = ctx.database;
    const { tree } = ctx.world;
    const [women] = await db
      .insert(dataElements)
      .values({
        code: 'female_members',
        nameVi: 'Nữ',
        nameEn: 'Women',
        valueType: 'number',
        aggregation: 'last',
        derivedFrom: 'female_members',
      })
      .returning();
    const member = await admitMember(
      db,
      SYSTEM_ACTOR,
      AdmitMemberBody.parse(admitBody(tree.g3.id, { admittedOn: '2024-03-15', gender: 'female', fullName: 'Đỗ Thị Thu' })),
    );
    const womenOf = async () =>
      Object.fromEntries(
        (
          await queryRows<{ month: string; n: string }>(
            db,
            sql`select to_char(month, 'YYYY-MM') as month, value_number::text as n from facts
                where unit_id = ${tree.g3.id}::uuid and data_element_id = ${women!.id}::uuid
                  and month between '2024-09-01' and '2024-11-01' order by month`,
          )
        ).map((r) => [r.month, Number(r.n)]),
      );
    expect(await womenOf()).toEqual({ '2024-09': 1, '2024-10': 1, '2024-11': 1 });
    const october = ctx.world.period('monthly', 10);
    const [period] = await db.select().from(reportPeriods).where(eq(reportPeriods.id, october.id));
    await closeReportPeriod(db, ctx.actors.leaderS, october.id, { expectedVersion: period!.rowVersion });
    await updateMember(db, SYSTEM_ACTOR, member.member.id, {
      expectedVersion: await rowVersionOf(db, 'members', member.member.id),
      gender: 'male',
    });
    expect(await womenOf()).toEqual({ '2024-09': 0, '2024-10': 1, '2024-11': 0 });
  });
});
