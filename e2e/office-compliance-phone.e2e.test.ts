// The Office on a phone (360 px): the bell in the header, the notifications
// page, the compliance board of a 2024 month (counts, rates, units as cards,
// a state filter kept in the URL, no sideways scrolling), the reminder log
// saying whether e-mail is on; a CĐCS chair cannot open the board.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { ROOT } from './build-web.js';
import { DEMO, horizontalOverflow, screenshot, signIn, startE2e, type E2e } from './harness.js';

/** The board's periods come from branch reporting's schedule route (GET /api/programs/:id/report-schedule). */
const hasScheduleRoute = fs.existsSync(path.join(ROOT, 'server', 'modules', 'reports', 'routes.ts'));

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);

/** The March 2024 monthly period of the district's 2024 program (the schedule's defaults, made real on read). */
async function march2024(page: Page): Promise<string> {
  const programs = (await (await page.request.get('/api/programs?year=2024&pageSize=100')).json()) as {
    items: Array<{ id: string; status: string; unitName: string }>;
  };
  const program = programs.items.find((p) => p.status === 'issued' && p.unitName.includes('Vĩnh Thuận'))!;
  const schedule = (await (await page.request.get(`/api/programs/${program.id}/report-schedule`)).json()) as {
    periods: Array<{ id: string; kind: string; dataFrom: string }>;
  };
  return schedule.periods.find((p) => p.kind === 'monthly' && p.dataFrom === '2024-03-01')!.id;
}

describe('the Office follows who has reported, on a phone', () => {
  it('shows the bell, the notifications page and the reminder log saying e-mail is off', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications-page').waitFor();
    await expect(page.getByRole('heading', { name: vi('notifications.title') }).isVisible()).resolves.toBe(true);
    // The demo's 2024 submissions notified the Office: the page lists them (or says there are none).
    await page
      .getByTestId('notification-item')
      .or(page.getByText(vi('notifications.empty')))
      .first()
      .waitFor();

    await page.goto('/reminders');
    await page.getByTestId('reminders-page').waitFor();
    await page.getByTestId('email-status').waitFor();
    await expect(page.getByTestId('email-status').textContent()).resolves.toContain(vi('reportReview.emailOff'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto('/reports/compliance');
    await page.getByText(vi('reportReview.boardChoosePeriod')).waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });

  it.skipIf(!hasScheduleRoute)('shows the board of a 2024 month with counts, rates and cards, and filters by state', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    const periodId = await march2024(page);
    await page.goto(`/reports/periods/${periodId}/compliance`);
    await page.getByTestId('compliance-counts').waitFor();
    await page.getByTestId('compliance-row').first().waitFor();
    expect(await page.getByTestId('compliance-row').count()).toBeGreaterThan(0);
    await expect(page.getByText(vi('reportReview.boardOnTimeRate')).first().isVisible()).resolves.toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'office-compliance-phone');

    // A count is a toggle of the state filter, kept in the URL.
    await page.getByTestId('compliance-counts').getByText(vi('reports.state_not_started')).click();
    await page.waitForURL((url) => url.searchParams.get('state') === 'not_started');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('a CĐCS chair cannot open the board', async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    await page.goto('/reports/compliance');
    await page.getByText('403').first().waitFor();
    expect(await page.getByTestId('compliance-page').count()).toBe(0);
  });
});
