import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql.js';
import { admitBody, createMemberWorld, registryCounts, type MemberWorld } from './members.fixtures.js';

describe('transfers (chuyển sinh hoạt), leaving and re-joining', () => {
  let w: MemberWorld;
  beforeAll(async () => {
    w = await createMemberWorld();
  });
  afterAll(async () => w?.close());

  const admit = async (unitId: string, overrides: Record<string, unknown> = {}) => {
    const res = await w.officerA.post('/api/members', admitBody(unitId, { admittedOn: '2020-02-01', ...overrides }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const periods = (memberId: string) =>
    queryRows<{ unit_id: string; valid_from: string; valid_to: string | null }>(
      w.database.db,
      sql`select unit_id, valid_from::text as valid_from, valid_to::text as valid_to from member_unit_periods where member_id = ${memberId}::uuid order by valid_from`,
    );

  it('moves a member at once within the sender’s scope, then derives status across leaving and re-joining', async () => {
    const id = await admit(w.units.a1);
    const moved = await w.officerA.post(`/api/members/${id}/transfer`, { date: '2022-06-01', toUnitId: w.units.a2 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'active', unitId: w.units.a2, pendingTransfer: false });
    const left = await w.officerA.post(`/api/members/${id}/leave`, { date: '2023-03-01', reason: 'left' });
    expect(left.json()).toMatchObject({ status: 'left', unitId: w.units.a2, can: { transfer: false, leave: false, rejoin: true } });
    const back = await w.officerA.post(`/api/members/${id}/rejoin`, { date: '2024-05-02', unitId: w.units.a1 });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'active', unitId: w.units.a1, admittedOn: '2020-02-01' });
    expect(back.json().events.map((e: { kind: string }) => e.kind)).toEqual(['admitted', 'transferred', 'left', 'rejoined']);
    expect(await periods(id)).toEqual([
      { unit_id: w.units.a1, valid_from: '2020-02-01', valid_to: '2022-05-31' },
      { unit_id: w.units.a2, valid_from: '2022-06-01', valid_to: '2023-02-28' },
      { unit_id: w.units.a1, valid_from: '2024-05-02', valid_to: null },
    ]);
  });

  it('keeps a transfer to a unit outside the sender’s scope waiting for the receiver, who accepts it', async () => {
    const id = await admit(w.units.a1);
    const sent = await w.chairA1.post(`/api/members/${id}/transfer`, { date: '2024-07-01', toUnitId: w.units.b1, note: 'Chuyển công tác' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'active', unitId: w.units.a1, pendingTransfer: true, can: { transfer: false } });
    // A second transfer while one waits is refused.
    expect((await w.chairA1.post(`/api/members/${id}/transfer`, { date: '2024-07-02', toUnitId: w.units.a2 })).json().error.code).toBe(
      'MEMBER_TRANSFER_PENDING',
    );

    const incoming = (await w.officerB.get('/api/members/transfers/pending')).json().items;
    expect(incoming).toEqual([expect.objectContaining({ memberId: id, fromUnitId: w.units.a1, toUnitId: w.units.b1, canDecide: true })]);
    const outgoing = (await w.chairA1.get('/api/members/transfers/pending')).json().items;
    expect(outgoing).toEqual([expect.objectContaining({ memberId: id, canDecide: false })]);
    // The receiver does not read the member before accepting; the sender cannot decide.
    expect((await w.officerB.get(`/api/members/${id}`)).statusCode).toBe(403);
    const eventId = incoming[0].eventId as string;
    expect((await w.chairA1.post(`/api/members/transfers/${eventId}/decide`, { accept: true })).statusCode).toBe(403);

    const accepted = await w.officerB.post(`/api/members/transfers/${eventId}/decide`, { accept: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ memberId: id, eventId, transferState: 'accepted' });
    expect((await w.officerB.get(`/api/members/${id}`)).json()).toMatchObject({
      status: 'active',
      unitId: w.units.b1,
      pendingTransfer: false,
    });
    expect((await w.chairA1.get(`/api/members/${id}`)).statusCode).toBe(403);
    expect(await periods(id)).toEqual([
      { unit_id: w.units.a1, valid_from: '2020-02-01', valid_to: '2024-06-30' },
      { unit_id: w.units.b1, valid_from: '2024-07-01', valid_to: null },
    ]);
    expect((await w.officerB.post(`/api/members/transfers/${eventId}/decide`, { accept: false })).json().error.code).toBe(
      'MEMBER_TRANSFER_NOT_PENDING',
    );
  });

  it('leaves the member where they were when the receiver refuses', async () => {
    const id = await admit(w.units.a1);
    await w.officerA.post(`/api/members/${id}/transfer`, { date: '2024-07-01', toUnitId: w.units.b1 });
    const [{ eventId }] = (await w.officerB.get('/api/members/transfers/pending')).json().items;
    expect(
      (await w.officerB.post(`/api/members/transfers/${eventId}/decide`, { accept: false, note: 'Không đúng đơn vị' })).json()
        .transferState,
    ).toBe('refused');
    expect((await w.officerA.get(`/api/members/${id}`)).json()).toMatchObject({
      status: 'active',
      unitId: w.units.a1,
      pendingTransfer: false,
    });
  });

  it('marks a transfer to a union outside the system as transferred out', async () => {
    const id = await admit(w.units.a2);
    const res = await w.officerA.post(`/api/members/${id}/transfer`, {
      date: '2024-02-01',
      toOutsideName: 'CĐCS Công ty X, TP. Hồ Chí Minh',
    });
    expect(res.json()).toMatchObject({ status: 'transferred_out', unitId: w.units.a2 });
  });

  it('refuses bad transfers and leavings, changing nothing', async () => {
    const id = await admit(w.units.a1);
    const before = await registryCounts(w.database);
    const bad: Array<[string, Record<string, unknown>, string]> = [
      [`/api/members/${id}/transfer`, { date: '2024-02-01' }, 'MEMBER_TRANSFER_TARGET_REQUIRED'],
      [`/api/members/${id}/transfer`, { date: '2024-02-01', toUnitId: w.units.a1 }, 'MEMBER_TRANSFER_SAME_UNIT'],
      [`/api/members/${id}/transfer`, { date: '2024-02-01', toUnitId: w.units.districtB }, 'MEMBER_UNIT_NOT_GRASSROOTS'],
      [`/api/members/${id}/transfer`, { date: '2019-02-01', toUnitId: w.units.a2 }, 'MEMBER_DATE_BEFORE_LAST_EVENT'],
      [`/api/members/${id}/leave`, { date: '2999-01-01', reason: 'left' }, 'MEMBER_DATE_IN_FUTURE'],
      [`/api/members/${id}/rejoin`, { date: '2024-02-01', unitId: w.units.a1 }, 'MEMBER_ALREADY_ACTIVE'],
    ];
    for (const [url, body, code] of bad) {
      const res = await w.officerA.post(url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code, url).toBe(code);
    }
    expect((await w.officerB.post(`/api/members/${id}/leave`, { date: '2024-02-01', reason: 'left' })).statusCode).toBe(403);
    expect(await registryCounts(w.database)).toEqual(before);
  });

  it('records a death; a deceased member cannot be re-admitted', async () => {
    const id = await admit(w.units.a1);
    expect((await w.officerA.post(`/api/members/${id}/leave`, { date: '2024-04-01', reason: 'died' })).json()).toMatchObject({
      status: 'deceased',
      can: { rejoin: false },
    });
    expect((await w.officerA.post(`/api/members/${id}/rejoin`, { date: '2024-05-01', unitId: w.units.a1 })).json().error.code).toBe(
      'MEMBER_NOT_ACTIVE',
    );
  });
});
