// An administrator moves a grassroots union (CĐCS VT12) to another parent
// from a date; the tree as of the day before still shows the old parent, as
// of the date the new one, and the unit page lists both in its history.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { chooseOption, DEMO, horizontalOverflow, screenshot, signIn, startE2e, treeCodes, typeDate, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);

// VT12 sits under AG-XVB (CĐ xã Vĩnh Bình) since 01/07/2025; it moves to AG-XVT (CĐ xã Vĩnh Thuận).
const UNIT = 'VT12';
const OLD_PARENT = 'AG-XVB';
const NEW_PARENT = 'AG-XVT';
const MOVE_DATE = '01/09/2025';
const DAY_BEFORE = '31/08/2025';

/** Sets the tree's "as of" date through the page's own date picker and waits for that day's units. */
async function setTreeDate(page: Page, ddmmyyyy: string): Promise<void> {
  const iso = ddmmyyyy.split('/').reverse().join('-');
  const loaded = page.waitForResponse((r) => r.url().includes('/api/org-units?') && new URL(r.url()).searchParams.get('asOf') === iso);
  await typeDate(page, 'as-of-date', ddmmyyyy);
  await page.waitForURL((url) => url.searchParams.get('asOf') === iso);
  expect((await loaded).status()).toBe(200);
}

describe('an administrator moves a grassroots union to another parent', () => {
  it('moves VT12 from a date, and the tree and the history show the old and the new parent on the right days', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.getByRole('menuitem', { name: vi('nav.units') }).click();
    await page.waitForURL('**/units');
    await page.getByTestId('unit-search').locator('input').first().fill(UNIT);
    await page.waitForURL((url) => url.searchParams.get('q') === UNIT);
    const node = page.locator(`[data-testid="unit-node"][data-unit-code="${UNIT}"]`);
    await node.waitFor();
    await screenshot(page, 'admin-move-tree-search');
    await node.locator('a').click();
    await page.waitForURL(/\/units\/[0-9a-f-]{36}/);
    await page.getByTestId('unit-full-name').waitFor();

    // Before: the history has no AG-XVT period.
    expect(await page.locator(`[data-testid="parent-period"][data-parent-code="${NEW_PARENT}"]`).count()).toBe(0);

    await page.getByTestId('move-unit-button').click();
    const drawer = page.getByTestId('unit-move-drawer');
    await drawer.waitFor();
    await typeDate(page, 'move-from-date', MOVE_DATE);
    await chooseOption(page, 'move-parent-picker', `(${NEW_PARENT})`, NEW_PARENT);
    await screenshot(page, 'admin-move-drawer', { fullPage: false });
    const moved = page.waitForResponse((r) => /\/api\/org-units\/[^/]+\/move$/.test(r.url()) && r.request().method() === 'POST');
    await page.getByTestId('unit-action-submit').click();
    const response = await moved;
    expect(response.ok(), await response.text()).toBe(true);
    await page.getByText(vi('units.moved')).waitFor();

    // The unit page's history lists the old and the new parent, with the dates.
    const history = page.getByTestId('unit-history');
    await history.locator(`[data-testid="parent-period"][data-parent-code="${NEW_PARENT}"]`).waitFor();
    await history.locator(`[data-testid="parent-period"][data-parent-code="${OLD_PARENT}"]`).waitFor();
    const oldPeriod = await history.locator(`[data-testid="parent-period"][data-parent-code="${OLD_PARENT}"]`).innerText();
    const newPeriod = await history.locator(`[data-testid="parent-period"][data-parent-code="${NEW_PARENT}"]`).innerText();
    expect(oldPeriod).toContain(`01/07/2025 – ${DAY_BEFORE}`);
    expect(newPeriod).toContain(MOVE_DATE);
    await screenshot(page, 'admin-move-unit-history');

    // The tree, searched for VT12, shows its path as of each day.
    await page.goto(`/units?q=${UNIT}`);
    await page.locator(`[data-testid="unit-node"][data-unit-code="${UNIT}"]`).waitFor();
    await setTreeDate(page, DAY_BEFORE);
    await expect.poll(() => treeCodes(page)).toContain(OLD_PARENT);
    expect(await treeCodes(page)).toContain(UNIT);
    expect(await treeCodes(page)).not.toContain(NEW_PARENT);
    await screenshot(page, 'admin-move-tree-day-before');
    await setTreeDate(page, MOVE_DATE);
    await expect.poll(() => treeCodes(page)).toContain(NEW_PARENT);
    expect(await treeCodes(page)).toContain(UNIT);
    expect(await treeCodes(page)).not.toContain(OLD_PARENT);
    await screenshot(page, 'admin-move-tree-on-date');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
  });

  it('the tree page and the unit page fit a phone for the administrator too', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto(`/units?q=${UNIT}`);
    await page.locator(`[data-testid="unit-node"][data-unit-code="${UNIT}"]`).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'admin-phone-tree');
    await page.locator(`[data-testid="unit-node"][data-unit-code="${UNIT}"] a`).click();
    await page.getByTestId('unit-full-name').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await page.getByTestId('move-unit-button').click();
    await page.getByTestId('unit-move-drawer').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'admin-phone-move-drawer', { fullPage: false });
  });
});
