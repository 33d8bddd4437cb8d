import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../scripts/demo/load-demo-data.js';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { formatNumber } from '../../../common/format.js';
import type { DatabaseHandle } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { App } from '../../lib/http.js';
import { docxParagraphs } from '../programs/programs.fixtures.js';

// The federation's compiled report (BC) and a CĐCS's own report as DOCX, read
// back: the demo program 02/CTr-LĐLĐ, a half-year period with one unit on time,
// one late and the others missing.
describe('compiled report (BC) and a unit report as DOCX', () => {
  let database: DatabaseHandle;
  let app: App;
  let officer: Client;
  let chair: Client;
  let outsider: Client;
  let periodId: string;
  let reportId: string;
  const narrative = 'Tổ chức 02 buổi tuyên truyền pháp luật lao động cho 85 đoàn viên.';

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await loadDemoData(db);
    app = await createTestApp(database);
    officer = await signInAs(app, 'vanphong.vt', 'Demo@2024');
    chair = await signInAs(app, 'cdcs.thpt', 'Demo@2024');
    outsider = await signInAs(app, 'vanphong.ag', 'Demo@2024');
    const [program] = await queryRows<{ id: string }>(db, sql`select id from programs where number = 2 and year = 2024 and version = 1`);
    const [period] = await queryRows<{ id: string }>(
      db,
      sql`insert into report_periods (program_id, kind, data_from, data_to, due_on, fact_month)
          values (${program!.id}::uuid, 'half_year', '2024-01-01', '2024-06-15', '2024-06-20', '2024-06-01')
          on conflict (program_id, kind, data_from) do update set data_to = excluded.data_to returning id`,
    );
    periodId = period!.id;
    const units = await queryRows<{ id: string; code: string }>(db, sql`select id, code from org_units where code in ('VT10', 'VT17')`);
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    // The demo may already hold these units' reports of the period: this test's versions replace them.
    const [r1] = await queryRows<{ id: string }>(
      db,
      sql`insert into reports (period_id, unit_id, status, narratives, difficulties, first_submitted_at, submitted_at)
          values (${periodId}::uuid, ${unit('VT10')}::uuid, 'approved', ${JSON.stringify({ '1': narrative })}::jsonb,
            'Thiếu kinh phí tổ chức hoạt động.', '2024-06-20T16:59:00Z', '2024-06-20T16:59:00Z') on conflict (period_id, unit_id) do update set status = excluded.status, narratives = excluded.narratives,
            difficulties = excluded.difficulties, first_submitted_at = excluded.first_submitted_at, submitted_at = excluded.submitted_at
          returning id`,
    );
    reportId = r1!.id;
    // 00:01 of 21 June in Vietnam: late.
    await db.execute(
      sql`insert into reports (period_id, unit_id, status, narratives, first_submitted_at, submitted_at)
          values (${periodId}::uuid, ${unit('VT17')}::uuid, 'submitted', '{"2": "Vận động 3 người lao động gia nhập."}'::jsonb,
            '2024-06-20T17:01:00Z', '2024-06-20T17:01:00Z') on conflict (period_id, unit_id) do update set status = excluded.status, narratives = excluded.narratives,
            difficulties = excluded.difficulties, first_submitted_at = excluded.first_submitted_at, submitted_at = excluded.submitted_at`,
    );
    const [element] = await queryRows<{ id: string }>(
      db,
      // A typed element (derived ones are shown from their facts, not from the report's values).
      sql`select id from data_elements where value_type = 'number' and derived_from is null order by code limit 1`,
    );
    await db.execute(
      sql`insert into report_values (report_id, data_element_id, value_number) values (${reportId}::uuid, ${element!.id}::uuid, 1234)`,
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('starts blank, takes the next BC number of the issuer on first save, and refuses a stale save', async () => {
    const blank = await officer.get(`/api/report-periods/${periodId}/compiled`);
    expect(blank.statusCode).toBe(200);
    expect(blank.json()).toMatchObject({ id: null, number: null, symbol: 'BC-LĐLĐ', rowVersion: null });
    const [next] = await queryRows<{ n: number }>(
      database.db,
      sql`select coalesce(max(number), 0) + 1 as n from document_numbers where issuer_unit_id = ${blank.json().issuerUnitId}::uuid and year = 2024`,
    );
    const saved = await officer.put(`/api/report-periods/${periodId}/compiled`, {
      direction: 'Tiếp tục phát triển đoàn viên ở doanh nghiệp ngoài nhà nước.\nĐẩy mạnh thi đua.',
      issuedOn: '2024-06-25',
      expectedVersion: null,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ number: Number(next!.n), issuedOn: '2024-06-25', rowVersion: 1 });
    const again = await officer.put(`/api/report-periods/${periodId}/compiled`, { direction: 'x', expectedVersion: null });
    expect(again.statusCode).toBe(409);
    const updated = await officer.put(`/api/report-periods/${periodId}/compiled`, {
      direction: 'Tiếp tục phát triển đoàn viên ở doanh nghiệp ngoài nhà nước.\nĐẩy mạnh thi đua.',
      expectedVersion: 1,
    });
    expect(updated.json()).toMatchObject({ number: Number(next!.n), issuedOn: '2024-06-25', rowVersion: 2 });
    expect((await officer.put(`/api/report-periods/${periodId}/compiled`, { direction: 'y', expectedVersion: 1 })).statusCode).toBe(409);
    expect((await chair.put(`/api/report-periods/${periodId}/compiled`, { direction: 'z', expectedVersion: 2 })).statusCode).toBe(403);
    expect((await outsider.get(`/api/report-periods/${periodId}/compiled`)).statusCode).toBe(403);
  });

  it("exports the BC with the targets' results, each unit's narrative, late and missing units and the direction", async () => {
    const res = await officer.get(`/api/report-periods/${periodId}/compiled.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    const compiled = (await officer.get(`/api/report-periods/${periodId}/compiled`)).json();
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${String(compiled.number).padStart(2, '0')}-BC-LĐLĐ`));
    const paragraphs = await docxParagraphs(res.rawPayload);
    expect(paragraphs).toContain(`Số: ${String(compiled.number).padStart(2, '0')}/BC-LĐLĐ`);
    expect(paragraphs).toContain('Vĩnh Thuận, ngày 25 tháng 6 năm 2024');
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain('Sơ kết 6 tháng đầu năm 2024 thực hiện Chương trình Công tác Công đoàn năm 2024');
    expect(paragraphs.some((p) => p.endsWith(`: ${narrative}`))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('Đơn vị nộp muộn (1):'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('Đơn vị chưa nộp ('))).toBe(true);
    expect(paragraphs.some((p) => p.endsWith(': Thiếu kinh phí tổ chức hoạt động.'))).toBe(true);
    expect(paragraphs).toContain('Đẩy mạnh thi đua.');
    // A target's result is the dashboard's at the cut-off.
    const progress = (await officer.get(`/api/targets/progress?programId=${compiled.programId ?? ''}&asOf=2024-06-15`)).json();
    const program = (await officer.get('/api/programs')).json().items.find((p: { number: number }) => p.number === 2);
    const items = progress.items?.length
      ? progress.items
      : (await officer.get(`/api/targets/progress?programId=${program.id}&asOf=2024-06-15`)).json().items;
    const withValue = items.find((t: { value: number | null; unitOfMeasure: string }) => t.value !== null && t.unitOfMeasure !== 'percent');
    expect(withValue).toBeTruthy();
    const row = paragraphs.findIndex((p) => p.endsWith(withValue.text));
    expect(row).toBeGreaterThan(0);
    expect(paragraphs[row + 2]).toBe(formatNumber(withValue.value));
    const audit = await queryRows<{ action: string }>(database.db, sql`select action from audit_log where action like 'compiled_report.%'`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['compiled_report.create', 'compiled_report.update', 'compiled_report.export']),
    );
  });

  it("gives a CĐCS its own report as DOCX, with its values and narrative, and no one else's", async () => {
    const res = await chair.get(`/api/reports/${reportId}/docx`);
    expect(res.statusCode).toBe(200);
    const paragraphs = await docxParagraphs(res.rawPayload);
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain(formatNumber(1234));
    expect(paragraphs).toContain(narrative);
    expect(paragraphs).toContain('Thiếu kinh phí tổ chức hoạt động.');
    const thuysan = await signInAs(app, 'cdcs.thuysan', 'Demo@2024');
    expect((await thuysan.get(`/api/reports/${reportId}/docx`)).statusCode).toBe(403);
    expect((await officer.get(`/api/reports/${reportId}/docx`)).statusCode).toBe(200);
  });
});
