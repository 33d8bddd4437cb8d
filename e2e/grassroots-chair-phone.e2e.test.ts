// A grassroots union chair (Chủ tịch CĐCS) works from a 360 px phone: the
// menu drawer offers only what the role allows, and the union tree shows only
// their own CĐCS, never a sibling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { DEMO_UNITS } from '../scripts/demo/org-tree.js';
import { DEMO, horizontalOverflow, screenshot, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const vi = (key: Parameters<typeof translate>[1]) => translate('vi', key);
const own = DEMO_UNITS.find((u) => u.code === 'VT10')!;
const sibling = DEMO_UNITS.find((u) => u.code === 'VT11')!;

describe('a grassroots chair on a phone', () => {
  it('signs in, opens the menu and sees only the navigation the role allows', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'chair-phone-home');

    await page.getByRole('button', { name: vi('nav.menu') }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('menuitem', { name: vi('nav.units') }).waitFor();
    const items = (await drawer.getByRole('menuitem').allTextContents()).map((s) => s.trim());
    expect(items).toContain(vi('nav.home'));
    expect(items).toContain(vi('nav.units'));
    expect(items).not.toContain(vi('nav.users'));
    expect(items).not.toContain(vi('nav.audit'));
    await screenshot(page, 'chair-phone-menu', { fullPage: false });

    await drawer.getByRole('menuitem', { name: vi('nav.units') }).click();
    await page.waitForURL('**/units');
    await page.locator('[data-testid="unit-node"]').first().waitFor();
    const codes = await page
      .locator('[data-testid="unit-node"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-unit-code')));
    expect(codes).toContain('VT10');
    expect(codes).not.toContain('VT11');
    const text = await page.locator('body').innerText();
    expect(text).toContain(own.shortName);
    expect(text).not.toContain(sibling.shortName);
    expect(text).not.toContain(sibling.fullName);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'chair-phone-units');

    // The own unit's page also fits the phone.
    await page.locator('[data-testid="unit-node"][data-unit-code="VT10"] a').click();
    await page.getByTestId('unit-full-name').waitFor();
    expect(await page.getByTestId('unit-full-name').innerText()).toBe(own.fullName);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'chair-phone-unit-page');
  });

  it('cannot open the users or audit pages by typing their address, nor a sibling unit', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    for (const path of ['/users', '/audit']) {
      await page.goto(path);
      await page.getByText(vi('errors.FORBIDDEN')).waitFor();
      expect(await page.locator('[data-testid="audit-table"], [data-testid="audit-cards"], [data-testid="users-table"]').count()).toBe(0);
    }
    // The sibling's id, taken from the API as an administrator would see it, shows no data.
    const siblingId = await e2e.newPage('desktop').then(async (adminPage) => {
      await signIn(adminPage, DEMO.admin.username, DEMO.admin.password);
      const res = await adminPage.request.get('/api/org-units?q=VT11&asOf=2026-01-01');
      const body = (await res.json()) as { items: Array<{ id: string; code: string }> };
      return body.items.find((u) => u.code === 'VT11')?.id;
    });
    expect(siblingId).toBeTruthy();
    await page.goto(`/units/${siblingId}`);
    await page.getByTestId('unit-not-available').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(sibling.fullName);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'chair-phone-sibling-unit');
  });
});
