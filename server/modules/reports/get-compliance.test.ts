import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { seedReportingFixture } from '../notifications/notifications.fixtures.js';
import { complianceFigures } from './get-compliance.js';
import { listExpectedReports } from './expected-reports.js';

describe('GET /api/report-periods/:id/compliance', () => {
  let database: DatabaseHandle;
  let app: App;
  let f: Awaited<ReturnType<typeof seedReportingFixture>>;
  let officerA: Client;
  let officerB: Client;
  let chairA1: Client;
  const codes = (body: { rows: Array<{ unit: { code: string } }> }) => body.rows.map((r) => r.unit.code);

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    f = await seedReportingFixture(database.db);
    officerA = await signInAs(app, f.officerA.username);
    officerB = await signInAs(app, f.officerB.username);
    chairA1 = await signInAs(app, f.chairA1.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('the Office sees every unit of its district that owes the period, with states, counts and rates', async () => {
    const res = await officerA.get(`/api/report-periods/${f.march.id}/compliance`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(codes(body)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(Object.fromEntries(body.rows.map((r: { unit: { code: string }; state: string }) => [r.unit.code, r.state]))).toEqual({
      A1: 'submitted_on_time', // first sent 23:59 of the due day (UTC+7), resubmitted later: still on time, counted once
      A2: 'draft',
      A3: 'not_started',
      A4: 'approved', // first sent 00:01 of the next day: complete, not on time
    });
    expect(body.counts).toEqual({ not_started: 1, draft: 1, submitted_on_time: 1, submitted_late: 0, returned: 0, approved: 1 });
    expect(body).toMatchObject({ expected: 4, complete: 2, onTime: 1, completeRate: 0.5, onTimeRate: 0.25 });
    expect(body.rows[0]).toMatchObject({ reportId: f.reportA1.id, parent: { id: f.districtA.id, shortName: 'LĐLĐ huyện A' } });
  });

  it('units out of scope never appear: the other district sees only its own; the province sees both', async () => {
    const b = (await officerB.get(`/api/report-periods/${f.march.id}/compliance`)).json();
    expect(codes(b)).toEqual(['B1']);
    expect(b).toMatchObject({ expected: 1, complete: 1, onTime: 1, completeRate: 1, onTimeRate: 1 });
    const province = await signInAs(app, f.provinceOfficer.username);
    const all = (await province.get(`/api/report-periods/${f.march.id}/compliance`)).json();
    expect(codes(all).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'B1']);
    expect(all).toMatchObject({ expected: 5, complete: 3, onTime: 2 });
    // Asking for the other district's subtree is refused, as for any unit out of scope.
    expect((await officerA.get(`/api/report-periods/${f.march.id}/compliance?unitId=${f.districtB.id}`)).statusCode).toBe(403);
  });

  it('a chair never sees the board (other units); a leader of the district does', async () => {
    expect((await chairA1.get(`/api/report-periods/${f.march.id}/compliance`)).statusCode).toBe(403);
    expect((await chairA1.get(`/api/report-periods/${f.march.id}/compliance.xlsx`)).statusCode).toBe(403);
    const leader = await signInAs(app, f.leaderA.username);
    expect(codes((await leader.get(`/api/report-periods/${f.march.id}/compliance`)).json())).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('filters by state and search (accents ignored) without changing the counts and rates', async () => {
    const draft = (await officerA.get(`/api/report-periods/${f.march.id}/compliance?state=draft`)).json();
    expect(codes(draft)).toEqual(['A2']);
    expect(draft).toMatchObject({ expected: 4, completeRate: 0.5 });
    const found = (await officerA.get(`/api/report-periods/${f.march.id}/compliance?q=${encodeURIComponent('cdcs a3')}`)).json();
    expect(codes(found)).toEqual(['A3']);
    expect((await officerA.get(`/api/report-periods/00000000-0000-4000-8000-000000000000/compliance`)).statusCode).toBe(404);
  });

  it('rates never exceed 100 %: a unit listed twice counts once', async () => {
    const rows = await listExpectedReports(database.db, { periodIds: [f.march.id], underUnitId: f.districtB.id });
    const twice = complianceFigures([...rows, ...rows]);
    expect(twice).toMatchObject({ expected: 1, complete: 1, onTime: 1, completeRate: 1, onTimeRate: 1 });
    expect(complianceFigures([])).toMatchObject({ expected: 0, completeRate: 0, onTimeRate: 0 });
  });

  it('exports the same rows to XLSX', async () => {
    const res = await officerA.get(`/api/report-periods/${f.march.id}/compliance.xlsx?state=not_started`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(row.values!.toString()));
    const all = texts.join('\n');
    expect(all).toContain('THEO DÕI NỘP BÁO CÁO THÁNG 3/2024');
    expect(all).toContain('CĐCS A3');
    expect(all).toContain('Chưa làm');
    expect(all).not.toContain('CĐCS A2');
    expect(all).toContain('Phải nộp: 4');
  });
});
