// An administrator creates a user with a role assignment (the new user can
// sign in and sees the role), then reads the audit log: the unit move and a
// new user are listed, and the log exports to XLSX. Each test makes what it
// reads itself (the server is shared by the file, the tests are not ordered).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { chooseOption, DEMO, horizontalOverflow, screenshot, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let downloads: string;
beforeAll(async () => {
  e2e = await startE2e();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-e2e-downloads-'));
});
afterAll(async () => {
  await e2e?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);

const NEW_USER = { username: 'cdcs.hoasen', fullName: 'Nguyễn Thị Hoa', password: 'HoaSen@2025' };
const NEW_USER_UNIT = { code: 'VT13', shortName: 'CĐCS Trường MN Hoa Sen' };
/** The user the audit test creates for itself (not the one the first test creates through the page). */
const AUDITED_USER = { username: 'cdcs.kiemtra', fullName: 'Lê Văn Kiểm', password: 'KiemTra@2025' };

/** The signed-in page's CSRF token, for writes through the API. */
async function csrfToken(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

/** Creates a user without assignments through the API, as the signed-in page's user. */
async function createUserThroughApi(page: Page, user: { username: string; fullName: string; password: string }) {
  const res = await page.request.post('/api/users', { headers: { 'x-csrf-token': await csrfToken(page) }, data: user });
  expect(res.ok(), await res.text()).toBe(true);
}

/** Moves VT14 to AG-XVB from 01/10/2025 through the API, as the signed-in page's user. */
async function moveUnitThroughApi(page: Page) {
  const find = async (code: string) => {
    const res = await page.request.get(`/api/org-units?q=${code}&asOf=2025-10-01`);
    return ((await res.json()) as { items: Array<{ id: string; code: string }> }).items.find((u) => u.code === code)!.id;
  };
  const res = await page.request.post(`/api/org-units/${await find('VT14')}/move`, {
    headers: { 'x-csrf-token': await csrfToken(page) },
    data: { parentId: await find('AG-XVB'), fromDate: '2025-10-01' },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

describe('an administrator manages users and reads the audit log', () => {
  it('creates a user with a role assignment, and the new user signs in with that role', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.getByRole('menuitem', { name: vi('nav.users') }).click();
    await page.getByTestId('users-page').waitFor();
    await screenshot(page, 'admin-users-list');

    await page.getByTestId('users-add').click();
    await page.getByTestId('user-create-drawer').waitFor();
    await page.getByTestId('user-username').fill(NEW_USER.username);
    await page.getByTestId('user-fullname').fill(NEW_USER.fullName);
    await page.getByTestId('user-password').fill(NEW_USER.password);
    await page.getByTestId('user-password-confirm').fill(NEW_USER.password);
    await page.getByTestId('user-add-first-assignment').click();

    await chooseOption(page, 'first-assignment-0-role', vi('enums.role.grassroots_officer'));
    await chooseOption(page, 'first-assignment-0-unit', `(${NEW_USER_UNIT.code})`, NEW_USER_UNIT.code);
    await page.getByTestId('first-assignment-0-subtree').click(); // a CĐCS chair sees their own unit only
    await screenshot(page, 'admin-user-create-drawer', { fullPage: false });

    const created = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST');
    await page.getByTestId('user-create-submit').click();
    const response = await created;
    expect(response.ok(), await response.text()).toBe(true);
    await page.getByText(vi('users.created', { username: NEW_USER.username })).waitFor();
    await page.goto('/users');
    await page.getByTestId(`user-row-${NEW_USER.username}`).waitFor();
    await screenshot(page, 'admin-users-list-with-new-user');

    // The new user signs in and the home page shows the role at the unit.
    const other = await e2e.newPage('phone');
    await signIn(other, NEW_USER.username, NEW_USER.password);
    await other.getByText(vi('enums.role.grassroots_officer')).waitFor();
    await other.getByText(NEW_USER_UNIT.shortName).first().waitFor();
    expect(await horizontalOverflow(other)).toBeLessThanOrEqual(1);
  });

  it('lists the unit move and a new user in the audit log and exports the log to XLSX', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await createUserThroughApi(page, AUDITED_USER);
    await moveUnitThroughApi(page);

    await page.getByRole('menuitem', { name: vi('nav.audit') }).click();
    await page.getByTestId('audit-page').waitFor();
    const table = page.getByTestId('audit-table');
    const moveRow = table.locator('tr[data-testid^="audit-row-"]', { hasText: vi('audit.action.org_unit.move') });
    await moveRow.first().waitFor();
    expect(await moveRow.first().innerText()).toContain('VT14');
    await table.locator('tr[data-testid^="audit-row-"]', { hasText: AUDITED_USER.username }).first().waitFor();
    await screenshot(page, 'admin-audit-list');

    const downloaded = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))));
    const text = cells.join('\n');
    expect(text).toContain('VT14');
    expect(text).toContain(AUDITED_USER.username);
  });

  it('the audit log fits a phone as cards', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto('/audit');
    await page.getByTestId('audit-cards').waitFor();
    await page.locator('[data-testid^="audit-card-"]').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'admin-phone-audit');
    await page.goto('/users');
    await page.getByTestId('users-page').waitFor();
    await page.getByTestId('user-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'admin-phone-users');
  });
});
