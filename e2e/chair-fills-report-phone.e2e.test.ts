// A CĐCS chair fills and submits a monthly report from a 360 px phone
// (issue 9, docs/reporting.md "The form"): the due card on home opens the
// form in one tap; one value is refused as typed with its Vietnamese message
// under the field; the chair fixes it, fills the rest, writes a narrative and
// the difficulties, and submits; the report shows as submitted. Needs the
// form routes of the reporting server (GET/PUT …/report, POST …/submit,
// GET /api/reports/due) and the demo periods: skipped while they are absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { DEMO, horizontalOverflow, screenshot, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);

describe('a chair fills a monthly report on a phone', () => {
  it('sees one value refused with its message, fixes it and submits', async (ctx) => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    const due = await page.evaluate(async () => (await fetch('/api/reports/due')).status);
    if (due === 404) ctx.skip(); // the reporting server's routes are not in this build yet

    // Home: the due card, each report one tap away.
    const card = page.getByTestId('due-home-card');
    await card.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'chair-report-home');
    const item = card
      .getByTestId('due-item')
      .filter({ hasText: vi('reports.kind_monthly') })
      .filter({ hasText: new RegExp(`${vi('reports.state_not_started')}|${vi('reports.state_draft')}`) })
      .first();
    await item.click();
    await page.getByTestId('report-form').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    // Every editable number field: the first one gets a negative value first, refused as typed.
    const numbers = page.locator('.report-field:not(.report-field-derived) input[inputmode]');
    const count = await numbers.count();
    expect(count).toBeGreaterThan(0);
    const first = numbers.first();
    await first.fill('-3');
    await page.getByText(vi('reports.valueNegative')).waitFor();
    expect(await first.getAttribute('inputmode')).toMatch(/numeric|decimal/);
    await screenshot(page, 'chair-report-refused');
    await first.fill('0');
    await page.getByText(vi('reports.valueNegative')).waitFor({ state: 'detached' });
    for (let i = 1; i < count; i++) await numbers.nth(i).fill('0');

    // Yes/no and grades: the first choice of each.
    const radios = page.locator('.report-field:not(.report-field-derived) .ant-radio-group');
    for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).locator('label').first().click();
    const texts = page.locator('.report-field:not(.report-field-derived) [data-testid^="field-"] textarea');
    for (let i = 0; i < (await texts.count()); i++) await texts.nth(i).fill('Đã thực hiện');

    const narrative = page.locator('[data-testid^="narrative-"] textarea').first();
    if (await narrative.count()) await narrative.fill('Tổ chức hội nghị người lao động, thăm hỏi đoàn viên ốm đau.');
    await page.getByTestId('difficulties').locator('textarea').fill('Kinh phí hoạt động còn hạn chế.');

    // The draft saves itself.
    await page
      .getByTestId('save-state')
      .getByText(vi('reportForm.saved', { time: '' }).trim())
      .waitFor({ timeout: 15_000 });

    await page.getByTestId('submit-report').click();
    await page.locator('.ant-popconfirm').getByRole('button').last().click();
    await page.getByText(vi('reportForm.submitted')).waitFor();
    const state = await page.getByTestId('report-state').innerText();
    expect([vi('reports.state_submitted_on_time'), vi('reports.state_submitted_late')]).toContain(state.trim());
    expect(await page.getByTestId('submit-report').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'chair-report-submitted');
  });
});
