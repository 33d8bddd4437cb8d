// Rough edges of the web app on a 360 px phone (issue 11): the admit drawer
// preselects a chair's only CĐCS and Enter in a date field does not submit;
// no text of the main pages is cut off; an ended federation's users see a
// notice and no orphan units; the audit log names objects; the catalogue fits
// a 1440 px screen with Vietnamese names first.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { DEMO_UNITS } from '../scripts/demo/org-tree.js';
import { DEMO, horizontalOverflow, screenshot, settle, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const vi = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('vi', key, params);
const LEADER = { username: 'lanhdao.vt', password: 'Demo@2024' };
const own = DEMO_UNITS.find((u) => u.code === 'VT10')!;

/** Waits for the page's data: no skeleton or spinner left, then no animation. */
async function loaded(page: Page): Promise<void> {
  await page
    .waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, .ant-card-loading-content'), undefined, {
      timeout: 15_000,
    })
    .catch(() => {});
  await settle(page);
}

/**
 * Texts cut off on the page: elements whose text overflows their box while they hide
 * the overflow (ellipsis or clipping), and inputs whose placeholder is wider than the field.
 */
async function cutOffTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!visible(el) || el.closest('[aria-hidden="true"], .ant-select-dropdown, .ant-tooltip, canvas')) continue;
      const style = getComputedStyle(el);
      const clips = style.textOverflow === 'ellipsis' || (style.overflowX === 'hidden' && style.whiteSpace === 'nowrap');
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (clips && ownText && el.scrollWidth > el.clientWidth + 1) found.push(`${el.className}: ${el.textContent!.trim().slice(0, 60)}`);
    }
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!visible(input) || input.value) continue;
      const style = getComputedStyle(input);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (canvas.measureText(input.placeholder).width > room + 1) found.push(`placeholder: ${input.placeholder}`);
    }
    return found;
  });
}

describe('rough edges on a 360 px phone', () => {
  it("preselects a chair's only CĐCS when admitting, and Enter in a date field does not submit", async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    await page.goto('/members');
    await page.getByTestId('members-admit').click();
    const drawer = page.getByTestId('member-admit-drawer');
    await drawer.getByTestId('member-admit-form').waitFor();
    // The only unit the chair may choose is already chosen.
    await page.waitForFunction((name) => document.querySelector('[data-testid="member-unit"]')?.textContent?.includes(name), own.shortName);
    await settle(page);

    const admitted = page.getByTestId('member-admitted-on');
    const input = (await admitted.evaluate((el) => el.tagName)) === 'INPUT' ? admitted : admitted.locator('input').first();
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/members') posted = true;
    });
    await input.click();
    await input.press('ControlOrMeta+a');
    await input.pressSequentially('02/01/2025');
    await input.press('Enter');
    await settle(page);
    // No submission: no POST and no "required" errors on the empty person fields.
    expect(posted).toBe(false);
    expect(await drawer.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await drawer.isVisible()).toBe(true);
    expect(await input.inputValue()).toBe('02/01/2025');
    await screenshot(page, 'rough-admit-drawer', { fullPage: false });
  });

  it('cuts no text off on the main pages of a federation leader and a chair', async () => {
    const cut: string[] = [];
    for (const [who, paths] of [
      [LEADER, ['/', '/members', '/targets', '/programs']],
      [DEMO.grassrootsChair, ['/', '/members', '/units']],
    ] as const) {
      const page = await e2e.newPage('phone');
      await signIn(page, who.username, who.password);
      for (const path of paths) {
        await page.goto(path);
        await loaded(page);
        for (const c of await cutOffTexts(page)) cut.push(`${who.username} ${path} — ${c}`);
        expect(await horizontalOverflow(page), `${who.username} ${path}`).toBeLessThanOrEqual(1);
        if (path === '/targets') {
          // The chart's legend is text that wraps, not a paged canvas legend.
          const legend = page.getByTestId('status-chart-legend');
          await legend.waitFor();
          expect((await legend.locator('li').count()) > 0).toBe(true);
          await screenshot(page, 'rough-targets-phone');
        }
        if (path === '/members') {
          // Active members by default, and the filter saying so is in view.
          const status = page.getByTestId('members-filter-status');
          expect(await status.isVisible()).toBe(true);
          expect(await status.innerText()).toContain(vi('members.status_active'));
        }
      }
    }
    expect(cut).toEqual([]);
  });

  it("tells an ended federation's leader on every page, shows no orphan units today, and says where its units went", async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, LEADER.username, LEADER.password);
    const notice = vi('nav.unitEnded', { unit: 'LĐLĐ huyện Vĩnh Thuận', date: '01/07/2025' });
    for (const path of ['/', '/members', '/units']) {
      await page.goto(path);
      await page.getByTestId('ended-unit-notice').waitFor();
      expect(await page.getByTestId('ended-unit-notice').innerText()).toContain(notice);
    }
    // Today's tree: no CĐCS of Vĩnh Thuận without its new parent.
    await page.getByTestId('unit-tree-empty').waitFor();
    expect(await page.locator('[data-testid="unit-node"]').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    // The federation's page lists where each of its units went and from when.
    const vt = await page.request
      .get('/api/org-units?asOf=2024-06-01&q=VT')
      .then((r) => r.json() as Promise<{ items: Array<{ id: string; code: string }> }>);
    const vtId = vt.items.find((u) => u.code === 'VT')!.id;
    await page.goto(`/units/${vtId}`);
    await page.getByTestId('unit-departures').waitFor();
    const departures = await page.getByTestId('unit-departure').allInnerTexts();
    expect(departures.find((d) => d.includes(own.shortName))).toMatch(/chuyển về CĐ xã Vĩnh Thuận[\s\S]*01\/07\/2025/);
    expect(departures.find((d) => d.includes('(VT02)'))).toContain(vi('units.departureMerged'));
    expect(await page.locator('body').innerText()).not.toContain(vi('units.noLinks'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'rough-ended-federation-page');
  });
});

describe('rough edges on a desktop', () => {
  it('names audit objects instead of id fragments, with links', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto('/audit');
    await page.getByTestId('audit-entity-link').first().waitFor();
    const names = await page.getByTestId('audit-entity-link').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).not.toMatch(/^[0-9a-f]{8}…$/);
    const table = await page.locator('.audit-entity').allInnerTexts();
    expect(table.filter((t) => /[0-9a-f]{8}…/.test(t))).toEqual([]);
  });

  it('shows the catalogue with Vietnamese names first and no overflow at 1440 px', async () => {
    const page = await e2e.newPage('desktop');
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto('/catalogue');
    for (const tab of ['elements', 'indicators']) {
      if (tab === 'indicators') await page.getByRole('tab').nth(1).click();
      const table = page.getByTestId(tab);
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      const first = await table.locator('tbody tr.ant-table-row td:first-child .catalogue-name-cell > div').first().innerText();
      expect(first).not.toMatch(/^[a-z0-9_]+$/);
      const overflow = await table.locator('.ant-table-content').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow, tab).toBeLessThanOrEqual(1);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'rough-catalogue-1440');
  });
});
