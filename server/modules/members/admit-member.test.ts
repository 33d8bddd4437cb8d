import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql.js';
import { admitBody, createMemberWorld, registryCounts, type MemberWorld } from './members.fixtures.js';

describe('POST /api/members (kết nạp đoàn viên)', () => {
  let w: MemberWorld;
  beforeAll(async () => {
    w = await createMemberWorld();
  });
  afterAll(async () => w?.close());

  it('admits a member with a card: status, unit, events, period and audit come from the admission', async () => {
    const res = await w.officerA.post(
      '/api/members',
      admitBody(w.units.a1, { fullName: 'Trần Thị Ánh', gender: 'female', cardNumber: 'KG-0001' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      fullName: 'Trần Thị Ánh',
      status: 'active',
      unitId: w.units.a1,
      unitCode: 'A1',
      admittedOn: '2024-03-15',
      cardNumber: 'KG-0001',
      cardIssuedOn: '2024-03-15',
      personalDataMasked: false,
      birthDate: '1990-05-17',
      can: { edit: true, transfer: true, leave: true, rejoin: false, issueCard: true },
    });
    expect(m.events.map((e: { kind: string }) => e.kind)).toEqual(['admitted', 'card_issued']);
    const periods = await queryRows<{ unit_id: string; valid_from: unknown; valid_to: unknown }>(
      w.database.db,
      sql`select unit_id, valid_from::text as valid_from, valid_to from member_unit_periods where member_id = ${m.id}::uuid`,
    );
    expect(periods).toEqual([{ unit_id: w.units.a1, valid_from: '2024-03-15', valid_to: null }]);
    const [audit] = await queryRows<{ action: string; unit_id: string; after: { fullName: string } }>(
      w.database.db,
      sql`select action, unit_id, after from audit_log where entity_id = ${m.id} order by id`,
    );
    expect(audit).toMatchObject({ action: 'member.admit', unit_id: w.units.a1, after: { fullName: 'Trần Thị Ánh' } });
  });

  it('lets a CĐCS chair admit into their own unit only', async () => {
    expect((await w.chairA1.post('/api/members', admitBody(w.units.a1))).statusCode).toBe(201);
    const before = await registryCounts(w.database);
    expect((await w.chairA1.post('/api/members', admitBody(w.units.a2))).statusCode).toBe(403);
    expect((await w.officerB.post('/api/members', admitBody(w.units.a1))).statusCode).toBe(403);
    expect((await w.viewerA.post('/api/members', admitBody(w.units.a1))).statusCode).toBe(403);
    expect(await registryCounts(w.database)).toEqual(before);
  });

  it('tells an officer only that a CCCD held in a unit they do not manage is a duplicate for the federation', async () => {
    const elsewhere = admitBody(w.units.b1);
    expect((await w.officerB.post('/api/members', elsewhere)).statusCode).toBe(201);
    const before = await registryCounts(w.database);
    const res = await w.officerA.post('/api/members', admitBody(w.units.a1, { citizenId: elsewhere.citizenId }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { field: 'citizenId', message: 'Số CCCD này trùng với dữ liệu đoàn viên đã có; đề nghị Liên đoàn Lao động cấp trên xem xét, xử lý.' },
    ]);
    expect(await registryCounts(w.database)).toEqual(before);
  });

  it('refuses bad input with a Vietnamese message per field and writes nothing', async () => {
    const taken = admitBody(w.units.a1, { fullName: 'Lê Văn Bình', birthDate: '1985-01-02' });
    expect((await w.officerA.post('/api/members', taken)).statusCode).toBe(201);
    const before = await registryCounts(w.database);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [admitBody(w.units.a1, { citizenId: '09123456789A' }), 'citizenId', 'Số CCCD phải gồm đúng 12 chữ số.'],
      [admitBody(w.units.a1, { citizenId: '0912345678' }), 'citizenId', 'Số CCCD phải gồm đúng 12 chữ số.'],
      [admitBody(w.units.a1, { admittedOn: '2999-01-01' }), 'admittedOn', 'Ngày không được sau ngày hôm nay.'],
      [admitBody(w.units.a1, { birthDate: '1899-12-31' }), 'birthDate', 'Ngày sinh phải từ năm 1900 và trước ngày kết nạp.'],
      [admitBody(w.units.a1, { birthDate: '2024-04-01' }), 'birthDate', 'Ngày sinh phải từ năm 1900 và trước ngày kết nạp.'],
      [admitBody(w.units.districtA), 'unitId', 'Đoàn viên chỉ sinh hoạt tại công đoàn cơ sở hoặc công đoàn bộ phận.'],
      [
        admitBody(w.units.a1, { admittedOn: '1999-12-31', birthDate: '1970-01-01' }),
        'unitId',
        'Đơn vị không hoạt động vào ngày 31/12/1999.',
      ],
      [admitBody(w.units.a1, { citizenId: taken.citizenId }), 'citizenId', 'Số CCCD này đã có trong sổ đoàn viên.'],
      [
        admitBody(w.units.a1, { fullName: 'LÊ VĂN BÌNH', birthDate: '1985-01-02' }),
        'fullName',
        'Đơn vị đã có đoàn viên cùng họ tên và ngày sinh.',
      ],
      [admitBody(w.units.a1, { cardNumber: 'KG-0001' }), 'cardNumber', 'Số thẻ đoàn viên này đã được cấp cho người khác.'],
      [admitBody(w.units.a1, { gender: 'other' }), 'gender', 'Giá trị không nằm trong danh sách cho phép.'],
      [admitBody(w.units.a1, { fullName: '  ' }), 'fullName', 'Trường này là bắt buộc.'],
      // The same phone rule as the forms and the Excel import (common/fields.ts).
      [admitBody(w.units.a1, { phone: '12345678' }), 'phone', 'Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678).'],
      [
        admitBody(w.units.a1, { cardNumber: 'THẺ#1' }),
        'cardNumber',
        'Số thẻ đoàn viên chỉ gồm chữ cái không dấu, chữ số và các ký tự . / -',
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await w.officerA.post('/api/members', body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.fields, field).toContainEqual({ field, message });
    }
    expect(await registryCounts(w.database)).toEqual(before);
  });

  it('stores phone, CCCD, card number and name in the one form the import and the forms store', async () => {
    const res = await w.officerA.post(
      '/api/members',
      admitBody(w.units.a1, {
        fullName: '  Phạm   Thị  Dung ',
        phone: '0912 345 678',
        citizenId: '091 190 000 777',
        cardNumber: 'kg 0777',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fullName: 'Phạm Thị Dung', phone: '0912345678', citizenId: '091190000777', cardNumber: 'KG0777' });
    const plus84 = await w.officerA.patch(`/api/members/${res.json().id}`, {
      phone: '+84 912 345 679',
      expectedVersion: res.json().rowVersion,
    });
    expect(plus84.json()).toMatchObject({ phone: '0912345679' });
  });
});
