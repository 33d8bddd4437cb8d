// Activity records (issue 13, docs/activities.md): targets count records
// through record-derived data elements, so recording what a union did moves
// them at once. (a) The inspection committee of the district (ubkt.vt) on a
// 360 px phone records a second same-level inspection of VT18's committee in
// November 2024 (the demo has one only): target 6 ("CĐCS with a UBKT holding
// 2 same-level inspections") moves on /targets. (b) The district Office
// (vanphong.vt) records a "Mái ấm công đoàn" house handed over by VT14 in
// December 2024, paid from two sources typed with Vietnamese grouping:
// target 10 counts one more house. Then the list finds the record typed
// without diacritics, the export holds it, the welfare totals add it up, and
// the report form's link (unit, element, period) opens exactly the records
// behind the figure with a banner that can be cleared.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../common/i18n/index.js';
import { DEMO_ACCOUNTS } from '../scripts/demo/accounts.js';
import { chooseOption, DEMO, horizontalOverflow, screenshot, settle, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let downloads: string;
beforeAll(async () => {
  e2e = await startE2e();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-e2e-activities-'));
});
afterAll(async () => {
  await e2e?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

const vi = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);
const UBKT = DEMO_ACCOUNTS.find((a) => a.username === 'ubkt.vt')!;
const OFFICE = DEMO_ACCOUNTS.find((a) => a.username === DEMO.federationOfficer.username)!;

const INSPECTION_TITLE = 'Kiểm tra tài chính công đoàn CĐCS Cty VT18 quý IV';
const HOUSE_TITLE = 'Trao nhà Mái ấm công đoàn cho đoàn viên Trung tâm Y tế';

/** The district's issued 2024 program (through the API, with the page's session). */
async function program2024(page: Page): Promise<string> {
  const programs = (await (await page.request.get('/api/programs?year=2024&pageSize=100')).json()) as {
    items: Array<{ id: string; status: string; unitName: string }>;
  };
  return programs.items.find((p) => p.status === 'issued' && p.unitName.includes('Vĩnh Thuận'))!.id;
}

/** A unit's id by its code, as the caller sees the tree on a date. */
async function unitId(page: Page, code: string, asOf: string): Promise<string> {
  const res = (await (await page.request.get(`/api/org-units?q=${code}&asOf=${asOf}`)).json()) as {
    items: Array<{ id: string; code: string }>;
  };
  return res.items.find((u) => u.code === code)!.id;
}

/** A target's value on /targets as of 31/12/2024 (submitted and approved reports, and the records). */
async function targetValue(page: Page, programId: string, code: string): Promise<string> {
  await page.goto(`/targets?programId=${programId}&asOf=2024-12-31`);
  const card = page.locator(`[data-testid="target-card"][data-target-code="${code}"]`);
  return (await card.getByTestId('target-value').innerText()).trim();
}

/** "66,67%" / "1" → 66.67 / 1 */
const numberOf = (text: string) =>
  Number(
    text
      .replace(/[^\d,.-]/g, '')
      .replace(/\./g, '')
      .replace(',', '.'),
  );

/** The input of a field found by its data-testid (on the input itself, or on a wrapper around it). */
const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/**
 * Types a dd/mm/yyyy date into the drawer's date field and confirms it with
 * Enter (no Escape afterwards, unlike harness typeDate: Escape closes a drawer).
 */
async function typeDrawerDate(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const field = input(page, testId);
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(ddmmyyyy);
  await field.press('Enter');
  await expect.poll(() => field.inputValue()).toBe(ddmmyyyy);
  await page
    .locator('.ant-picker-dropdown:visible')
    .waitFor({ state: 'hidden' })
    .catch(() => {});
}

/** Saves the record through the API, as the page's user, with the version it has now: any form opened before is stale. */
async function saveElsewhere(page: Page, id: string, notes: string): Promise<void> {
  const record = (await (await page.request.get(`/api/activities/${id}`)).json()) as {
    kind: string;
    unitId: string;
    occurredOn: string;
    title: string;
    details: Record<string, unknown>;
    people: Array<{ memberId: string; role: string }>;
    rowVersion: number;
  };
  const csrf = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
  const res = await page.request.put(`/api/activities/${id}`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      record: {
        kind: record.kind,
        unitId: record.unitId,
        occurredOn: record.occurredOn,
        title: record.title,
        notes,
        details: record.details,
        people: record.people.map((p) => ({ memberId: p.memberId, role: p.role })),
      },
      expectedVersion: record.rowVersion,
    },
  });
  expect(res.status()).toBe(200);
}

