// The system administrator imports members from Excel. The rows are 2024
// admissions into Vĩnh Thuận's CĐCS: the district federation that held them
// then ended on 30/06/2025 and writes nothing today, and the province did not
// hold them in 2024 (write scope: whoever holds the unit on the date the write
// takes effect, docs/scopes.md), so history is filled in by the administrator.
// The administrator fills the downloaded
// template (8 good rows admitted in 2024, 3 bad ones), reads the errors in
// Vietnamese, downloads the rejected rows, fixes and uploads them, imports
// them, then imports the original file's valid rows explicitly; target 7a
// ("+10 đoàn viên") grows by the 11 admissions, and the list finds an imported
// member typed without diacritics. On a 360 px phone the officer imports a
// file of their own, and the same file again only skips the members already in
// the registry. Each test sets up what it needs (its own file, its own
// members), so any test runs alone or in any order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../common/i18n/index.js';
import { DEMO_UNITS } from '../scripts/demo/org-tree.js';
import { chooseOption, DEMO, horizontalOverflow, screenshot, settle, signIn, startE2e, typeDate, type E2e } from './harness.js';
import { ColumnMap, readSheet, type MemberRow } from './xlsx-fixture.js';

let e2e: E2e;
let downloads: string;
beforeAll(async () => {
  e2e = await startE2e();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-e2e-members-'));
});
afterAll(async () => {
  await e2e?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

const vi = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);
const VT16 = DEMO_UNITS.find((u) => u.code === 'VT16')!;

/** Eight members admitted in 2024 into CĐCS of Vĩnh Thuận that existed then (before the 30/11 cut-off of the 2024 dashboard). */
const GOOD: MemberRow[] = [
  {
    fullName: 'Lê Thị Hoài Thương',
    gender: 'Nữ',
    birthDate: '12/05/1992',
    citizenId: '091192000101',
    unitCode: 'VT14',
    admittedOn: '15/03/2024',
  },
  {
    fullName: 'Nguyễn Văn Đức Trọng',
    gender: 'Nam',
    birthDate: '03/11/1988',
    citizenId: '091088000102',
    unitCode: 'VT16',
    admittedOn: '02/04/2024',
  },
  {
    fullName: 'Trần Thị Mỹ Duyên',
    gender: 'Nữ',
    birthDate: '21/07/1995',
    citizenId: '091195000103',
    unitCode: 'VT17',
    admittedOn: '10/05/2024',
  },
  {
    fullName: 'Phạm Quốc Huy',
    gender: 'Nam',
    birthDate: '09/09/1990',
    citizenId: '091090000104',
    unitCode: 'VT01',
    admittedOn: '20/06/2024',
  },
  {
    fullName: 'Huỳnh Thị Kim Ngân',
    gender: 'Nữ',
    birthDate: '14/02/1997',
    citizenId: '091197000105',
    unitCode: 'VT10',
    admittedOn: '01/07/2024',
  },
  {
    fullName: 'Võ Minh Khang',
    gender: 'Nam',
    birthDate: '30/12/1985',
    citizenId: '091085000106',
    unitCode: 'VT12',
    admittedOn: '12/08/2024',
  },
  {
    fullName: 'Đặng Thị Thu Hà',
    gender: 'Nữ',
    birthDate: '05/05/1993',
    citizenId: '091193000107',
    unitCode: 'VT18',
    admittedOn: '05/09/2024',
  },
  {
    fullName: 'Lâm Văn Phúc',
    gender: 'Nam',
    birthDate: '18/10/1991',
    citizenId: '091091000108',
    unitCode: 'VT05',
    admittedOn: '15/10/2024',
  },
];
/** Three bad rows: a CCCD with a letter, an unknown unit code, an admission date in the future. */
const BAD: MemberRow[] = [
  {
    fullName: 'Bùi Thị Thanh Tâm',
    gender: 'Nữ',
    birthDate: '03/03/1994',
    citizenId: '09119400A109',
    unitCode: 'VT14',
    admittedOn: '20/03/2024',
  },
  { fullName: 'Đỗ Văn Lộc', gender: 'Nam', birthDate: '11/01/1989', citizenId: '091089000110', unitCode: 'VT99', admittedOn: '11/04/2024' },
  {
    fullName: 'Ngô Thị Bảo Trâm',
    gender: 'Nữ',
    birthDate: '27/06/1996',
    citizenId: '091196000111',
    unitCode: 'VT16',
    admittedOn: '15/03/2099',
  },
];
/** The fixes typed into the rejected-rows file, by full name. */
const FIXES: Record<string, Partial<MemberRow>> = {
  'Bùi Thị Thanh Tâm': { citizenId: '091194000109' },
  'Đỗ Văn Lộc': { unitCode: 'VT14' },
  'Ngô Thị Bảo Trâm': { admittedOn: '18/10/2024' },
};

/** Two members admitted in 2024 that only the transfer test imports and moves: one in VT12 (officer's transfer), one in VT10 (the chair's). */
const TRANSFERRED = {
  byOfficer: {
    fullName: 'Châu Minh Triết',
    gender: 'Nam',
    birthDate: '17/02/1986',
    citizenId: '091086000301',
    unitCode: 'VT12',
    admittedOn: '06/05/2024',
  },
  byChair: {
    fullName: 'Ông Thị Diễm Kiều',
    gender: 'Nữ',
    birthDate: '23/09/1993',
    citizenId: '091193000302',
    unitCode: 'VT10',
    admittedOn: '14/06/2024',
  },
} satisfies Record<string, MemberRow>;

/** Two members admitted in 2024 that only the phone test imports. */
const PHONE_GOOD: MemberRow[] = [
  {
    fullName: 'Tô Thị Ngọc Lan',
    gender: 'Nữ',
    birthDate: '08/08/1994',
    citizenId: '091194000201',
    unitCode: 'VT14',
    admittedOn: '11/03/2024',
  },
  {
    fullName: 'Mai Văn Tài',
    gender: 'Nam',
    birthDate: '19/04/1987',
    citizenId: '091087000202',
    unitCode: 'VT16',
    admittedOn: '22/05/2024',
  },
];

/** Target 7a's current value on the targets dashboard (the 2024 program, as of 30/11/2024). */
async function target7a(page: Page): Promise<number> {
  await page.goto('/targets');
  const card = page.getByTestId('target-card').filter({ has: page.locator('.target-code', { hasText: /^7a$/ }) });
  await card.waitFor();
  const text = await card.locator('.target-value').first().innerText();
  const n = Number(text.replace(/[^\d]/g, ''));
  expect(Number.isFinite(n), `7a value "${text}"`).toBe(true);
  return n;
}

/** Types a date into a DatePicker of a form in a drawer and leaves it with Tab (Enter would submit the form, Escape close the drawer). */
async function typeDateInDrawer(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const holder = page.getByTestId(testId);
  const input = (await holder.evaluate((el) => el.tagName)) === 'INPUT' ? holder : holder.locator('input').first();
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(ddmmyyyy);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(ddmmyyyy);
}

async function download(page: Page, testId: string, name: string): Promise<string> {
  const downloaded = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const d = await downloaded;
  expect(d.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = path.join(downloads, name);
  await d.saveAs(file);
  return file;
}

/** Downloads the template from the open import page and fills it with the rows (sheet rows 2…). */
async function writeImportFile(page: Page, name: string, rows: MemberRow[]): Promise<string> {
  const template = await download(page, 'member-import-template', `template-${name}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.getWorksheet(vi('memberImport.sheetMembers')) ?? book.worksheets[0]!;
  const columns = new ColumnMap(sheet);
  rows.forEach((r, i) => columns.write(i + 2, r));
  const file = path.join(downloads, name);
  await book.xlsx.writeFile(file);
  return file;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.getByTestId('member-import-choose').locator('input[type="file"]').setInputFiles(file);
}

/** The import's result card once the server has checked every row. */
async function waitForResult(page: Page) {
  const result = page.getByTestId('member-import-result');
  await result.waitFor({ timeout: 30_000 });
  const count = async (id: string) =>
    Number((await page.getByTestId(id).locator('.ant-statistic-content').innerText()).replace(/[^\d]/g, ''));
  return {
    total: await count('member-import-total'),
    valid: await count('member-import-valid'),
    invalid: await count('member-import-invalid'),
  };
}

async function waitForDone(page: Page) {
  await page.getByTestId('member-import-done').waitFor({ timeout: 30_000 });
  const count = async (id: string) =>
    Number((await page.getByTestId(id).locator('.ant-statistic-content').innerText()).replace(/[^\d]/g, ''));
  return { imported: await count('member-import-imported'), skipped: await count('member-import-skipped') };
}

describe('the administrator imports 2024 members from Excel', () => {
  it('fixes the rejected rows, imports them and the valid rows, and target 7a grows by the admissions', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.getByTestId('members-home-card').waitFor();
    const activeBefore = Number((await page.getByTestId('members-stat-active').innerText()).replace(/[^\d]/g, ''));
    const before = await target7a(page);

    // The menu leads to the registry, and the registry to the import.
    await page.goto('/');
    await page.getByRole('menuitem', { name: vi('nav.members') }).click();
    await page.waitForURL('**/members');
    await page.getByTestId('members-import').click();
    await page.waitForURL('**/members/import');
    await page.getByTestId('member-import-choose').waitFor();
    expect(await page.locator('body').innerText()).toContain(
      vi('members.importLimits', { rows: (50_000).toLocaleString('vi-VN'), maxMb: 20 }),
    );

    // A sheet without the template's headers is refused as a whole, with the server's message, and another file can be chosen.
    const wrong = new ExcelJS.Workbook();
    const wrongSheet = wrong.addWorksheet('Sheet1');
    wrongSheet.addRow(['Tên', 'Đơn vị']);
    wrongSheet.addRow(['Nguyễn Văn A', 'VT14']);
    const wrongFile = path.join(downloads, 'sai-mau.xlsx');
    await wrong.xlsx.writeFile(wrongFile);
    await upload(page, wrongFile);
    const fileError = page.getByTestId('member-import-file-error');
    await fileError.waitFor({ timeout: 30_000 });
    expect(await fileError.innerText()).toContain(vi('members.importFileRejected'));
    expect(await fileError.innerText()).toMatch(/thiếu các cột bắt buộc/);

    // Fill the downloaded template: 8 good rows with 3 bad ones among them (sheet rows 2..12).
    const rows = [GOOD[0]!, GOOD[1]!, BAD[0]!, GOOD[2]!, GOOD[3]!, BAD[1]!, GOOD[4]!, GOOD[5]!, BAD[2]!, GOOD[6]!, GOOD[7]!];
    const originalFile = await writeImportFile(page, 'doan-vien-2024.xlsx', rows);

    // Upload: every row is checked, the three errors are shown by row in Vietnamese.
    await upload(page, originalFile);
    expect(await waitForResult(page)).toEqual({ total: 11, valid: 8, invalid: 3 });
    const table = page.getByTestId('member-import-error-table');
    const errorRows = await table.locator('tbody tr[data-row]').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row'))));
    expect(errorRows).toEqual([4, 7, 10]);
    const errorsText = await table.innerText();
    expect(errorsText).toContain(vi('memberImport.citizenIdInvalid', { value: '09119400A109' }));
    expect(errorsText).toContain(vi('memberImport.unitNotFound', { code: 'VT99' }));
    expect(errorsText).toContain(vi('memberImport.colAdmittedOn'));
    expect(errorsText).toMatch(/không được sau hôm nay/);
    // Nothing is imported until the user chooses: "import all" is not offered with errors.
    expect(await page.getByTestId('member-import-commit-all').count()).toBe(0);
    await page.getByTestId('member-import-commit-valid').waitFor();

    // Download the rejected rows: the three rows as uploaded, with a "Lỗi" column saying what to fix.
    const rejected = await download(page, 'member-import-rejected', 'rejected.xlsx');
    const rejectedBook = new ExcelJS.Workbook();
    await rejectedBook.xlsx.readFile(rejected);
    const rejectedSheet = rejectedBook.worksheets[0]!;
    const rejectedRows = readSheet(rejectedSheet);
    expect(rejectedRows.map((r) => r.fullName)).toEqual(BAD.map((r) => r.fullName));
    const errorHeader = vi('memberImport.colErrors');
    for (const r of rejectedRows) expect(r.extra[errorHeader], r.fullName).toBeTruthy();
    expect(rejectedRows[0]!.extra[errorHeader]).toContain(vi('memberImport.colCitizenId'));
    expect(rejectedRows[1]!.extra[errorHeader]).toContain('VT99');
    expect(rejectedRows[2]!.extra[errorHeader]).toContain(vi('memberImport.colAdmittedOn'));

    // Fix the three rows in that file and upload it: all valid, import all.
    const fixedColumns = new ColumnMap(rejectedSheet);
    rejectedRows.forEach((r, i) => fixedColumns.write(i + 2, { ...r, ...FIXES[r.fullName] }));
    const fixedFile = path.join(downloads, 'dong-loi-da-sua.xlsx');
    await rejectedBook.xlsx.writeFile(fixedFile);
    await page.getByTestId('member-import-choose-another').click();
    await upload(page, fixedFile);
    expect(await waitForResult(page)).toEqual({ total: 3, valid: 3, invalid: 0 });
    await page.getByTestId('member-import-commit-all').click();
    expect(await waitForDone(page)).toEqual({ imported: 3, skipped: 0 });

    // Then the original file's valid rows, explicitly (a confirmation says the bad rows stay out).
    await page.getByTestId('member-import-again').click();
    await upload(page, originalFile);
    expect(await waitForResult(page)).toEqual({ total: 11, valid: 8, invalid: 3 });
    await page.getByTestId('member-import-commit-valid').click();
    await page.locator('.ant-modal-confirm-title', { hasText: vi('members.importValidOnlyTitle', { valid: 8 }) }).waitFor();
    await page.getByTestId('member-import-valid-only-confirm').click();
    expect(await waitForDone(page)).toEqual({ imported: 8, skipped: 0 });
    // The finished step still offers the rows left out, to fix and import later.
    const leftOut = new ExcelJS.Workbook();
    await leftOut.xlsx.readFile(await download(page, 'member-import-done-rejected', 'dong-loi-sau-khi-nhap.xlsx'));
    expect(leftOut.worksheets[0]!.rowCount).toBe(1 + 3);
    await screenshot(page, 'members-import-done');

    // The list finds an imported member typed without diacritics.
    await page.getByTestId('member-import-to-list').click();
    await page.waitForURL('**/members');
    await page.getByTestId('members-search').locator('input').fill('hoai thuong');
    await page.waitForURL(/q=hoai/);
    await page.waitForFunction(
      () => {
        const trs = [...document.querySelectorAll('[data-testid="members-table"] tbody tr.ant-table-row')];
        // Only "Hoài Thương"s are left (demo members may share the name), ours among them.
        const texts = trs.map((tr) => tr.textContent ?? '');
        return texts.length > 0 && texts.every((x) => x.includes('Hoài Thương')) && texts.some((x) => x.includes('Lê Thị Hoài Thương'));
      },
      undefined,
      { timeout: 10_000 },
    );
    const row = page.getByTestId('members-table').locator('tbody tr.ant-table-row').filter({ hasText: 'Lê Thị Hoài Thương' });
    expect(await row.innerText()).toContain('**/**/1992');
    await screenshot(page, 'members-list-search');

    // "Xuất Excel" exports the current filters.
    const exported = await download(page, 'members-export', 'export.xlsx');
    const exportBook = new ExcelJS.Workbook();
    await exportBook.xlsx.readFile(exported);
    const exportText: string[] = [];
    exportBook.worksheets[0]!.eachRow((r) => exportText.push(JSON.stringify(r.values)));
    expect(exportText.some((line) => line.includes('Lê Thị Hoài Thương'))).toBe(true);
    expect(exportText.some((line) => line.includes('Phạm Quốc Huy'))).toBe(false);

    // Target 7a counts the 11 admissions of 2024, and the home card the 11 active members more.
    expect(await target7a(page)).toBe(before + 11);
    await page.goto('/');
    await page.getByTestId('members-home-card').waitFor();
    await page.waitForFunction(
      (expected) => Number(document.querySelector('[data-testid="members-stat-active"]')?.textContent?.replace(/[^\d]/g, '')) === expected,
      activeBefore + 11,
    );
  });

  it('on a 360 px phone: the list as cards, and the same file again only skips members already registered', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto('/members');
    await page.getByTestId('member-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'members-phone-list');
    await screenshot(page, 'members-phone-list-top', { fullPage: false });

    // This test's own file: two good rows and the three bad ones; the first time the good rows are imported.
    await page.goto('/members/import');
    await page.getByTestId('member-import-choose').waitFor();
    const phoneFile = await writeImportFile(page, 'doan-vien-dien-thoai.xlsx', [PHONE_GOOD[0]!, BAD[0]!, BAD[1]!, PHONE_GOOD[1]!, BAD[2]!]);
    await upload(page, phoneFile);
    expect(await waitForResult(page)).toEqual({ total: 5, valid: 2, invalid: 3 });
    await page.getByTestId('member-import-commit-valid').click();
    await page.getByTestId('member-import-valid-only-confirm').click();
    expect(await waitForDone(page)).toEqual({ imported: 2, skipped: 0 });

    // The same file again: checked the same way, and the members already registered are skipped.
    await page.getByTestId('member-import-again').click();
    await page.getByTestId('member-import-choose').waitFor();
    await upload(page, phoneFile);
    expect(await waitForResult(page)).toEqual({ total: 5, valid: 2, invalid: 3 });
    await settle(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'members-phone-import-result');

    await page.getByTestId('member-import-commit-valid').click();
    await page.getByTestId('member-import-valid-only-confirm').click();
    expect(await waitForDone(page)).toEqual({ imported: 0, skipped: 2 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'members-phone-import-done');
  });

  it('on a 360 px phone: a member page with its timeline and actions, and the admit drawer checks the CCCD inline', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto('/members?q=thuong');
    const card = page.getByTestId('member-card').filter({ hasText: 'Lê Thị Hoài Thương' });
    await card.click();
    await page.getByTestId('member-page').waitFor();
    expect(await page.getByTestId('member-title').innerText()).toBe('Lê Thị Hoài Thương');
    await page.getByTestId('member-event-admitted').waitFor();
    expect(await page.getByTestId('member-timeline').innerText()).toContain('15/03/2024');
    // The officer manages the unit: full personal data and the actions.
    expect(await page.getByTestId('member-details').innerText()).toContain('091192000101');
    for (const id of ['member-edit', 'member-transfer', 'member-issue-card', 'member-leave']) await page.getByTestId(id).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'members-phone-member-page');

    await page.goto('/members');
    await page.getByTestId('members-admit').click();
    await page.getByTestId('member-admit-form').waitFor();
    await page.getByTestId('member-citizenid').fill('0911A');
    await page.getByText(vi('validation.citizenId')).waitFor();
    await settle(page);
    await screenshot(page, 'members-phone-admit-drawer', { fullPage: false });
  });

  it('transfers members: at once between units the officer manages, and after acceptance from the pending transfers tab', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    // This test's own members, imported first (no other test's data needed).
    await page.goto('/members/import');
    await page.getByTestId('member-import-choose').waitFor();
    await upload(page, await writeImportFile(page, 'chuyen-sinh-hoat.xlsx', [TRANSFERRED.byOfficer, TRANSFERRED.byChair]));
    expect(await waitForResult(page)).toEqual({ total: 2, valid: 2, invalid: 0 });
    await page.getByTestId('member-import-commit-all').click();
    expect(await waitForDone(page)).toEqual({ imported: 2, skipped: 0 });

    const openMember = async (q: string, name: string) => {
      await page.goto(`/members?q=${encodeURIComponent(q)}`);
      await page.getByTestId('member-link').filter({ hasText: name }).click();
      await page.getByTestId('member-page').waitFor();
    };

    // The officer manages both CĐCS: the transfer takes effect at once.
    await openMember('minh triet', TRANSFERRED.byOfficer.fullName);
    expect(await page.getByTestId('member-unit').innerText()).toContain('VT12');
    await page.getByTestId('member-transfer').click();
    await page.getByTestId('member-transfer-form').waitFor();
    await typeDate(page, 'member-dialog-date', '15/01/2025');
    await chooseOption(page, 'member-transfer-unit', '(VT16)', 'VT16');
    await page.getByTestId('member-transfer-submit').click();
    await page.getByText(vi('members.transferDone')).waitFor();
    await page.getByTestId('member-transfer-form').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="member-unit"]')?.textContent?.includes('VT16'));
    expect(await page.getByTestId('member-timeline').innerText()).toContain(vi('members.transfer_accepted'));
    await screenshot(page, 'members-member-page');

    // A CĐCS chair, on a 360 px phone, sends a member to a CĐCS outside their scope: the
    // unit picker offers only their own units, so the receiving union is named by the
    // code it gave (any case); the transfer then waits for the receiver.
    const chair = await e2e.newPage('phone');
    await signIn(chair, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    await chair.goto(`/members?q=${encodeURIComponent('diem kieu')}`);
    await chair.getByTestId('member-card').filter({ hasText: TRANSFERRED.byChair.fullName }).click();
    await chair.getByTestId('member-page').waitFor();
    await chair.getByTestId('member-transfer').click();
    await chair.getByTestId('member-transfer-form').waitFor();
    await typeDate(chair, 'member-dialog-date', '20/01/2025');
    await chair.getByTestId('member-transfer-target').getByText(vi('members.transferByCode')).click();
    const codeSearch = chair.getByTestId('member-transfer-code');
    const code = codeSearch.locator('input');
    // An unknown code: the server's message under the field.
    await code.fill('VT99');
    await code.press('Enter');
    const codeError = chair.getByTestId('member-transfer-code-error');
    await codeError.waitFor();
    expect(await codeError.innerText()).toBe(vi('errors.MEMBER_RECEIVING_UNIT_NOT_FOUND', { code: 'VT99', date: '20/01/2025' }));
    // The receiver's code, typed in lower case: its name, and that the transfer will wait for it.
    await code.fill(' vt16 ');
    await codeSearch.getByRole('button', { name: vi('members.transferCodeFind') }).click();
    await chair.getByTestId('member-transfer-code-unit').waitFor();
    await codeError.waitFor({ state: 'detached' });
    expect(await chair.getByTestId('member-transfer-code-name').innerText()).toBe(VT16.fullName);
    expect(await chair.getByTestId('member-transfer-code-waits').innerText()).toContain(
      vi('members.transferCodeWaits', { unit: VT16.shortName }),
    );
    await settle(chair);
    expect(await horizontalOverflow(chair)).toBeLessThanOrEqual(1);
    await screenshot(chair, 'members-phone-transfer-by-code', { fullPage: false });
    await chair.getByTestId('member-transfer-submit').click();
    await chair.getByText(vi('members.transferSent')).waitFor();
    await chair.getByTestId('member-transfer-form').waitFor({ state: 'detached' });
    // Still in the chair's CĐCS until the receiver accepts.
    await chair.getByTestId('member-timeline').getByText(vi('members.transfer_pending')).waitFor();
    expect(await chair.getByTestId('member-unit').innerText()).toContain('VT10');

    // The officer manages the receiving CĐCS: accepts it from the tab.
    await page.goto('/members?tab=transfers');
    const pending = page.getByTestId('pending-transfer').filter({ hasText: TRANSFERRED.byChair.fullName });
    await pending.waitFor();
    await screenshot(page, 'members-pending-transfers');
    await pending.getByTestId('transfer-accept').click();
    await page.getByTestId('transfer-decide-confirm').click();
    await page.getByText(vi('members.transferAccepted')).waitFor();
    await pending.waitFor({ state: 'detached' });
    await openMember('diem kieu', TRANSFERRED.byChair.fullName);
    expect(await page.getByTestId('member-unit').innerText()).toContain('VT16');
  });

  it('admits a member from the drawer, with a server error shown on its field, then reads the registry in English', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto('/members');
    await page.getByTestId('members-admit').click();
    await page.getByTestId('member-admit-form').waitFor();
    await typeDateInDrawer(page, 'member-admitted-on', '10/06/2025');
    await chooseOption(page, 'member-unit', '(VT14)', 'VT14');
    await page.getByTestId('member-fullname').fill('Trương Thị Cẩm Tú');
    await page.getByTestId('member-gender').getByText(vi('members.gender_female')).click();
    await typeDateInDrawer(page, 'member-birthdate', '02/09/1994');
    // A CCCD already in the registry: the server's message lands under the CCCD field.
    await page.getByTestId('member-citizenid').fill('091192000101');
    await page.getByTestId('member-admit-submit').click();
    await page
      .getByTestId('member-admit-form')
      .locator('.ant-form-item-explain-error', { hasText: vi('errors.MEMBER_CITIZEN_ID_TAKEN') })
      .waitFor();
    await page.getByTestId('member-citizenid').fill('091194000112');
    await page.getByTestId('member-admit-submit').click();
    await page.getByTestId('member-page').waitFor();
    expect(await page.getByTestId('member-title').innerText()).toBe('Trương Thị Cẩm Tú');
    expect(await page.getByTestId('member-unit').innerText()).toContain('VT14');
    expect(await page.getByTestId('member-details').innerText()).toContain('02/09/1994');

    // The language switch applies to the registry too.
    await page.getByRole('button', { name: vi('common.language') }).click();
    await page.getByRole('link', { name: translate('en', 'members.backToList') }).click();
    await page.getByRole('heading', { name: translate('en', 'members.title') }).waitFor();
    await page.getByText(translate('en', 'members.tabTransfers')).waitFor();
    await screenshot(page, 'members-list-english', { fullPage: false });
  });
});
