import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { memberImports, members } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { XLSX_CONTENT_TYPE } from '../../lib/files.js';
import { isImportJobRunning } from './import-jobs.js';
import { buildWorkbook, HEADERS, seedImportFixture, waitFor, type RowInput } from './import.fixtures.js';

describe('members Excel import API', () => {
  let database: DatabaseHandle;
  let app: App;
  let f: Awaited<ReturnType<typeof seedImportFixture>>;
  let officer: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    f = await seedImportFixture(database.db);
    officer = await signInAs(app, f.officer.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const upload = (client: Client, body: Buffer | string, fileName = 'Đoàn viên 2025.xlsx', contentType = XLSX_CONTENT_TYPE) =>
    client.post('/api/members/import', body, { 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) });
  /** Polls the status until the background job is done. */
  const settled = (client: Client, id: string) =>
    waitFor(async () => {
      const res = await client.get(`/api/members/import/${id}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      return ['validating', 'importing'].includes(body.state) ? null : body;
    });
  const memberCount = async () => (await database.db.select({ n: count() }).from(members))[0]!.n;
  const importCount = async () => (await database.db.select({ n: count() }).from(memberImports))[0]!.n;

  it('gives a template with Vietnamese headers, drop-down lists, text columns, a frozen header and the units in scope', async () => {
    const chair = await signInAs(app, f.chair.username);
    const res = await chair.get('/api/members/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('Mẫu nhập đoàn viên.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Đoàn viên', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['DanhMuc', 'hidden'],
    ]);
    const data = wb.getWorksheet('Đoàn viên')!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Họ và tên*',
      'Giới tính*',
      'Ngày sinh* (dd/mm/yyyy)',
      'Số CCCD',
      'Số điện thoại',
      'Email',
      'Dân tộc',
      'Nghề nghiệp',
      'Nơi làm việc',
      'Mã đơn vị*',
      'Ngày kết nạp* (dd/mm/yyyy)',
      'Số thẻ đoàn viên',
      'Chức vụ công đoàn',
      'Đảng viên (Có/Không)',
    ]);
    expect(data.rowCount).toBe(1);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getColumn(4).numFmt).toBe('@');
    expect(data.getColumn(5).numFmt).toBe('@');
    expect(data.getColumn(12).numFmt).toBe('@');
    expect(data.getColumn(1).width).toBeGreaterThan(20);
    expect(data.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Nam,Nữ"'] });
    expect(data.getCell('N9').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(data.getCell('M2').dataValidation).toMatchObject({ type: 'list', formulae: ["'DanhMuc'!$A$1:$A$7"] });
    expect(data.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ["'DanhMuc'!$B$1:$B$1"] });
    const lists = wb.getWorksheet('DanhMuc')!;
    expect(lists.getColumn(1).values.slice(1)).toEqual([
      'Chủ tịch',
      'Phó Chủ tịch',
      'Ủy viên Ban Thường vụ',
      'Ủy viên Ban Chấp hành',
      'Ủy viên Ủy ban kiểm tra',
      'Tổ trưởng công đoàn',
      'Đoàn viên',
    ]);
    // The chair manages their own CĐCS only.
    expect(lists.getColumn(2).values.slice(1)).toEqual([f.unitA.code]);
    const guide = wb.getWorksheet('Hướng dẫn')!;
    const guideText: string[] = [];
    guide.eachRow((row) => guideText.push((row.values as unknown[]).slice(1).join(' | ')));
    expect(guideText.join('\n')).toContain('Nguyễn Thị Lan | Nữ | 15/03/1990 | 079190001234');
    expect(guideText.join('\n')).toContain(`${f.unitA.code} | CĐCS Trường THCS Vĩnh Thuận`);

    // The officer's list has the grassroots units and sections of the province, not the district federation.
    const wide = await officer.get('/api/members/import/template');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(wide.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('DanhMuc')!.getColumn(2).values.slice(1)).toEqual([f.unitA.code, f.unitB.code, f.section.code]);

    // The untouched template reads as empty.
    const back = await upload(officer, Buffer.from(res.rawPayload));
    expect(back.statusCode).toBe(202);
    expect(await settled(officer, back.json().id)).toMatchObject({ state: 'failed', fileError: 'Tệp không có dòng dữ liệu nào.' });
  });

  it('uploads the raw file, checks it in the background, shows the errors, gives the rejected rows and imports the valid rows', async () => {
    const A = f.unitA.code;
    const rows: RowInput[] = [
      {
        fullName: 'Trịnh Văn Một',
        gender: 'Nam',
        birthDate: '01/01/1980',
        citizenId: '001080000501',
        unitCode: A,
        admittedOn: '01/01/2010',
      },
      { fullName: 'Trịnh Văn Hai', gender: 'Nam', birthDate: '01/01/2030', unitCode: A, admittedOn: '01/01/2010' },
      { fullName: 'Trịnh Thị Ba', gender: 'Nữ', birthDate: '01/01/1982', unitCode: A, admittedOn: '01/01/2010' },
    ];
    const before = await memberCount();
    const res = await upload(officer, await buildWorkbook(rows));
    expect(res.statusCode).toBe(202);
    // The file is only stored in the request: its rows are counted by the background read.
    expect(res.json()).toMatchObject({ fileName: 'Đoàn viên 2025.xlsx', state: 'validating', totalRows: 0 });
    const id = res.json().id as string;
    const status = await settled(officer, id);
    expect(status).toMatchObject({
      state: 'invalid',
      progress: 100,
      totalRows: 3,
      validRows: 2,
      invalidRows: 1,
      errorCount: 1,
      fileError: null,
    });
    expect(status.errors).toEqual([
      { row: 3, column: 'Ngày sinh', message: expect.stringMatching(/^Ngày không được sau hôm nay \(\d\d\/\d\d\/\d{4}\)\.$/) },
    ]);

    // Someone else sees nothing; a viewer may not import.
    const other = await signInAs(app, f.english.username);
    expect((await other.get(`/api/members/import/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/members/import/${id}/rejected`)).statusCode).toBe(404);
    expect((await other.post(`/api/members/import/${id}/commit`, { validRowsOnly: true })).statusCode).toBe(404);

    const rejected = await officer.get(`/api/members/import/${id}/rejected`);
    expect(rejected.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rejected.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, 'Lỗi']);
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell('A2').value).toBe('Trịnh Văn Hai');
    expect(String(ws.getCell('O2').value)).toMatch(/^Ngày sinh: Ngày không được sau hôm nay/);

    const all = await officer.post(`/api/members/import/${id}/commit`, { validRowsOnly: false });
    expect(all.statusCode).toBe(409);
    expect(all.json().error.code).toBe('IMPORT_NOT_READY');
    expect(await memberCount()).toBe(before);

    const commit = await officer.post(`/api/members/import/${id}/commit`, { validRowsOnly: true });
    expect(commit.statusCode).toBe(202);
    expect(commit.json().state).toBe('importing');
    expect(await settled(officer, id)).toMatchObject({ state: 'imported', importedRows: 2, skippedRows: 0, progress: 100 });
    expect(await memberCount()).toBe(before + 2);
    const again = await officer.post(`/api/members/import/${id}/commit`, { validRowsOnly: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'IMPORT_ALREADY_DONE', message: 'Tệp này đã được nhập.' });
    // The rejected rows can still be downloaded after the import.
    expect((await officer.get(`/api/members/import/${id}/rejected`)).statusCode).toBe(200);
  });

  it('answers in English for an English-speaking user, and accepts application/octet-stream and an empty commit body', async () => {
    const english = await signInAs(app, f.english.username);
    const res = await upload(
      english,
      await buildWorkbook([
        { fullName: 'Ông Văn Anh', gender: 'male', birthDate: '01/01/1980', unitCode: 'NOWHERE', admittedOn: '01/01/2010' },
      ]),
      'members.xlsx',
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(202);
    const status = await settled(english, res.json().id);
    expect(status.errors).toEqual([{ row: 2, column: 'Mã đơn vị', message: 'No unit with code "NOWHERE" was found in your scope.' }]);
    const rejected = await english.get(`/api/members/import/${status.id}/rejected`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rejected.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('O1').value).toBe('Errors');
    expect(String(wb.worksheets[0]!.getCell('O2').value)).toBe('Unit code: No unit with code "NOWHERE" was found in your scope.');

    const ok = await upload(
      english,
      await buildWorkbook([
        { fullName: 'Ông Văn Em', gender: 'male', birthDate: '01/01/1980', unitCode: f.unitB.code, admittedOn: '01/01/2022' },
      ]),
      'members.xlsx',
      'application/octet-stream',
    );
    const validated = await settled(english, ok.json().id);
    expect(validated.state).toBe('validated');
    const commit = await english.post(`/api/members/import/${validated.id}/commit`);
    expect(commit.statusCode, commit.body).toBe(202);
    expect(await settled(english, validated.id)).toMatchObject({ state: 'imported', importedRows: 1 });
  });

  it('refuses bad uploads with a clear message and writes nothing', async () => {
    const before = await importCount();
    const membersBefore = await memberCount();
    // Not a zip, or too large: at once, nothing recorded.
    const text = await upload(officer, 'Họ và tên,Giới tính\nAn,Nam\n', 'danh-sach.csv', 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toEqual({
      code: 'IMPORT_FILE_TYPE',
      message: 'Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ hệ thống.',
    });
    const empty = await officer.post('/api/members/import');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('IMPORT_FILE_TYPE');
    const large = await upload(officer, Buffer.alloc(MEMBER_LIMITS.importMaxBytes + 10, 1));
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toEqual({ code: 'IMPORT_FILE_TOO_LARGE', message: 'Tệp quá lớn: tối đa 20 MB mỗi tệp.' });
    // A zip past the limit without a declared length (chunked): stopped while streaming.
    const zipHead = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(MEMBER_LIMITS.importMaxBytes, 1)]);
    const chunked = await app.inject({
      method: 'POST',
      url: '/api/members/import',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken, 'content-type': XLSX_CONTENT_TYPE },
      payload: Readable.from([zipHead.subarray(0, 1024 * 1024), zipHead.subarray(1024 * 1024)]),
    });
    expect(chunked.statusCode).toBe(413);
    expect(await importCount()).toBe(before);
    // A zip that is not a workbook, missing headers, merged cells: read in the background, the import ends 'failed' with the reason.
    const failed = async (body: Buffer) => {
      const res = await upload(officer, body);
      expect(res.statusCode, res.body).toBe(202);
      const status = await settled(officer, res.json().id);
      expect(status.state).toBe('failed');
      return status.fileError as string;
    };
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Danh sách đoàn viên')] }] }));
    expect(await failed(Buffer.from(docx))).toBe('Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ hệ thống.');
    expect(await failed(await buildWorkbook([['An']], { headers: ['Tên'] }))).toBe(
      'Trang tính thiếu các cột bắt buộc: Họ và tên, Giới tính, Ngày sinh, Mã đơn vị, Ngày kết nạp. Hãy dùng tệp mẫu tải từ hệ thống.',
    );
    const row = { fullName: 'Gộp', gender: 'Nam', birthDate: '01/01/1990', unitCode: f.unitA.code, admittedOn: '01/01/2016' };
    expect(await failed(await buildWorkbook([row, row], { merges: ['B2:C2'] }))).toBe(
      'Trang tính có ô gộp (B2:C2). Hãy bỏ gộp ô rồi tải lên lại.',
    );
    expect(await memberCount()).toBe(membersBefore);
    // The uploads are kept under DATA_DIR/imports only while they are read.
    expect(fs.readdirSync(path.join(app.filesDir, 'imports')).filter((n) => !isImportJobRunning(n.replace(/\.xlsx$/, '')))).toEqual([]);
  });

  it('needs manageMembers: a viewer gets 403 for the template and the upload', async () => {
    const viewer = await signInAs(app, f.viewer.username);
    expect((await viewer.get('/api/members/import/template')).statusCode).toBe(403);
    const res = await upload(viewer, await buildWorkbook([]));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await app.inject({ method: 'GET', url: '/api/members/import/template' })).statusCode).toBe(401);
  });
});
