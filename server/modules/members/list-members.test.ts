import { rowVersionOf } from '../../../test/factories.js';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql.js';
import { todayInVietnam } from '../../lib/dates.js';
import { admitBody, createMemberWorld, type MemberWorld } from './members.fixtures.js';

describe('GET /api/members, /api/members/:id and /api/members/export', () => {
  let w: MemberWorld;
  const ids: Record<string, string> = {};
  const year = Number(todayInVietnam().slice(0, 4));

  beforeAll(async () => {
    w = await createMemberWorld();
    const people: Array<[string, string, Record<string, unknown>]> = [
      [
        'anh',
        w.units.a1,
        {
          fullName: 'Nguyễn Thị Ánh',
          gender: 'female',
          birthDate: `${year - 25}-01-01`,
          citizenId: '091200000001',
          cardNumber: 'KG-A-001',
          unionPosition: 'chair',
        },
      ],
      [
        'binh',
        w.units.a1,
        {
          fullName: 'Trần Văn Bình',
          birthDate: `${year - 45}-06-01`,
          citizenId: '091200000002',
          admittedOn: '2015-05-05',
          partyMember: true,
        },
      ],
      ['cuong', w.units.a2, { fullName: 'Lê Cường', birthDate: `${year - 35}-06-01`, citizenId: '091200000003', cardNumber: 'KG-A-002' }],
      ['dung', w.units.b1, { fullName: 'Phạm Thị Dung', gender: 'female', birthDate: `${year - 62}-06-01`, citizenId: '091200000004' }],
    ];
    for (const [key, unitId, body] of people) {
      const client = unitId === w.units.b1 ? w.officerB : w.officerA;
      const res = await client.post('/api/members', admitBody(unitId, body));
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    }
    await w.officerA.post(`/api/members/${ids.cuong}/leave`, { date: '2024-06-01', reason: 'left' });
  });
  afterAll(async () => w?.close());

  const names = async (client: keyof Pick<MemberWorld, 'officerA' | 'chairA1' | 'officerB' | 'viewerA' | 'admin'>, query: string) => {
    const res = await w[client].get(`/api/members?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((i: { fullName: string }) => i.fullName);
  };

  it('searches names with or without diacritics, a CCCD or a card number', async () => {
    expect(await names('officerA', 'q=nguyen thi anh')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('officerA', `q=${encodeURIComponent('TRẦN VĂN')}`)).toEqual(['Trần Văn Bình']);
    expect(await names('officerA', 'q=091200000002')).toEqual(['Trần Văn Bình']);
    expect(await names('officerA', 'q=kg-a-002')).toEqual(['Lê Cường']);
    expect(await names('officerA', 'q=KG-A-001')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('officerA', 'q=%25')).toEqual([]);
  });

  it('matches a name from the start of any word, with the same members and total whatever the path', async () => {
    const search = async (query: string) => {
      const res = await w.officerA.get(`/api/members?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return { names: res.json().items.map((i: { fullName: string }) => i.fullName), total: res.json().total };
    };
    // Word 1, 2, 3 and a prefix of the last; not from inside a word ("guyen", "anh" in no name, "nh").
    expect(await names('officerA', 'q=thi')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('officerA', 'q=van b')).toEqual(['Trần Văn Bình']);
    expect(await names('officerA', 'q=anh')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('officerA', 'q=c')).toEqual(['Lê Cường']);
    expect(await names('officerA', 'q=guyen')).toEqual([]);
    expect(await names('officerA', 'q=nh')).toEqual([]);
    // The index-only path (name order, no column filter) and the row path (another order, or a status filter) agree.
    const byName = await search('q=t');
    expect(byName).toEqual({ names: ['Nguyễn Thị Ánh', 'Trần Văn Bình'], total: 2 });
    expect(await search('q=t&sort=name&order=desc')).toEqual({ names: ['Trần Văn Bình', 'Nguyễn Thị Ánh'], total: 2 });
    expect(await search('q=t&sort=birthDate&order=desc')).toMatchObject({ total: 2 });
    expect(await search('q=t&status=active')).toEqual(byName);
    expect(await search('q=t&pageSize=1&page=2')).toEqual({ names: ['Trần Văn Bình'], total: 2 });
    // A page past the end still says how many there are (the page's rows carry the total; here there are none).
    expect(await search('q=t&pageSize=1&page=3')).toEqual({ names: [], total: 2 });
    expect(await search('q=t&status=active&pageSize=1&page=3')).toEqual({ names: [], total: 2 });
    expect(await search('q=zzz')).toEqual({ names: [], total: 0 });
    // Scope still applies: officer B sees only their own unit's member.
    expect(await names('officerB', 'q=t')).toEqual(['Phạm Thị Dung']);
    expect(await names('officerB', 'q=tran')).toEqual([]);
  });

  it('matches an exact CCCD or card number only for those who see the number unmasked', async () => {
    // A viewer sees "09*******001"; an exact search would let them recover the digits one guess at a time.
    expect(await names('viewerA', 'q=091200000001')).toEqual([]);
    expect(await names('viewerA', 'q=KG-A-001')).toEqual([]);
    expect(await names('viewerA', 'q=nguyen thi anh')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('chairA1', 'q=091200000001')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('admin', 'q=091200000004')).toEqual(['Phạm Thị Dung']);
    const res = await w.viewerA.get('/api/members/export?q=091200000001');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('Đoàn viên')!.getRow(2).getCell(2).text).not.toBe('Nguyễn Thị Ánh');
  });

  it('audits opening a member’s unmasked record, not a masked one', async () => {
    const before = await queryRows<{ n: number }>(
      w.database.db,
      sql`select count(*)::int as n from audit_log where action = 'member.view_personal_data'`,
    );
    await w.officerA.get(`/api/members/${ids.binh}`);
    await w.viewerA.get(`/api/members/${ids.binh}`);
    const rows = await queryRows<{ entity_id: string; user_id: string | null }>(
      w.database.db,
      sql`select entity_id, user_id from audit_log where action = 'member.view_personal_data' order by id`,
    );
    expect(rows.length - Number(before[0]!.n)).toBe(1);
    expect(rows.at(-1)!.entity_id).toBe(ids.binh);
  });

  it('filters by unit (with or without the subtree), status, gender, age band, position and admission year, and sorts', async () => {
    expect(await names('officerA', `unitId=${w.units.districtA}`)).toEqual(['Lê Cường', 'Nguyễn Thị Ánh', 'Trần Văn Bình']);
    expect(await names('officerA', `unitId=${w.units.districtA}&includeSubtree=false`)).toEqual([]);
    expect(await names('officerA', `unitId=${w.units.a1}&includeSubtree=false`)).toEqual(['Nguyễn Thị Ánh', 'Trần Văn Bình']);
    expect(await names('officerA', 'status=left')).toEqual(['Lê Cường']);
    expect(await names('officerA', 'gender=female')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('officerA', 'ageBand=under_30')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('officerA', 'ageBand=40_49')).toEqual(['Trần Văn Bình']);
    expect(await names('officerA', 'position=chair')).toEqual(['Nguyễn Thị Ánh']);
    expect(await names('officerA', 'admissionYear=2015')).toEqual(['Trần Văn Bình']);
    expect(await names('officerA', 'sort=birthDate&order=asc')).toEqual(['Trần Văn Bình', 'Lê Cường', 'Nguyễn Thị Ánh']);
    const page = (await w.officerA.get('/api/members?pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    expect((await w.officerA.get('/api/members?pageSize=1000')).statusCode).toBe(400);
  });

  it('keeps to the caller’s scope: a chair sees their own unit, another district nothing', async () => {
    expect(await names('chairA1', '')).toEqual(['Nguyễn Thị Ánh', 'Trần Văn Bình']);
    expect(await names('chairA1', `unitId=${w.units.a2}`)).toEqual([]);
    expect(await names('officerB', '')).toEqual(['Phạm Thị Dung']);
    expect(await names('admin', '')).toHaveLength(4);
    expect((await w.officerB.get(`/api/members/${ids.anh}`)).statusCode).toBe(403);
    expect((await w.chairA1.get(`/api/members/${ids.cuong}`)).statusCode).toBe(403);
    expect((await w.admin.get('/api/members/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('masks CCCD, phone and birth date in lists, and on the page for those who do not manage the unit', async () => {
    const [row] = (await w.officerA.get('/api/members?q=091200000001')).json().items;
    expect(row).toMatchObject({ citizenId: '09*******001', phone: '091****678', birthDate: `${year - 25}-**-**` });
    expect((await w.officerA.get(`/api/members/${ids.anh}`)).json()).toMatchObject({
      citizenId: '091200000001',
      personalDataMasked: false,
      can: { edit: true },
    });
    expect((await w.viewerA.get(`/api/members/${ids.anh}`)).json()).toMatchObject({
      citizenId: '09*******001',
      phone: '091****678',
      personalDataMasked: true,
      can: { edit: false, transfer: false, leave: false, rejoin: false, issueCard: false },
    });
  });

  it('exports the filtered list to Excel and audits the filter and the row count', async () => {
    const res = await w.viewerA.get(`/api/members/export?unitId=${w.units.districtA}&status=active`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('Danh%20s%C3%A1ch%20%C4%91o%C3%A0n%20vi%C3%AAn');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Đoàn viên')!;
    // A title block an office can file: unit, title, date, conditions, count; then the table.
    expect(sheet.getRow(1).getCell(1).text).toBe(sheet.getRow(1).getCell(1).text.toLocaleUpperCase('vi-VN'));
    expect(sheet.getRow(1).getCell(1).text).not.toBe('');
    expect(sheet.getRow(2).getCell(1).text).toBe('DANH SÁCH ĐOÀN VIÊN');
    expect(sheet.getRow(3).getCell(1).text).toMatch(/^Ngày lập: \d{2}\/\d{2}\/\d{4}$/);
    expect(sheet.getRow(4).getCell(1).text).toContain('trạng thái Đang sinh hoạt');
    expect(sheet.getRow(5).getCell(1).text).toBe('Tổng số: 2 đoàn viên');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' }); // A4 landscape
    expect(sheet.getRow(7).getCell(2).text).toBe('Họ và tên');
    expect(sheet.getRow(8).getCell(2).text).toBe('Nguyễn Thị Ánh');
    expect(sheet.getRow(8).getCell(5).text).toBe('09*******001'); // a viewer's export is masked
    expect(sheet.getRow(9).getCell(2).text).toBe('Trần Văn Bình');
    expect(sheet.getRow(10).getCell(1).text).toContain('che bớt');
    const full = await w.officerA.get(`/api/members/export?unitId=${w.units.a1}`);
    const fullBook = new ExcelJS.Workbook();
    await fullBook.xlsx.load(full.rawPayload as unknown as ArrayBuffer);
    expect(fullBook.getWorksheet('Đoàn viên')!.getRow(8).getCell(5).text).toBe('091200000001');
    const audits = await queryRows<{ after: { filter: Record<string, unknown>; rowCount: number } }>(
      w.database.db,
      sql`select after from audit_log where action = 'member.export' order by id`,
    );
    const mine = audits.filter((a) => !a.after.filter.q);
    expect(mine[0]!.after).toMatchObject({ filter: { unitId: w.units.districtA, status: 'active', includeSubtree: true }, rowCount: 2 });
    expect(mine).toHaveLength(2);
  });

  it('edits the person and issues a new card, audited; a taken card number is refused', async () => {
    const res = await w.officerA.patch(`/api/members/${ids.binh}`, {
      expectedVersion: await rowVersionOf(w.database.db, 'members', ids.binh),
      fullName: 'Trần Văn Bính',
      phone: '0987654321',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Trần Văn Bính', phone: '0987654321' });
    expect(await names('officerA', 'q=binh')).toEqual(['Trần Văn Bính']);
    expect((await w.officerA.post(`/api/members/${ids.binh}/card`, { cardNumber: 'KG-A-001', date: '2024-08-01' })).json().error.code).toBe(
      'MEMBER_CARD_TAKEN',
    );
    const card = await w.officerA.post(`/api/members/${ids.binh}/card`, { cardNumber: 'KG-A-009', date: '2024-08-01' });
    expect(card.json()).toMatchObject({ cardNumber: 'KG-A-009', cardIssuedOn: '2024-08-01' });
    expect(
      (
        await w.viewerA.patch(`/api/members/${ids.binh}`, {
          expectedVersion: await rowVersionOf(w.database.db, 'members', ids.binh),
          fullName: 'X',
        })
      ).statusCode,
    ).toBe(403);
    const actions = await queryRows<{ action: string }>(
      w.database.db,
      sql`select action from audit_log where entity_id = ${ids.binh} and action <> 'member.view_personal_data' order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['member.admit', 'member.update', 'member.issue_card']);
  });

  it('counts active members (men, women and the women’s share), this year’s admissions and waiting transfers', async () => {
    const stats = (await w.officerA.get('/api/members/stats')).json();
    // District A: Ánh (woman, A1) and Bình (man, A1) active; Cường (A2) left.
    expect(stats).toEqual({ active: 2, activeMale: 1, activeFemale: 1, femaleShare: 50, admittedThisYear: 0, pendingTransfers: 0 });
    // Under one unit, and in another scope: only its own members (Dung, a woman, in B1).
    expect((await w.officerA.get(`/api/members/stats?unitId=${w.units.a2}`)).json()).toMatchObject({
      active: 0,
      activeFemale: 0,
      femaleShare: null,
    });
    expect((await w.officerB.get('/api/members/stats')).json()).toMatchObject({
      active: 1,
      activeMale: 0,
      activeFemale: 1,
      femaleShare: 100,
    });
  });
});
