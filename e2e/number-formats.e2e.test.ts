// Numbers read the Vietnamese way on every main page: "1.165" (never "1,165",
// which a Vietnamese reader takes for one point one six five) and "94,92%"
// (never "94.92%"), for a federation leader and a grassroots chair, on a desktop
// and on a 360 px phone; audit times are Vietnam time even in a browser set to UTC.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatPercent } from '../common/format.js';
import { DEMO, settle, signIn, startE2e, type Device, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const LEADER = { username: 'lanhdao.vt', password: 'Demo@2024' };
const CHAIR = DEMO.grassrootsChair;

/** An English thousands separator: "1,165" (a Vietnamese decimal has at most 2 digits here). */
const ENGLISH_THOUSANDS = /\d,\d{3}(?!\d)/g;
/** A percentage with a decimal point: "94.92%". */
const DOT_PERCENT = /\d\.\d+\s?%/g;

/** The page's visible text without dates and times, which are not numbers. */
async function visibleText(page: Page): Promise<string> {
  await settle(page);
  const text = await page.locator('body').innerText();
  return text.replace(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g, ' ').replace(/\b\d{1,2}:\d{2}\b/g, ' ');
}

/** Fails with the page and the offending snippets when a number is written the English way. */
async function expectVietnameseNumbers(page: Page, where: string): Promise<string> {
  const text = await visibleText(page);
  const around = (re: RegExp) =>
    [...text.matchAll(re)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10).replace(/\s+/g, ' '));
  expect(around(ENGLISH_THOUSANDS), `English thousands separator on ${where}`).toEqual([]);
  expect(around(DOT_PERCENT), `dot decimal in a percentage on ${where}`).toEqual([]);
  return text;
}

/** Hovers the status donut and returns its tooltip text (ECharts draws on a canvas). */
async function donutTooltip(page: Page): Promise<string | null> {
  const chart = page
    .getByRole('img')
    .filter({ has: page.locator('canvas') })
    .first();
  if (!(await chart.count())) return null;
  const box = (await chart.boundingBox())!;
  const radius = (Math.min(box.width, box.height) / 2) * ((0.45 + 0.72) / 2);
  const tooltip = chart.locator('div').filter({ hasText: /:/ }).last();
  // The donut animates in and a busy machine may draw it late: a hover that lands
  // before the slices exist shows nothing, so leave and hover again a few times.
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.mouse.move(1, 1);
    // The first slice starts at twelve o'clock and runs clockwise.
    await page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height * 0.44 - radius, { steps: 4 });
    try {
      await tooltip.waitFor({ timeout: 2_000 });
      return await tooltip.innerText();
    } catch {
      // not drawn yet: try again
    }
  }
  return null;
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

async function scanMainPages(page: Page, who: string, device: Device, options: { audit: boolean; chartTooltip?: boolean }): Promise<void> {
  const where = (p: string) => `${p} (${who}, ${device})`;

  // Home: the members card shows the active count grouped the Vietnamese way.
  await page.goto('/');
  await page.getByTestId('members-stat-active').waitFor();
  const stats = await getJson<{ active: number; activeFemale: number; femaleShare: number | null }>(page, '/api/members/stats');
  await expect
    .poll(async () => (await page.getByTestId('members-stat-active').innerText()).includes(formatNumber(stats.active)))
    .toBe(true);
  // Beside it the women and their share: "Nữ 532 (45,7%)".
  const female = await page.getByTestId('members-stat-female').innerText();
  expect(female, where('home')).toContain(formatNumber(stats.activeFemale));
  expect(female, where('home')).toContain(`(${formatPercent(stats.femaleShare, { fractionDigits: 1 })})`);
  await expectVietnameseNumbers(page, where('home'));

  // Target progress: cards, counts and the donut's tooltip — all the targets in scope (a chair opens on their own union's view).
  await page.goto('/targets?view=all');
  await page.getByTestId('target-card').first().waitFor();
  const targetsText = await expectVietnameseNumbers(page, where('/targets'));
  expect(targetsText).toMatch(/\d%/);
  const tooltip = await donutTooltip(page);
  // The tooltip's own format is checked on the leader's desktop page (the chair's hover lands elsewhere in their layout).
  if (device === 'desktop' && options.chartTooltip !== false) expect(tooltip, where('/targets chart tooltip')).toMatch(/\d%\)/);
  if (tooltip) {
    expect(tooltip, where('/targets chart tooltip')).not.toMatch(DOT_PERCENT);
    expect(tooltip, where('/targets chart tooltip')).not.toMatch(ENGLISH_THOUSANDS);
  }

  // Two target breakdowns: the first and the last target.
  const links = await page
    .locator('[data-testid="target-card"] a[href^="/targets/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links.length).toBeGreaterThan(0);
  for (const href of new Set([links[0]!, links[links.length - 1]!])) {
    await page.goto(href);
    await page.locator('.breakdown-card, .ant-table-row').first().waitFor();
    await expectVietnameseNumbers(page, where(href));
  }

  // Members list, with its total.
  await page.goto('/members');
  await page.locator('[data-testid="member-card"], [data-testid="members-table"] .ant-table-row').first().waitFor();
  // The list shows active members by default.
  const list = await getJson<{ total: number }>(page, '/api/members?page=1&pageSize=20&status=active');
  const membersText = await expectVietnameseNumbers(page, where('/members'));
  if (device === 'desktop') expect(membersText).toContain(formatNumber(list.total));

  if (options.audit) {
    await page.goto('/audit');
    await page.locator('[data-testid="audit-table"] .ant-table-row, [data-testid^="audit-card-"]').first().waitFor();
    await expectVietnameseNumbers(page, where('/audit'));
  }
}

describe('Vietnamese number formats on the main pages', () => {
  for (const device of ['desktop', 'phone'] as const) {
    it(`a federation leader (${device})`, async () => {
      const page = await e2e.newPage(device);
      await signIn(page, LEADER.username, LEADER.password);
      await scanMainPages(page, LEADER.username, device, { audit: true });
    });

    it(`a grassroots chair (${device})`, async () => {
      const page = await e2e.newPage(device);
      await signIn(page, CHAIR.username, CHAIR.password);
      await scanMainPages(page, CHAIR.username, device, { audit: false, chartTooltip: false });
    });
  }

  it('the catalogue (administrator): target values and allocations', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await page.goto('/catalogue?tab=targets');
    const allocate = page.locator('[data-testid^="allocate-"]');
    await allocate.first().waitFor();
    await expectVietnameseNumbers(page, '/catalogue targets (admin)');
    // The allocation drawer of a total target: the total, the sum of the shares and the gap.
    await allocate.first().click();
    await page.getByTestId('allocation-sum').waitFor();
    await expectVietnameseNumbers(page, '/catalogue allocation drawer (admin)');
  });

  it('shows audit times in Vietnam time even when the browser is set to UTC', async () => {
    const context = await e2e.browser.newContext({
      baseURL: e2e.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 800 },
    });
    try {
      const page = await context.newPage();
      await signIn(page, DEMO.admin.username, DEMO.admin.password);
      await page.goto('/audit');
      const firstRow = page.locator('[data-testid="audit-table"] .ant-table-row').first();
      await firstRow.waitFor();
      const entries = await getJson<{ items: Array<{ id: string; at: string }> }>(page, '/api/audit?page=1&pageSize=20');
      const first = entries.items[0]!;
      const shown = await page.getByTestId(`audit-row-${first.id}`).locator('.audit-time').innerText();
      expect(shown).toBe(formatDateTime(first.at));
    } finally {
      await context.close();
    }
  });
});
