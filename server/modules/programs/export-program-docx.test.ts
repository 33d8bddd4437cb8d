import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROGRAM_2024 } from '../../../scripts/demo/program-2024.js';
import { loadDemoData } from '../../../scripts/demo/load-demo-data.js';
import { createTestApp, signInAs } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { docxParagraphs } from './programs.fixtures.js';

describe('download a program as DOCX', () => {
  let database: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('sends the demo program in the union document form, readable back', async () => {
    const viewer = await signInAs(app, 'xem.vt', 'Demo@2024');
    const [program] = (await viewer.get('/api/programs')).json().items;
    const res = await viewer.get(`/api/programs/${program.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="02-CTr-LDLD Cong tac Cong doan nam 2024.docx"; filename*=UTF-8''${encodeURIComponent('02-CTr-LĐLĐ Công tác Công đoàn năm 2024.docx')}`,
    );
    const paragraphs = await docxParagraphs(res.rawPayload);
    const c = DEMO_PROGRAM_2024.content;
    const expected = [
      'Số: 02/CTr-LĐLĐ',
      'Vĩnh Thuận, ngày 19 tháng 01 năm 2024',
      'CHƯƠNG TRÌNH',
      c.theme,
      ...c.targets.map((t) => `- ${t.text}`),
      ...c.taskGroups.map((g) => `${g.number}. ${g.title}`),
      '- Văn phòng LĐLĐ tỉnh (b/c);',
      '- Ban Dân vận Huyện ủy (b/c);',
      '- UBMTTQ huyện (b/c);',
      '- Ủy viên BCH, UBKT LĐLĐ huyện;',
      '- Các CĐCS trực thuộc;',
      '- Lưu: VT.',
      'Lê Kim Thoa',
    ];
    for (const line of expected) expect(paragraphs, line).toContain(line);
    expect(paragraphs).toContain(
      '- Phát triển tăng thêm 10 đoàn viên công đoàn; thành lập mới 01 CĐCS ở doanh nghiệp ngoài nhà nước (khi có đủ điều kiện).',
    );
  });
});
