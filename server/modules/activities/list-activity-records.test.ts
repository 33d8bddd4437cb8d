// Reading records through the API: the list's filters, search and pages, a
// record, the export and the totals — and the scope walk: another CĐCS's
// records are invisible everywhere and its writes answer 403.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/app.js';
import { queryRows } from '../../db/sql.js';
import { pdf } from '../reports/attachments/attachments.fixtures.js';
import { activityCounts, activityInput, createActivityWorld, type ActivityWorld } from './activities.fixtures.js';

describe('reading activity records, and the scope walk', () => {
  let w: ActivityWorld;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await createActivityWorld();
    const post = async (client: Client, body: unknown) => {
      const res = await client.post('/api/activities', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.a1Training = await post(
      w.clients.chairA1,
      activityInput('training', { unitId: w.units.a1, memberId: w.members.a1, title: 'Tập huấn Luật Công đoàn', occurredOn: '2025-03-05' }),
    );
    ids.a1Welfare = await post(
      w.clients.chairA1,
      activityInput('welfare', { unitId: w.units.a1, memberId: w.members.a1b, title: 'Mái ấm cho chị Bình', occurredOn: '2025-04-10' }),
    );
    ids.a1Gift = await post(
      w.clients.chairA1,
      activityInput('welfare', { unitId: w.units.a1, title: 'Thăm hỏi ốm đau', occurredOn: '2025-05-10' }),
    );
    ids.a2Campaign = await post(
      w.clients.officerA,
      activityInput('campaign', { unitId: w.units.a2, title: 'Tháng Công nhân A2', occurredOn: '2025-05-01' }),
    );
    ids.b1Training = await post(
      w.clients.chairB1,
      activityInput('training', { unitId: w.units.b1, memberId: w.members.b1, title: 'Tập huấn riêng của B1', occurredOn: '2025-03-06' }),
    );
  });
  afterAll(async () => w?.close());

  const titles = (res: { json: () => { items: Array<{ title: string }> } }) =>
    res
      .json()
      .items.map((i) => i.title)
      .sort();

  it('lists the reader’s records with filters, diacritics-free search, sort and pages', async () => {
    const all = await w.clients.officerA.get('/api/activities?pageSize=2&sort=title&order=asc');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(all.json().items.map((i: { title: string }) => i.title)).toEqual(['Mái ấm cho chị Bình', 'Tập huấn Luật Công đoàn']);
    expect(titles(await w.clients.officerA.get('/api/activities?q=tap%20huan%20luat'))).toEqual(['Tập huấn Luật Công đoàn']);
    // People's names are searched too.
    expect(titles(await w.clients.officerA.get('/api/activities?q=tran%20van%20binh'))).toEqual(['Mái ấm cho chị Bình']);
    expect(titles(await w.clients.officerA.get('/api/activities?kind=welfare'))).toEqual(['Mái ấm cho chị Bình', 'Thăm hỏi ốm đau']);
    expect(titles(await w.clients.officerA.get('/api/activities?from=2025-04-01&to=2025-04-30'))).toEqual(['Mái ấm cho chị Bình']);
    expect(titles(await w.clients.officerA.get(`/api/activities?unitId=${w.units.a2}`))).toEqual(['Tháng Công nhân A2']);
    expect((await w.clients.officerA.get(`/api/activities?unitId=${w.units.districtA}`)).json().total).toBe(4);
    // An element id that is not record-derived has no records behind it.
    expect((await w.clients.officerA.get(`/api/activities?elementId=${w.units.a1}`)).json().total).toBe(0);
  });

  it('shows each row with its people, amount and what the reader may do', async () => {
    const res = await w.clients.chairA1.get(`/api/activities/${ids.a1Welfare}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'welfare',
      unitName: 'CĐCS A1',
      amountVnd: 70_000_000,
      people: [{ memberId: w.members.a1b, role: 'beneficiary', fullName: 'Trần Văn Bình', unionPosition: 'member' }],
      allowedActions: ['edit', 'delete'],
      reasonRequired: false,
      attachmentCount: 0,
    });
    // A viewer reads it but may do nothing with it.
    const viewed = await w.clients.viewerA.get(`/api/activities/${ids.a1Welfare}`);
    expect(viewed.json().allowedActions).toEqual([]);
  });

  it('keeps another CĐCS’s records out of the chair’s list, record, export and totals, and refuses its writes', async () => {
    const chair = w.clients.chairA1;
    const list = await chair.get('/api/activities?pageSize=100');
    expect(titles(list)).toEqual(['Mái ấm cho chị Bình', 'Thăm hỏi ốm đau', 'Tập huấn Luật Công đoàn']);
    expect((await chair.get(`/api/activities?unitId=${w.units.b1}`)).json().total).toBe(0);
    expect((await chair.get('/api/activities?q=rieng%20cua%20b1')).json().total).toBe(0);
    expect((await chair.get(`/api/activities/${ids.b1Training}`)).statusCode).toBe(403);
    expect((await chair.get(`/api/activities/${ids.b1Training}/attachments`)).statusCode).toBe(403);
    const exported = await chair.get('/api/activities/export');
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(cells).not.toContain('Tập huấn riêng của B1');
    expect(cells).toContain('Tập huấn Luật Công đoàn');
    const totals = await chair.get('/api/activities/totals?kind=training&from=2025-01-01&to=2025-12-31');
    expect(totals.json().rows.map((r: { unitId: string }) => r.unitId)).toEqual([w.units.a1]);

    const before = await activityCounts(w.database.db);
    const writes = [
      await chair.post('/api/activities', activityInput('training', { unitId: w.units.b1 })),
      await chair.put(`/api/activities/${ids.b1Training}`, {
        record: activityInput('training', { unitId: w.units.b1 }),
        expectedVersion: 1,
      }),
      await chair.delete(`/api/activities/${ids.b1Training}`, { expectedVersion: 1 }),
      await chair.post(`/api/activities/${ids.b1Training}/attachments`, pdf(), {
        'content-type': 'application/pdf',
        'x-file-name': 'a.pdf',
      }),
      // Classifying one's own union: the federation above does it.
      await chair.post('/api/activities', activityInput('classification', { unitId: w.units.a1, occurredOn: '2025-12-01' })),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(await activityCounts(w.database.db)).toEqual(before);
  });

  it('exports the filtered records with Vietnamese headers and the kind’s detail columns, audited', async () => {
    const res = await w.clients.officerA.get('/api/activities/export?kind=welfare');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets).toHaveLength(1);
    const sheet = book.worksheets[0]!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((v) => (v == null ? '' : String(v))));
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header).toEqual(
      expect.arrayContaining([
        'Loại hồ sơ',
        'Ngày',
        'Đơn vị',
        'Nội dung',
        'Đoàn viên liên quan',
        'Số tiền (đồng)',
        'Hình thức chăm lo',
        'Kinh phí theo nguồn',
      ]),
    );
    const house = rows.find((r) => r.includes('Mái ấm cho chị Bình'))!;
    expect(house).toEqual(
      expect.arrayContaining(['Phúc lợi, chăm lo đoàn viên', '10/04/2025', 'Mái ấm công đoàn', '70000000', 'Trần Văn Bình (được hỗ trợ)']),
    );
    expect(house.join('|')).toContain('Kinh phí công đoàn: 50.000.000; Tài trợ: 20.000.000');
    const [audit] = await queryRows<{ after: { rowCount: number; filter: { kind: string } } }>(
      w.database.db,
      sql`select after from audit_log where action = 'activity_record.export' order by at desc limit 1`,
    );
    expect(audit!.after).toMatchObject({ rowCount: 2, filter: { kind: 'welfare' } });
  });

  it('totals welfare per unit with amounts by source', async () => {
    const res = await w.clients.officerA.get(
      `/api/activities/totals?kind=welfare&from=2025-01-01&to=2025-12-31&unitId=${w.units.districtA}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toEqual([
      {
        unitId: w.units.a1,
        unitName: 'CĐCS A1',
        records: 2,
        amountVnd: 72_000_000,
        bySource: { union_fund: 52_000_000, sponsor: 20_000_000 },
      },
    ]);
  });

  it('attaches, lists, downloads and removes files of a record; only its writer changes them', async () => {
    const url = `/api/activities/${ids.a1Training}/attachments`;
    const upload = await w.clients.chairA1.post(url, pdf(), {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('Biên bản.pdf'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const attachment = upload.json() as { id: string; fileName: string; mediaType: string };
    expect(attachment).toMatchObject({ fileName: 'Biên bản.pdf', mediaType: 'application/pdf' });
    expect((await w.clients.viewerA.get(url)).json()).toEqual([expect.objectContaining({ id: attachment.id })]);
    expect((await w.clients.chairA1.get(`/api/activities/${ids.a1Training}`)).json().attachmentCount).toBe(1);
    const download = await w.clients.viewerA.get(`${url}/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf())).toBe(true);
    // A text file is refused by its content, whatever its name; a viewer may not add or remove.
    const text = await w.clients.chairA1.post(url, Buffer.from('hello'), { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' });
    expect(text.json().error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect((await w.clients.viewerA.delete(`${url}/${attachment.id}`)).statusCode).toBe(403);
    expect((await w.clients.chairA1.delete(`${url}/${attachment.id}`)).statusCode).toBe(200);
    expect((await w.clients.chairA1.get(url)).json()).toEqual([]);
    const [audit] = await queryRows<{ n: number }>(
      w.database.db,
      sql`select count(*)::int as n from audit_log where action in ('activity_attachment.add', 'activity_attachment.delete') and entity_id = ${attachment.id}`,
    );
    expect(audit!.n).toBe(2);
  });
});
