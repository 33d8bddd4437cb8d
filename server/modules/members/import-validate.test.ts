import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog, memberEvents, memberImports, members, memberUnitPeriods } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';
import { commitMemberImport } from './import-commit.js';
import { actorOf, buildWorkbook, HEADERS, insertMember, rowValues, seedImportFixture, type RowInput } from './import.fixtures.js';
import { getMemberImport } from './import-get.js';
import { waitForImportJobs } from './import-jobs.js';
import { readImportFile } from './import-read-file.js';
import { exportRejectedRows } from './import-rejected.js';
import { startMemberImport } from './import-start.js';
import { parseImportDate } from './import-validate.js';

describe('members Excel import: row checks, import, re-import, rejected rows', () => {
  let database: DatabaseHandle;
  let f: Awaited<ReturnType<typeof seedImportFixture>>;
  let officer: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    f = await seedImportFixture(database.db);
    officer = await actorOf(database.db, f.officer);
  });
  afterAll(async () => {
    await waitForImportJobs();
    await database.close();
  });

  const db = () => database.db;
  const memberCount = async () => (await db().select({ n: count() }).from(members))[0]!.n;

  async function upload(buffer: Buffer, actor: Actor = officer, fileName = 'doan-vien.xlsx') {
    const started = await startMemberImport(db(), actor, { fileName, buffer });
    expect(started.state).toBe('validating');
    await waitForImportJobs();
    return getMemberImport(db(), actor, started.id);
  }
  async function commit(id: string, validRowsOnly: boolean, actor: Actor = officer) {
    const started = await commitMemberImport(db(), actor, id, { validRowsOnly });
    expect(started.state).toBe('importing');
    await waitForImportJobs();
    return getMemberImport(db(), actor, id);
  }
  async function storedErrors(id: string) {
    const [row] = await db().select({ errors: memberImports.errors }).from(memberImports).where(eq(memberImports.id, id));
    return (row!.errors ?? []).map((e) => [e.row, e.column, e.code, ...(e.params ? [e.params] : [])]);
  }

  it('reads dd/mm/yyyy, d-m-yyyy and ISO dates; refuses impossible ones', () => {
    expect(parseImportDate('15/03/1990')).toBe('1990-03-15');
    expect(parseImportDate('5-3-1990')).toBe('1990-03-05');
    expect(parseImportDate('1990-03-15')).toBe('1990-03-15');
    expect(parseImportDate('31/02/1990')).toBeNull();
    expect(parseImportDate('03/15/1990')).toBeNull();
    expect(parseImportDate('1990')).toBeNull();
  });

  it('reports every bad row with its row, column and code; writes nothing until commit; imports only the valid rows when asked; a second import adds nothing', async () => {
    const A = f.unitA.code;
    const stranger = await insertMember(db(), {
      fullName: 'Trương Văn Khác',
      birthDate: '1970-05-05',
      unitId: f.unitB.id,
      citizenId: '001070000099',
      cardNumber: 'CARD-OLD',
    });
    await insertMember(db(), { fullName: 'Phan Thị Cũ', birthDate: '1975-06-06', unitId: f.unitA.id, citizenId: '001075000077' });
    const ok = (over: RowInput): RowInput => ({ gender: 'Nam', birthDate: '01/01/1985', unitCode: A, admittedOn: '01/06/2015', ...over });
    const rows: RowInput[] = [
      /* 2 */ ok({
        fullName: 'Nguyễn Văn An',
        citizenId: '001090000001',
        cardNumber: 'C-1',
        phone: '0912 345 678',
        email: 'an@example.com',
      }),
      /* 3 */ ok({ fullName: null }),
      /* 4 */ ok({ fullName: 'Ngày Sai', birthDate: '31/02/1990' }),
      /* 5 */ ok({ fullName: 'Quá Sớm', birthDate: '01/01/1899' }),
      /* 6 */ ok({ fullName: 'Tương Lai', admittedOn: '01/01/2999' }),
      /* 7 */ ok({ fullName: 'Có Chữ', citizenId: '07919000123A' }),
      /* 8 */ ok({ fullName: 'Mất Số Không', citizenId: 79190001234 }),
      /* 9 */ ok({ fullName: 'Mười Một Số', citizenId: '07919000123' }),
      /* 10 */ ok({ fullName: 'Trần Thị Bình', citizenId: '001090000010' }),
      /* 11 */ ok({ fullName: 'Trần Thị Bình Hai', citizenId: '001090000010' }),
      /* 12 */ ok({ fullName: 'Lê Văn Tám', birthDate: '01/01/1980' }),
      /* 13 */ ok({ fullName: 'LÊ  VĂN TÁM', birthDate: '01/01/1980' }),
      /* 14 */ ok({ fullName: 'Sai Mã', unitCode: 'KHONG-CO' }),
      /* 15 */ ok({ fullName: 'Ngoài Phạm Vi', unitCode: f.unitX.code }),
      /* 16 */ ok({ fullName: 'Mượn Số', citizenId: '001070000099' }),
      /* 17 */ ok({ fullName: 'Công Thức', phone: { formula: 'TEXT(912345678,"0000000000")', result: '0912345678' } }),
      /* 18 */ ok({ fullName: 'Giới Lạ', gender: 'Khác' }),
      /* 19 */ ok({ fullName: 'Phan Thị Cũ', gender: 'nữ', birthDate: '06/06/1975', citizenId: '001075000077' }),
      /* 20 */ ok({
        fullName: 'Võ Ngọc Lan',
        gender: 'female',
        birthDate: new Date(Date.UTC(1992, 2, 15)),
        admittedOn: new Date(Date.UTC(2018, 0, 2)),
        unitCode: f.section.code,
        unionPosition: 'phó chủ tịch',
        partyMember: 'Có',
        cardNumber: 'C-20',
      }),
      /* 21 */ ok({ fullName: 'Cấp Huyện', unitCode: f.district.code }),
      /* 22 */ ok({ fullName: 'Chưa Thành Lập', unitCode: f.unitB.code, admittedOn: '01/06/2020' }),
      /* 23 */ ok({ fullName: 'Sinh Sau', birthDate: '02/06/2015', admittedOn: '01/06/2015' }),
      /* 24 */ ok({ fullName: 'Trùng Thẻ', cardNumber: 'C-1' }),
      /* 25 */ ok({ fullName: 'Thẻ Người Khác', cardNumber: 'CARD-OLD' }),
      /* 26 */ ok({ fullName: 'Liên Lạc Sai', phone: 'abc', email: 'x@' }),
      /* 27 */ ok({ fullName: 'Chức Lạ', unionPosition: 'Giám đốc', partyMember: 'Có lẽ' }),
    ];
    const before = await memberCount();
    const status = await upload(await buildWorkbook(rows));

    expect(status).toMatchObject({
      state: 'invalid',
      totalRows: 26,
      validRows: 5,
      invalidRows: 21,
      errorCount: 23,
      skippedRows: 1,
      progress: 100,
    });
    expect(await storedErrors(status.id)).toEqual([
      [3, 'Họ và tên', 'required'],
      [4, 'Ngày sinh', 'dateInvalid', { value: '31/02/1990' }],
      [5, 'Ngày sinh', 'dateTooEarly'],
      [6, 'Ngày kết nạp', 'dateInFuture', { today: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/) }],
      [7, 'Số CCCD', 'citizenIdInvalid', { value: '07919000123A' }],
      [8, 'Số CCCD', 'citizenIdLostZero', { digits: 11 }],
      [9, 'Số CCCD', 'citizenIdInvalid', { value: '07919000123' }],
      [11, 'Số CCCD', 'duplicateCitizenIdInFile', { row: 10 }],
      [13, 'Họ và tên', 'duplicatePersonInFile', { row: 12 }],
      [14, 'Mã đơn vị', 'unitNotFound', { code: 'KHONG-CO' }],
      [15, 'Mã đơn vị', 'unitNotFound', { code: f.unitX.code }],
      [16, 'Số CCCD', 'citizenIdOtherPerson'],
      [17, 'Số điện thoại', 'formula'],
      [18, 'Giới tính', 'genderInvalid', { value: 'Khác' }],
      [21, 'Mã đơn vị', 'unitNotGrassroots', { code: f.district.code }],
      [22, 'Mã đơn vị', 'unitNotValidOn', { code: f.unitB.code, date: '01/06/2020' }],
      [23, 'Ngày sinh', 'birthNotBeforeAdmission', { admittedOn: '01/06/2015' }],
      [24, 'Số thẻ đoàn viên', 'duplicateCardInFile', { row: 2 }],
      [25, 'Số thẻ đoàn viên', 'cardTaken'],
      [26, 'Số điện thoại', 'phoneInvalid', { value: 'abc' }],
      [26, 'Email', 'emailInvalid', { value: 'x@' }],
      [27, 'Chức vụ công đoàn', 'positionInvalid', { value: 'Giám đốc' }],
      [27, 'Đảng viên', 'partyMemberInvalid'],
    ]);
    // Messages in Vietnamese (and English) name the earlier row, the unit code…
    expect(status.errors[0]).toEqual({ row: 3, column: 'Họ và tên', message: 'Bắt buộc nhập.' });
    expect(status.errors.find((e) => e.row === 15)!.message).toBe(`Không tìm thấy mã đơn vị "${f.unitX.code}" trong phạm vi của bạn.`);
    expect(status.errors.find((e) => e.row === 17)!.message).toContain('Ô chứa công thức; hãy dán giá trị');
    expect(status.errors.find((e) => e.row === 8)!.message).toContain('định dạng cột Số CCCD là Văn bản');
    const english = await getMemberImport(db(), officer, status.id, 'en');
    expect(english.errors.find((e) => e.row === 11)!.message).toBe('Same citizen ID as row 10.');
    expect(await memberCount()).toBe(before);

    // Not valid as a whole: importing everything is refused.
    await expect(commitMemberImport(db(), officer, status.id, { validRowsOnly: false })).rejects.toMatchObject({
      code: 'IMPORT_NOT_READY',
    });

    const imported = await commit(status.id, true);
    expect(imported).toMatchObject({ state: 'imported', importedRows: 4, skippedRows: 1, progress: 100 });
    expect(await memberCount()).toBe(before + 4);
    const [lan] = await db().select().from(members).where(eq(members.fullName, 'Võ Ngọc Lan'));
    expect(lan).toMatchObject({
      nameFolded: 'vo ngoc lan',
      gender: 'female',
      birthDate: '1992-03-15',
      admittedOn: '2018-01-02',
      unitId: f.section.id,
      unionPosition: 'vice_chair',
      partyMember: true,
      cardNumber: 'C-20',
      cardIssuedOn: '2018-01-02',
      status: 'active',
      importKey: status.id,
    });
    const [an] = await db().select().from(members).where(eq(members.citizenId, '001090000001'));
    expect(an).toMatchObject({
      phone: '0912345678',
      email: 'an@example.com',
      unionPosition: 'member',
      partyMember: false,
      cardIssuedOn: '2015-06-01',
    });
    const events = await db().select().from(memberEvents).where(eq(memberEvents.memberId, lan!.id));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'admitted',
        eventDate: '2018-01-02',
        unitId: f.section.id,
        createdBy: f.officer.id,
        note: 'Nhập từ Excel: doan-vien.xlsx',
      }),
      // A card number in the file is a card issued on admission, as when a member is admitted with one (admitMember).
      expect.objectContaining({ kind: 'card_issued', eventDate: '2018-01-02', unitId: f.section.id, cardNumber: 'C-20' }),
    ]);
    const periods = await db().select().from(memberUnitPeriods).where(eq(memberUnitPeriods.memberId, lan!.id));
    expect(periods).toEqual([{ memberId: lan!.id, unitId: f.section.id, validFrom: '2018-01-02', validTo: null }]);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'member.import'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityType: 'member_import',
      entityId: status.id,
      unitId: null,
      after: { fileName: 'doan-vien.xlsx', importedRows: 4, skippedRows: 1, unitCount: 2 },
    });
    // Only the rejected rows are kept after the import.
    const [kept] = await db().select({ rows: memberImports.rows }).from(memberImports).where(eq(memberImports.id, status.id));
    expect(kept!.rows).toHaveLength(1 + 21);
    await expect(commitMemberImport(db(), officer, status.id, { validRowsOnly: true })).rejects.toMatchObject({
      code: 'IMPORT_ALREADY_DONE',
    });

    // The same file again: the imported people are found, nothing is added.
    const again = await upload(await buildWorkbook(rows));
    expect(again).toMatchObject({ state: 'invalid', validRows: 5, skippedRows: 5 });
    const second = await commit(again.id, true);
    expect(second).toMatchObject({ state: 'imported', importedRows: 0, skippedRows: 5 });
    expect(await memberCount()).toBe(before + 4);
    expect(stranger.id).toBeTruthy();
  });

  it('gives back the rejected rows as uploaded with a "Lỗi" column; fixed and uploaded again, they import', async () => {
    const A = f.unitA.code;
    const rows: RowInput[] = [
      {
        fullName: 'Đinh Văn Một',
        gender: 'Nam',
        birthDate: '1/2/1980',
        citizenId: 1230000001,
        unitCode: A,
        admittedOn: '01/06/2015',
        workplace: 'Xưởng 1',
      },
      { fullName: 'Đinh Văn Hai', gender: 'Nam', birthDate: '01/02/1981', unitCode: A, admittedOn: '01/06/2015' },
      { fullName: 'Đinh Thị Ba', gender: 'Nữ', birthDate: '30/02/1982', unitCode: A, admittedOn: '01/06/2015' },
      { fullName: 'Đinh Thị Bốn', gender: 'Nữ', birthDate: '01/02/1983', unitCode: 'SAI', admittedOn: '01/06/2015' },
    ];
    const extra = [...HEADERS, 'Ghi chú'];
    const buffer = await buildWorkbook(
      rows.map((r, i) => [...rowValues(r), `ghi chú ${i + 1}`]),
      { headers: extra },
    );
    const status = await upload(buffer, officer, 'Danh sách đoàn viên.xlsx');
    expect(status).toMatchObject({ state: 'invalid', totalRows: 4, validRows: 1, invalidRows: 3 });

    const file = await exportRejectedRows(db(), officer, status.id);
    expect(file.fileName).toBe('Dòng lỗi - Danh sách đoàn viên.xlsx');
    expect(file.rowCount).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...extra, 'Lỗi']);
    expect(values(2).slice(0, 15)).toEqual(
      ['Đinh Văn Một', 'Nam', '1/2/1980', '1230000001', '', '', '', '', 'Xưởng 1', A, '01/06/2015', '', '', '', 'ghi chú 1'].map((v) =>
        v === '' ? undefined : v,
      ),
    );
    expect(String(values(2)[15])).toContain('Số CCCD: Số CCCD chỉ còn 10 chữ số');
    expect(values(3)[0]).toBe('Đinh Thị Ba');
    expect(String(values(3)[15])).toBe('Ngày sinh: Ngày "30/02/1982" không hợp lệ; hãy ghi theo dạng dd/mm/yyyy.');
    expect(String(values(4)[15])).toBe(`Mã đơn vị: Không tìm thấy mã đơn vị "SAI" trong phạm vi của bạn.`);
    expect(ws.getCell('D2').numFmt).toBe('@');

    // Fix the cells in the downloaded file and upload it back ("Lỗi" is ignored).
    ws.getCell('D2').value = '001080000001';
    ws.getCell('C3').value = '28/02/1982';
    ws.getCell('J4').value = A;
    const fixed = await upload(Buffer.from(await wb.xlsx.writeBuffer()), officer, 'Dòng lỗi - Danh sách đoàn viên.xlsx');
    expect(fixed).toMatchObject({ state: 'validated', totalRows: 3, validRows: 3, errorCount: 0, errors: [] });
    const before = await memberCount();
    expect(await commit(fixed.id, false)).toMatchObject({ state: 'imported', importedRows: 3, skippedRows: 0 });
    expect(await memberCount()).toBe(before + 3);
    const [one] = await db().select().from(members).where(eq(members.citizenId, '001080000001'));
    expect(one).toMatchObject({ fullName: 'Đinh Văn Một', birthDate: '1980-02-01', workplace: 'Xưởng 1' });
  });

  it('checks duplicates again at commit: a person added meanwhile is skipped, a conflict sends the file back to "invalid" with nothing written', async () => {
    const A = f.unitA.code;
    const buffer = await buildWorkbook([
      { fullName: 'Mai Văn Sau', gender: 'Nam', birthDate: '01/01/1990', citizenId: '001090055501', unitCode: A, admittedOn: '01/01/2016' },
      {
        fullName: 'Mai Văn Trước',
        gender: 'Nam',
        birthDate: '01/01/1991',
        citizenId: '001091055502',
        unitCode: A,
        admittedOn: '01/01/2016',
      },
    ]);
    const first = await upload(buffer);
    expect(first.state).toBe('validated');
    await insertMember(db(), { fullName: 'Mai Văn Sau', birthDate: '1990-01-01', unitId: f.unitA.id, citizenId: '001090055501' });
    await insertMember(db(), { fullName: 'Người Khác', birthDate: '1960-01-01', unitId: f.unitB.id, citizenId: '001091055502' });
    const before = await memberCount();
    const result = await commit(first.id, false);
    expect(result).toMatchObject({ state: 'invalid', invalidRows: 1, errorCount: 1 });
    expect(result.errors).toEqual([
      { row: 3, column: 'Số CCCD', message: 'Số CCCD đã có trong sổ đoàn viên với họ tên hoặc ngày sinh khác.' },
    ]);
    expect(await memberCount()).toBe(before);
    expect(await commit(first.id, true)).toMatchObject({ state: 'imported', importedRows: 0, skippedRows: 1 });
  });

  it('refuses bad files at once with a clear error and writes nothing', async () => {
    const imports = async () => (await db().select({ n: count() }).from(memberImports))[0]!.n;
    const before = await imports();
    const refuse = async (buffer: Buffer) => {
      const err = await startMemberImport(db(), officer, { fileName: 'x.xlsx', buffer }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      return err as AppError;
    };
    expect((await refuse(Buffer.from('Họ và tên;Giới tính\nAn;Nam\n'))).code).toBe('IMPORT_FILE_TYPE');
    expect((await refuse(Buffer.from('PK\u0003\u0004 not really a zip'))).code).toBe('IMPORT_FILE_TYPE');
    expect((await refuse(await buildWorkbook([]))).code).toBe('IMPORT_FILE_EMPTY');
    const emptyBook = new ExcelJS.Workbook();
    emptyBook.addWorksheet('Đoàn viên');
    expect((await refuse(Buffer.from(await emptyBook.xlsx.writeBuffer()))).code).toBe('IMPORT_FILE_EMPTY');
    const headers = await refuse(await buildWorkbook([['An', 'Nam']], { headers: ['Tên', 'Phái', 'Ghi chú'] }));
    expect(headers).toMatchObject({ code: 'IMPORT_HEADERS_MISSING', status: 400 });
    expect(headers.params.columns).toBe('Họ và tên, Giới tính, Ngày sinh, Mã đơn vị, Ngày kết nạp');
    const partial = await refuse(await buildWorkbook([['An', 'Nam']], { headers: ['Họ và tên', 'Giới tính', 'Ngày sinh'] }));
    expect(partial.params.columns).toBe('Mã đơn vị, Ngày kết nạp');
    const row = { fullName: 'Gộp Ô', gender: 'Nam', birthDate: '01/01/1990', unitCode: f.unitA.code, admittedOn: '01/01/2016' };
    const merged = await refuse(await buildWorkbook([row, row], { merges: ['A2:A3'] }));
    expect(merged).toMatchObject({ code: 'IMPORT_MERGED_CELLS', params: { cells: 'A2:A3' } });
    expect(await imports()).toBe(before);
  });

  it('finds the header under a title line, with English or unaccented headers, and counts rows against the limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['DANH SÁCH ĐOÀN VIÊN']);
    ws.addRow(['Full name', 'gioi tinh', 'NGAY SINH', 'Unit code*', 'Ngày kết nạp* (dd/mm/yyyy)', 'Số CCCD']);
    ws.addRow(['Hồ Văn Ba', 'Nam', '01/01/1990', 'A', '01/01/2016', '001090000003']);
    ws.addRow([]);
    ws.addRow(['Hồ Văn Tư', 'Nam', '01/01/1991', 'A', '01/01/2016', null]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = await readImportFile(buffer);
    expect(sheet.headerRow).toBe(2);
    expect(sheet.rows.map((r) => [r.__row, r.fullName, r.citizenId])).toEqual([
      ['3', 'Hồ Văn Ba', '001090000003'],
      ['5', 'Hồ Văn Tư', undefined],
    ]);
    await expect(readImportFile(buffer, 1)).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', params: { rows: 2, max: 1 } });
  });

  it('lets a CĐCS chair import only into their own unit', async () => {
    const chair = await actorOf(db(), f.chair);
    const status = await upload(
      await buildWorkbook([
        { fullName: 'Kha Văn Mười', gender: 'Nam', birthDate: '01/01/1990', unitCode: f.unitA.code, admittedOn: '01/01/2016' },
        { fullName: 'Kha Văn Một', gender: 'Nam', birthDate: '01/01/1990', unitCode: f.unitB.code, admittedOn: '01/01/2022' },
        { fullName: 'Kha Văn Hai', gender: 'Nam', birthDate: '01/01/1990', unitCode: f.section.code, admittedOn: '01/01/2016' },
      ]),
      chair,
    );
    expect(await storedErrors(status.id)).toEqual([
      [3, 'Mã đơn vị', 'unitNotFound', { code: f.unitB.code }],
      [4, 'Mã đơn vị', 'unitNotFound', { code: f.section.code }],
    ]);
    const viewer = await actorOf(db(), f.viewer);
    await expect(startMemberImport(db(), viewer, { fileName: 'x.xlsx', buffer: await buildWorkbook([]) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Someone else's import is not found.
    await expect(getMemberImport(db(), officer, status.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const admin = await actorOf(db(), f.admin);
    expect((await getMemberImport(db(), admin, status.id)).id).toBe(status.id);
  });

  it('checks and stores phone, CCCD and card number with the same field rules as the API and the forms', async () => {
    const ok = (over: RowInput): RowInput => ({
      gender: 'Nữ',
      birthDate: '01/01/1991',
      unitCode: f.unitA.code,
      admittedOn: '01/06/2016',
      ...over,
    });
    const status = await upload(
      await buildWorkbook([
        /* 2 */ ok({ fullName: 'Đỗ  Thị   Mai', phone: '+84 912 345 601', citizenId: '001 091 000 601', cardNumber: 'kg 601' }),
        /* 3 */ ok({ fullName: 'Đỗ Thị Hoa', phone: '(0297) 3851-234', cardNumber: 'KG/602.A' }),
        /* 4 */ ok({ fullName: 'Đỗ Thị Tám Số', phone: '12345678' }),
        /* 5 */ ok({ fullName: 'Đỗ Thị Thẻ Lạ', cardNumber: 'THẺ#603' }),
      ]),
    );
    expect(await storedErrors(status.id)).toEqual([
      [4, 'Số điện thoại', 'phoneInvalid', { value: '12345678' }],
      [5, 'Số thẻ đoàn viên', 'cardNumberInvalid', { value: 'THẺ#603' }],
    ]);
    expect(await commit(status.id, true)).toMatchObject({ state: 'imported', importedRows: 2 });
    const stored = await db()
      .select({ fullName: members.fullName, phone: members.phone, citizenId: members.citizenId, cardNumber: members.cardNumber })
      .from(members)
      .where(eq(members.unitId, f.unitA.id));
    expect(stored.filter((m) => m.fullName.startsWith('Đỗ')).sort((a, b) => a.fullName.localeCompare(b.fullName))).toEqual([
      { fullName: 'Đỗ Thị Hoa', phone: '02973851234', citizenId: null, cardNumber: 'KG/602.A' },
      { fullName: 'Đỗ Thị Mai', phone: '0912345601', citizenId: '001091000601', cardNumber: 'KG601' },
    ]);
  });

  it('tells a chair only that a CCCD registered in another unit is a duplicate for the federation to resolve', async () => {
    const chair = await actorOf(db(), f.chair);
    await insertMember(db(), { fullName: 'Đỗ Văn Xa', birthDate: '1980-02-02', unitId: f.unitX.id, citizenId: '001080000555' });
    await insertMember(db(), { fullName: 'Đỗ Văn Gần', birthDate: '1981-03-03', unitId: f.unitB.id, citizenId: '001081000666' });
    const row = (over: RowInput): RowInput => ({ gender: 'Nam', unitCode: f.unitA.code, admittedOn: '01/01/2016', ...over });
    const status = await upload(
      await buildWorkbook([
        /* 2: another province, another name */ row({ fullName: 'Đoán Số', birthDate: '01/01/1990', citizenId: '001080000555' }),
        /* 3: another unit, the same person */ row({ fullName: 'Đỗ Văn Gần', birthDate: '03/03/1981', citizenId: '001081000666' }),
      ]),
      chair,
    );
    expect(await storedErrors(status.id)).toEqual([
      [2, 'Số CCCD', 'citizenIdDuplicateForFederation'],
      [3, 'Số CCCD', 'citizenIdDuplicateForFederation'],
    ]);
    expect(status.errors[0]!.message).toBe(
      'Dòng này trùng với dữ liệu đoàn viên đã có; đề nghị Liên đoàn Lao động cấp trên xem xét, xử lý.',
    );
    expect(status.errors[0]!.message).not.toMatch(/sổ đoàn viên|họ tên|ngày sinh/);
  });

  it('treats an import left "validating" for 30 minutes without a job as failed (server restart)', async () => {
    const [row] = await db()
      .insert(memberImports)
      .values({
        userId: f.officer.id,
        fileName: 'cu.xlsx',
        fileSha256: 'x',
        state: 'validating',
        updatedAt: new Date(Date.now() - 31 * 60_000),
      })
      .returning();
    const status = await getMemberImport(db(), officer, row!.id);
    expect(status.state).toBe('failed');
    expect(status.fileError).toContain('gián đoạn');
  });
});
