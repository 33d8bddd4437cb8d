import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../../../test/factories.js';
import { createMemberWorld, type MemberWorld } from './members.fixtures.js';

// GET /api/members/receiving-unit: the one receiving union a transfer names by
// its code, in or out of the caller's scope, and nothing else.
describe('the receiving union of a transfer, by its code', () => {
  let w: MemberWorld;
  let closedId: string;
  beforeAll(async () => {
    w = await createMemberWorld();
    // A CĐCS of district B founded 01/03/2021 and dissolved 31/12/2023.
    closedId = (
      await createUnit(w.database.db, {
        parentId: w.units.districtB,
        code: 'B9',
        fullName: 'CĐCS Hợp tác xã B9',
        validFrom: '2021-03-01',
        validTo: '2023-12-31',
      })
    ).id;
  });
  afterAll(async () => w?.close());

  const find = (client: MemberWorld['chairA1'], code: string, date = '2024-07-01') =>
    client.get(`/api/members/receiving-unit?${new URLSearchParams({ code, date }).toString()}`);

  it('finds a CĐCS outside the chair’s scope by its exact code, in any case and with spaces around it', async () => {
    for (const code of ['B1', 'b1', '  b1 ']) {
      const res = await find(w.chairA1, code);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(200);
      expect(res.json()).toEqual({ id: w.units.b1, code: 'B1', fullName: 'CĐCS Công ty B1', shortName: 'B1', inScope: false });
    }
    // A sibling CĐCS of the same district is out of the chair's scope too.
    expect((await find(w.chairA1, 'a2')).json()).toMatchObject({ id: w.units.a2, inScope: false });
  });

  it('says whether the caller manages members there (the transfer then takes effect at once)', async () => {
    expect((await find(w.chairA1, 'A1')).json()).toMatchObject({ id: w.units.a1, inScope: true });
    expect((await find(w.officerA, 'A2')).json()).toMatchObject({ id: w.units.a2, inScope: true });
    expect((await find(w.officerA, 'B1')).json()).toMatchObject({ id: w.units.b1, inScope: false });
    expect((await find(w.officerB, 'B1')).json()).toMatchObject({ id: w.units.b1, inScope: true });
    expect((await find(w.admin, 'B1')).json()).toMatchObject({ id: w.units.b1, inScope: true });
  });

  it('finds a unit only on the dates it is active', async () => {
    expect((await find(w.chairA1, 'B9', '2021-03-01')).json()).toMatchObject({ id: closedId, inScope: false });
    expect((await find(w.chairA1, 'B9', '2023-12-31')).json()).toMatchObject({ id: closedId });
    for (const date of ['2021-02-28', '2024-01-01']) {
      const res = await find(w.chairA1, 'B9', date);
      expect(res.statusCode, date).toBe(404);
      expect(res.json().error.code).toBe('MEMBER_RECEIVING_UNIT_NOT_FOUND');
    }
  });

  it('answers 404 with a Vietnamese message for a district federation, a province and an unknown code', async () => {
    for (const code of ['DA', 'db', 'P', 'ZZ99', 'B']) {
      const res = await find(w.chairA1, code);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'MEMBER_RECEIVING_UNIT_NOT_FOUND',
        message: `Không tìm thấy công đoàn cơ sở có mã ${code.trim()} hoạt động vào ngày 01/07/2024.`,
      });
      // Nothing of the unit is told.
      expect(res.body).not.toContain(w.units.districtA);
      expect(res.body).not.toContain(w.units.districtB);
    }
  });

  it('is for those who manage members: a viewer gets 403; a bad query 400', async () => {
    const viewer = await find(w.viewerA, 'B1');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.body).not.toContain(w.units.b1);
    expect((await find(w.chairA1, '', '2024-07-01')).statusCode).toBe(400);
    expect((await find(w.chairA1, 'B1', '01/07/2024')).statusCode).toBe(400);
    expect((await w.chairA1.get('/api/members/receiving-unit?code=B1')).statusCode).toBe(400);
  });
});
