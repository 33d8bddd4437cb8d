// The batch admission (admitMembers): members with their histories written
// set-wise, with the single use-cases' checks, all or nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { dataElements } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { admitMember } from './admit-member.js';
import { admitMembers } from './admit-members.js';
import { issueMemberCard } from './issue-member-card.js';
import { leaveMember } from './leave-member.js';
import { actorOf } from './import.fixtures.js';
import { createHistoryTree, registryCounts } from './members.fixtures.js';
import { rejoinMember } from './rejoin-member.js';
import { AdmitMemberBody, AdmitMembersBody, type AdmitMembersInput } from './schemas.js';
import { transferMember } from './transfer-member.js';

const TODAY = '2024-12-31';

describe('admitMembers (kết nạp hàng loạt, with histories)', () => {
  let database: DatabaseHandle;
  const u = { p: '', da: '', db: '', a1: '', a2: '', a3: '', b1: '' };
  let officerA: Actor;
  let chairA1: Actor;
  let officerB: Actor;
  let serial = 0;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A3 belonged to district A until 31/12/2022, then to district B.
    Object.assign(u, await createHistoryTree(db()));
    const user = async (role: 'federation_officer' | 'grassroots_officer', unitId: string, includesSubtree = true) =>
      actorOf(db(), await createUser(db(), { role, unitId, includesSubtree }));
    officerA = await user('federation_officer', u.da);
    chairA1 = await user('grassroots_officer', u.a1, false);
    officerB = await user('federation_officer', u.db);
    await db().insert(dataElements).values({
      code: 'members_active',
      nameVi: 'Số đoàn viên',
      nameEn: 'Members',
      valueType: 'number',
      aggregation: 'last',
      derivedFrom: 'active_members',
    });
  });
  afterAll(async () => database?.close());

  /** A new person (unique name and CCCD) admitted into the unit on the date, with the later events given. */
  const person = (unitId: string, admittedOn: string, history: unknown[] = [], extra: Record<string, unknown> = {}) => {
    serial += 1;
    return {
      fullName: `Lê Văn Lô ${serial}`,
      gender: 'male',
      birthDate: '1990-01-01',
      citizenId: `0910900${String(serial).padStart(5, '0')}`,
      unitId,
      admittedOn,
      history,
      ...extra,
    };
  };
  const batch = (...members: unknown[]): AdmitMembersInput => AdmitMembersBody.parse({ members });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: { code: string; fields: Array<{ field: string }> }) => ({ code: e.code, field: e.fields[0]?.field }),
    );

  const memberState = async (id: string) => {
    const [m] = await queryRows<{
      status: string;
      unit_id: string;
      admitted_on: string;
      card_number: string | null;
      card_issued_on: string | null;
    }>(
      db(),
      sql`select status, unit_id, admitted_on::text as admitted_on, card_number, card_issued_on::text as card_issued_on from members where id = ${id}::uuid`,
    );
    const events = await queryRows<Record<string, unknown>>(
      db(),
      sql`select kind, event_date::text as date, unit_id, to_unit_id, to_outside_name, transfer_state, decided_on::text as decided_on,
            card_number, seq from member_events where member_id = ${id}::uuid order by event_date, seq`,
    );
    const periods = await queryRows<Record<string, unknown>>(
      db(),
      sql`select unit_id, valid_from::text as valid_from, valid_to::text as valid_to from member_unit_periods where member_id = ${id}::uuid order by valid_from`,
    );
    return { member: m!, events, periods };
  };

  it('writes the members, their events in order, periods, cards and audit entries, and refreshes the derived facts once', async () => {
    const input = batch(
      // Moves A1 → A2 (both held: accepted at once), a new card, then leaves.
      person(
        u.a1,
        '2020-01-10',
        [
          { kind: 'transferred', date: '2022-03-01', toUnitId: u.a2, note: 'Chuyển công tác' },
          { kind: 'card_issued', date: '2023-01-01', cardNumber: 'kg 0002' },
          { kind: 'left', date: '2024-02-15', note: 'Nghỉ việc' },
        ],
        { cardNumber: 'KG-0001' },
      ),
      // Sent to B1, outside district A: waits for the receiver.
      person(u.a2, '2021-05-01', [{ kind: 'transferred', date: '2023-06-01', toUnitId: u.b1 }]),
      // Out of the system, then back.
      person(u.a1, '2019-01-01', [
        { kind: 'transferred', date: '2020-01-01', toOutsideName: 'CĐCS Công ty X (tỉnh khác)' },
        { kind: 'rejoined', date: '2022-01-01', unitId: u.a1 },
      ]),
    );
    const before = database.queryCount();
    const { ids } = await admitMembers(db(), officerA, input, { today: TODAY });
    const statements = database.queryCount() - before;
    expect(ids).toHaveLength(3);

    const [m1, m2, m3] = await Promise.all(ids.map(memberState));
    expect(m1!.member).toEqual({
      status: 'left',
      unit_id: u.a2,
      admitted_on: '2020-01-10',
      card_number: 'KG0002',
      card_issued_on: '2023-01-01',
    });
    expect(m1!.events).toEqual([
      expect.objectContaining({ kind: 'admitted', date: '2020-01-10', unit_id: u.a1, seq: 0 }),
      expect.objectContaining({ kind: 'card_issued', date: '2020-01-10', card_number: 'KG-0001', seq: 1 }),
      expect.objectContaining({
        kind: 'transferred',
        date: '2022-03-01',
        unit_id: u.a1,
        to_unit_id: u.a2,
        transfer_state: 'accepted',
        decided_on: TODAY,
        seq: 2,
      }),
      expect.objectContaining({ kind: 'card_issued', date: '2023-01-01', unit_id: u.a2, card_number: 'KG0002', seq: 3 }),
      expect.objectContaining({ kind: 'left', date: '2024-02-15', unit_id: u.a2, seq: 4 }),
    ]);
    expect(m1!.periods).toEqual([
      { unit_id: u.a1, valid_from: '2020-01-10', valid_to: '2022-02-28' },
      { unit_id: u.a2, valid_from: '2022-03-01', valid_to: '2024-02-14' },
    ]);
    expect(m2!.member).toMatchObject({ status: 'active', unit_id: u.a2 });
    expect(m2!.events[1]).toMatchObject({ kind: 'transferred', to_unit_id: u.b1, transfer_state: 'pending', decided_on: null });
    expect(m3!.member).toMatchObject({ status: 'active', unit_id: u.a1, admitted_on: '2019-01-01' });
    expect(m3!.periods).toEqual([
      { unit_id: u.a1, valid_from: '2019-01-01', valid_to: '2019-12-31' },
      { unit_id: u.a1, valid_from: '2022-01-01', valid_to: null },
    ]);

    const audits = await queryRows<{ entity_id: string; action: string; user_id: string; unit_id: string; entity_label: string }>(
      db(),
      sql`select entity_id, action, user_id, unit_id, entity_label from audit_log where entity_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) order by id`,
    );
    expect(audits.map((a) => [a.entity_id, a.action, a.user_id, a.unit_id])).toEqual([
      [ids[0], 'member.admit', officerA.userId, u.a1],
      [ids[1], 'member.admit', officerA.userId, u.a2],
      [ids[2], 'member.admit', officerA.userId, u.a1],
    ]);
    expect(audits[0]!.entity_label).toMatch(/^Lê Văn Lô /);

    // Members at month end: A2 had m1 (from 03/2022 to 14/02/2024) and m2.
    const [fact] = await queryRows<{ n: number }>(
      db(),
      sql`select value_number::int as n from facts f join data_elements de on de.id = f.data_element_id and de.code = 'members_active'
          where f.unit_id = ${u.a2}::uuid and f.month = '2024-01-01'`,
    );
    expect(fact!.n).toBe(2);

    // Set-wise: the same statements for 3 members as for 150.
    const many = batch(
      ...Array.from({ length: 150 }, (_, i) =>
        person(i % 2 ? u.a1 : u.a2, '2024-03-01', [{ kind: 'card_issued', date: '2024-04-01', cardNumber: `BULK-${serial}-${i}` }]),
      ),
    );
    const start = database.queryCount();
    expect((await admitMembers(db(), officerA, many, { today: TODAY })).ids).toHaveLength(150);
    expect(database.queryCount() - start).toBe(statements);
    expect(statements).toBeLessThan(20);
  });

  it('gives the same member as the single use-cases replayed one event at a time', async () => {
    const history = [
      { kind: 'transferred', date: '2022-03-01', toUnitId: u.a2 },
      { kind: 'card_issued', date: '2022-06-01', cardNumber: 'SAME-2' },
      { kind: 'left', date: '2023-02-01' },
      { kind: 'rejoined', date: '2024-01-15', unitId: u.a1 },
    ] as const;
    const batched = person(u.a1, '2021-01-04', [...history], { cardNumber: 'SAME-1' });
    const single = person(u.a1, '2021-01-04', [], { cardNumber: 'SAME-1B' });
    const [viaBatch] = (await admitMembers(db(), officerA, batch(batched))).ids;
    const one = (await admitMember(db(), officerA, AdmitMemberBody.parse(single))).member;
    await transferMember(db(), officerA, one.id, { date: '2022-03-01', toUnitId: u.a2 });
    await issueMemberCard(db(), officerA, one.id, { date: '2022-06-01', cardNumber: 'SAME-2B' });
    await leaveMember(db(), officerA, one.id, { date: '2023-02-01', reason: 'left' });
    await rejoinMember(db(), officerA, one.id, { date: '2024-01-15', unitId: u.a1 });
    const a = await memberState(viaBatch!);
    const b = await memberState(one.id);
    const withoutCards = (s: typeof a) => ({
      ...s,
      member: { ...s.member, card_number: null },
      events: s.events.map((e) => ({ ...e, card_number: null })),
    });
    expect(withoutCards(a)).toEqual(withoutCards(b));
    expect([a.member.card_number, b.member.card_number]).toEqual(['SAME-2', 'SAME-2B']);
  });

  it('refuses the whole batch when one member is bad, names the member and writes nothing', async () => {
    const taken = person(u.a1, '2024-01-02', [], { cardNumber: 'TAKEN-1' });
    await admitMembers(db(), officerA, batch(taken), { today: TODAY });
    const before = await registryCounts(database);
    const good = () => person(u.a1, '2024-02-01');
    const cases: Array<[unknown[], { code: string; field: string }]> = [
      [[good(), good(), { ...good(), citizenId: taken.citizenId }], { code: 'MEMBER_CITIZEN_ID_TAKEN', field: 'members.2.citizenId' }],
      [[good(), person(u.a2, '2024-02-01', [], { cardNumber: 'TAKEN-1' })], { code: 'MEMBER_CARD_TAKEN', field: 'members.1.cardNumber' }],
      [[good(), { ...taken, citizenId: null, cardNumber: null }], { code: 'MEMBER_DUPLICATE_PERSON', field: 'members.1.fullName' }],
      (() => {
        const twice = good();
        return [
          [twice, good(), { ...good(), citizenId: twice.citizenId }],
          { code: 'MEMBER_CITIZEN_ID_TAKEN', field: 'members.2.citizenId' },
        ];
      })(),
      [
        [
          good(),
          person(u.a1, '2022-01-01', [
            { kind: 'left', date: '2023-01-01' },
            { kind: 'card_issued', date: '2022-06-01', cardNumber: 'LATE-1' },
          ]),
        ],
        { code: 'MEMBER_DATE_BEFORE_LAST_EVENT', field: 'members.1.history.1.date' },
      ],
      [
        [
          good(),
          person(u.a1, '2022-01-01', [
            { kind: 'left', date: '2023-01-01' },
            { kind: 'left', date: '2023-02-01' },
          ]),
        ],
        { code: 'MEMBER_NOT_ACTIVE', field: 'members.1.history.1' },
      ],
      [
        [
          good(),
          person(u.a2, '2022-01-01', [
            { kind: 'transferred', date: '2023-01-01', toUnitId: u.b1, transferState: 'pending' },
            { kind: 'transferred', date: '2023-02-01', toUnitId: u.a1 },
          ]),
        ],
        { code: 'MEMBER_TRANSFER_PENDING', field: 'members.1.history.1' },
      ],
      [[good(), person(u.da, '2022-01-01')], { code: 'MEMBER_UNIT_NOT_GRASSROOTS', field: 'members.1.unitId' }],
      [[good(), person(u.a1, '1999-12-31')], { code: 'MEMBER_UNIT_NOT_VALID', field: 'members.1.unitId' }],
      [[good(), person(u.a1, '2025-01-01')], { code: 'MEMBER_DATE_IN_FUTURE', field: 'members.1.admittedOn' }],
      [
        [good(), person(u.a1, '2022-01-01', [], { birthDate: '2022-01-01' })],
        { code: 'MEMBER_BIRTH_DATE_INVALID', field: 'members.1.birthDate' },
      ],
    ];
    for (const [members, expected] of cases) {
      expect(await refusal(admitMembers(db(), officerA, batch(...members), { today: TODAY }))).toEqual(expected);
    }
    expect(await registryCounts(database)).toEqual(before);
    // Field rules are the API's: a bad phone never reaches the use-case.
    expect(AdmitMembersBody.safeParse({ members: [{ ...good(), phone: '12345678' }] }).success).toBe(false);
  });

  it('refuses an out-of-scope unit with 403, at the date each event takes effect', async () => {
    const before = await registryCounts(database);
    const cases: Array<[Actor, unknown[], string]> = [
      // A CĐCS chair admits into their own unit only.
      [chairA1, [person(u.a1, '2024-01-02'), person(u.a2, '2024-01-02')], 'members.1'],
      [officerB, [person(u.a1, '2024-01-02')], 'members.0'],
      // A transfer recorded as accepted needs the receiving unit too.
      [
        chairA1,
        [person(u.a1, '2022-01-02', [{ kind: 'transferred', date: '2023-01-01', toUnitId: u.a2, transferState: 'accepted' }])],
        'members.0.history.0',
      ],
      // District A held A3 until 31/12/2022: it admits there in 2022, but the leaving in 2024 is district B's to write.
      [officerA, [person(u.a3, '2022-06-01', [{ kind: 'left', date: '2024-03-01' }])], 'members.0.history.0'],
      // …and district B did not hold A3 in 2022.
      [officerB, [person(u.a3, '2022-06-01')], 'members.0'],
    ];
    for (const [actor, members, field] of cases) {
      expect(await refusal(admitMembers(db(), actor, batch(...members), { today: TODAY }))).toEqual({ code: 'FORBIDDEN', field });
    }
    expect(await registryCounts(database)).toEqual(before);
    // Admitted in 2022 by district A, which held A3 then, with no later event: written.
    expect((await admitMembers(db(), officerA, batch(person(u.a3, '2022-06-01')), { today: TODAY })).ids).toHaveLength(1);
  });

  it("joins the caller's transaction: the caller's rollback undoes it, its refusal leaves the caller's transaction usable", async () => {
    const before = await registryCounts(database);
    await expect(
      db().transaction(async (tx) => {
        await admitMembers(tx, officerA, batch(person(u.a1, '2024-05-02')), { today: TODAY });
        throw new Error('caller fails afterwards');
      }),
    ).rejects.toThrow('caller fails afterwards');
    expect(await registryCounts(database)).toEqual(before);
    const kept = person(u.a1, '2024-05-03');
    await db().transaction(async (tx) => {
      await expect(
        admitMembers(tx, officerA, batch({ ...person(u.a1, '2024-05-02'), citizenId: kept.citizenId }, kept), { today: TODAY }),
      ).rejects.toMatchObject({
        code: 'MEMBER_CITIZEN_ID_TAKEN',
      });
      await admitMembers(tx, officerA, batch(kept), { today: TODAY });
    });
    expect((await registryCounts(database)).members).toBe(before.members + 1);
  });
});
