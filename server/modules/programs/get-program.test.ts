import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../scripts/demo/load-demo-data.js';
import { createTestApp, signInAs } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('read a program (the demo program of Vĩnh Thuận)', () => {
  let database: DatabaseHandle;
  let app: App;
  let programId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    app = await createTestApp(database);
    const office = await signInAs(app, 'vanphong.vt', 'Demo@2024');
    const list = await office.get('/api/programs?year=2024');
    expect(list.json().total).toBe(1);
    programId = list.json().items[0].id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('loads the seed program with its ten targets, nine task groups, recipients and signer', async () => {
    const office = await signInAs(app, 'vanphong.vt', 'Demo@2024');
    const res = await office.get(`/api/programs/${programId}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      unitName: 'LĐLĐ huyện Vĩnh Thuận',
      year: 2024,
      kind: 'program',
      number: 2,
      documentNumber: 'Số: 02/CTr-LĐLĐ',
      placeAndDate: 'Vĩnh Thuận, ngày 19 tháng 01 năm 2024',
      title: 'Công tác Công đoàn năm 2024',
      status: 'issued',
      superiorBodyName: 'LĐLĐ TỈNH KIÊN GIANG',
      issuingBodyName: 'LĐLĐ HUYỆN VĨNH THUẬN',
      signatureAuthority: 'TM. BAN CHẤP HÀNH',
      signerTitle: 'CHỦ TỊCH',
      signerName: 'Lê Kim Thoa',
    });
    const c = p.content;
    expect(c.theme).toBe(
      '“Tập trung đưa nghị quyết đại hội công đoàn các cấp vào cuộc sống; thi đua lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam”',
    );
    expect(c.targets).toHaveLength(10);
    expect(c.targets[6]).toEqual({
      code: '7',
      text: 'Phát triển tăng thêm 10 đoàn viên công đoàn; thành lập mới 01 CĐCS ở doanh nghiệp ngoài nhà nước (khi có đủ điều kiện).',
      stretch: false,
      whenConditionsAllow: true,
    });
    expect(c.targets.filter((t: { stretch: boolean }) => t.stretch).map((t: { code: string }) => t.code)).toEqual(['5', '8']);
    expect(c.taskGroups.map((g: { number: number }) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.taskGroups[6].title).toBe('Công tác tài chính công đoàn');
    expect(c.taskGroups[6].paragraphs).toHaveLength(1);
    expect(c.taskGroups[2].actions[3].text).toContain('Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị');
    expect(c.organisation.map((o: { actor: string }) => o.actor)).toEqual(['Liên đoàn Lao động huyện', 'Các CĐCS trực thuộc']);
    expect(c.recipients).toEqual([
      { name: 'Văn phòng LĐLĐ tỉnh', forReport: true },
      { name: 'Ban Dân vận Huyện ủy', forReport: true },
      { name: 'UBMTTQ huyện', forReport: true },
      { name: 'Ủy viên BCH, UBKT LĐLĐ huyện', forReport: false },
      { name: 'Các CĐCS trực thuộc', forReport: false },
    ]);
    expect(c.archive).toBe('VT');
    expect(c.closing.endsWith('để được hướng dẫn./.')).toBe(true);
  });

  it('is readable by the leader and the viewer of the district', async () => {
    for (const username of ['lanhdao.vt', 'xem.vt', 'ubkt.vt']) {
      const client = await signInAs(app, username, 'Demo@2024');
      expect((await client.get(`/api/programs/${programId}`)).statusCode, username).toBe(200);
    }
  });

  it('is hidden from an officer of a sibling federation, as an unknown id would be', async () => {
    const outsider = await signInAs(app, 'vanphong.ag', 'Demo@2024');
    const res = await outsider.get(`/api/programs/${programId}`);
    expect(res.statusCode).toBe(403);
    expect((await outsider.get(`/api/programs/${UNKNOWN}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/programs/${programId}/document.docx`)).statusCode).toBe(403);
    const list = await outsider.get('/api/programs');
    expect(list.json()).toMatchObject({ items: [], total: 0 });
  });

  it('answers 404 to an administrator for an unknown id', async () => {
    const admin = await signInAs(app, 'admin', 'Admin@2024');
    expect((await admin.get(`/api/programs/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/programs/${programId}`)).statusCode).toBe(200);
  });
});