/** Waits until the unit picker has the units of the date just typed (it reloads them for each date). */
async function unitsLoaded(page: Page): Promise<void> {
  await settle(page);
  await expect.poll(() => page.getByTestId('activity-unit').locator('.anticon-loading').count()).toBe(0);
}

/** Chooses the first member the people picker offers who may be named (admitted before the date). */
async function chooseFirstPerson(page: Page): Promise<string> {
  await page.getByTestId('activity-people').click();
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
    .filter({ has: page.getByTestId('activity-person-option') })
    .first();
  await option.waitFor();
  await settle(page);
  const name = (await option.locator('[data-testid="activity-person-option"] > span').first().innerText()).trim();
  await option.click();
  await expect.poll(() => page.getByTestId('activity-people').innerText()).toContain(name);
  return name;
}

async function createdAndClose(page: Page): Promise<void> {
  await page.getByTestId('activity-submit').click();
  await page.getByText(vi('activities.created')).waitFor();
  // The drawer stays on the saved record (its files can be attached now), then closes.
  await page.getByTestId('activity-attachments').getByText(vi('activities.attach')).waitFor();
  await page.getByTestId('activity-close').click();
  await page.getByTestId('activity-drawer').waitFor({ state: 'hidden' });
}

describe('activity records', () => {
  it('the inspection committee records an inspection on a phone and target 6 moves', { timeout: 150_000 }, async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, UBKT.username, UBKT.password);
    const programId = await program2024(page);
    const before = await targetValue(page, programId, '6');

    // The menu entry "Hoạt động"; on a phone the kind is chosen from a select (tabs on a desktop), kept in the address.
    await page.goto('/');
    await page.getByRole('button', { name: vi('nav.menu'), exact: true }).click();
    await page.getByRole('menuitem', { name: vi('nav.activities') }).click();
    await page.waitForURL('**/activities');
    await page.getByTestId('activities-page').waitFor();
    await chooseOption(page, 'activities-kind-select', vi('activityExport.kind_training'));
    await page.waitForURL(/kind=training/);
    await page.goto('/activities?kind=inspection');
    await page.getByTestId('activities-page').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    await page.getByTestId('activities-add').click();
    await page.getByTestId('activity-form').waitFor();
    expect(await page.getByTestId('activity-form').getAttribute('data-kind')).toBe('inspection');
    await typeDrawerDate(page, 'activity-date', '20/11/2024');
    await unitsLoaded(page);
    await chooseOption(page, 'activity-unit', 'VT18', 'VT18');
    // Same-level: the inspected unit starts as the inspecting unit.
    await expect.poll(() => page.getByTestId('activity-inspected-unit').innerText()).toContain('VT18');
    await input(page, 'activity-title').fill(INSPECTION_TITLE);
    await chooseOption(page, 'activity-subject', vi('activityExport.subject_finance'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'activity-inspection-phone', { fullPage: false });
    await createdAndClose(page);

    // The card is in the list, and the target moved.
    await page.getByTestId('activity-card').filter({ hasText: INSPECTION_TITLE }).waitFor();
    await expect.poll(async () => numberOf(await targetValue(page, programId, '6')), { timeout: 20_000 }).toBeGreaterThan(numberOf(before));
    expect(e2e.pageErrors).toEqual([]);
  });

  it(
    'the Office records a Mái ấm house and target 10 counts it; search, export, totals and the link from a figure',
    { timeout: 180_000 },
    async () => {
      const page = await e2e.newPage('desktop');
      await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
      const programId = await program2024(page);
      const before = numberOf(await targetValue(page, programId, '10'));

      // The kinds are tabs on a desktop; the chosen one is kept in the address.
      await page.goto('/activities');
      await page.getByTestId('activities-tab-training').click();
      await page.waitForURL(/kind=training/);
      await page.goto('/activities?kind=welfare');
      await page.getByTestId('welfare-totals').waitFor();
      await page.getByTestId('activities-add').click();
      await page.getByTestId('activity-form').waitFor();
      expect(await page.getByTestId('activity-form').getAttribute('data-kind')).toBe('welfare');
      await typeDrawerDate(page, 'activity-date', '05/12/2024');
      await unitsLoaded(page);
      await chooseOption(page, 'activity-unit', 'VT14', 'VT14');
      await input(page, 'activity-title').fill(HOUSE_TITLE);
      // Mái ấm công đoàn, new house (the defaults), one beneficiary, two sources of money.
      await expect(page.getByTestId('activity-welfareKind').innerText()).resolves.toContain(vi('activityExport.welfareKind_mai_am_house'));
      const beneficiary = await chooseFirstPerson(page);
      await input(page, 'activity-amount-0').fill('40.000.000');
      await page.getByTestId('activity-amount-add').click();
      await input(page, 'activity-amount-1').fill('10000000');
      await input(page, 'activity-title').click(); // leaves the amount: shown grouped
      await expect(input(page, 'activity-amount-1').inputValue()).resolves.toBe('10.000.000');
      await expect(page.getByTestId('activity-amount-total').innerText()).resolves.toMatch(/50\.000\.000\s*₫/);
      await createdAndClose(page);

      // Target 10 counts the house at once.
      await expect.poll(async () => numberOf(await targetValue(page, programId, '10')), { timeout: 20_000 }).toBe(before + 1);

      // Search without diacritics finds the record (title or the beneficiary's name).
      await page.goto('/activities?kind=welfare&from=2024-12-01&to=2024-12-31');
      await page.getByTestId('activities-table').waitFor();
      await page.getByTestId('activities-search').locator('input').fill('trao nha mai am cong doan');
      await page.getByTestId('activities-search').locator('input').press('Enter');
      await page.waitForURL(/q=trao/);
      const row = page.locator('[data-testid^="activity-row-"]').filter({ hasText: HOUSE_TITLE });
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain(beneficiary);
      await expect(row.innerText()).resolves.toMatch(/50\.000\.000/);
      // The welfare totals of December count it too.
      await expect(page.getByTestId('welfare-totals-sum').innerText()).resolves.toMatch(/\d/);
      expect(numberOf(await page.getByTestId('welfare-totals-sum').innerText())).toBeGreaterThanOrEqual(50_000_000);

      // The export of the same filters holds the record.
      const downloaded = page.waitForEvent('download');
      await page.getByTestId('activities-export').click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const cells: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.text ?? '')))));
      expect(cells).toContain(HOUSE_TITLE);

      // Someone saves the record while it is open: the save says who, and what was typed stays.
      await row.getByTestId('activity-open').click();
      await page.getByTestId('activity-form').waitFor();
      const recordId = (await row.getAttribute('data-testid'))!.replace('activity-row-', '');
      await input(page, 'activity-title').fill(`${HOUSE_TITLE} (đã sửa)`);
      await saveElsewhere(page, recordId, 'Biên bản bàn giao nhà đã ký.');
      await page.getByTestId('activity-submit').click();
      const stale = page.getByTestId('activity-stale');
      await stale.waitFor();
      await expect(stale.innerText()).resolves.toContain(OFFICE.fullName);
      await expect(input(page, 'activity-title').inputValue()).resolves.toBe(`${HOUSE_TITLE} (đã sửa)`);
      await page.getByTestId('activity-stale-reload').click();
      await page.getByTestId('activity-drawer').waitFor({ state: 'hidden' });

      // The report form's link: the records behind VT14's houses in December, with a banner that clears.
      const elements = (await (await page.request.get('/api/data-elements')).json()) as {
        items: Array<{ id: string; derivedFrom: string | null; nameVi: string }>;
      };
      const houses = elements.items.find((e) => e.derivedFrom === 'mai_am_houses')!;
      const vt14 = await unitId(page, 'VT14', '2024-12-05');
      await page.goto(`/activities?unitId=${vt14}&elementId=${houses.id}&from=2024-12-01&to=2024-12-31`);
      const banner = page.getByTestId('activities-element-banner');
      // The banner shows at once and names the element when the element list has loaded.
      await banner.filter({ hasText: houses.nameVi }).waitFor();
      await page.locator('[data-testid^="activity-row-"]').filter({ hasText: HOUSE_TITLE }).waitFor();
      await screenshot(page, 'activities-behind-a-figure');
      await page.getByTestId('activities-element-clear').click();
      await banner.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('elementId')).toBeNull();
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
