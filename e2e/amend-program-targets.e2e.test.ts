// An amendment carries its targets (issue 10, items 1–4): the district office
// amends the demo program and changes target 10 from "02 căn" to "03 căn" Mái
// ấm houses in the amendment editor, sees the change in the version comparison
// (on a 360 px phone too), the leader issues the amendment, and progress
// follows the new target from its issue date on. A chair sees no edit or
// retire button in the catalogue; buttons come from the server's allowedActions.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { DEMO, horizontalOverflow, screenshot, settle, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);
const LEADER = { username: 'lanhdao.vt', password: 'Demo@2024' };
/** expect.poll waits 1 s by default: a save and the list read again take longer on a busy machine. */
const POLL = { timeout: 30_000 };

/** A page that waits up to 30 s for what it looks for (the editor loads the program, its targets and the catalogue). */
async function open(device: 'desktop' | 'phone'): Promise<Page> {
  const page = await e2e.newPage(device);
  page.setDefaultTimeout(30_000);
  return page;
}

async function demoProgramId(page: Page): Promise<string> {
  const res = await page.request.get('/api/programs?year=2024');
  const body = (await res.json()) as { items: Array<{ id: string; unitName: string; status: string; version: number }> };
  return body.items.find((p) => p.unitName === 'LĐLĐ huyện Vĩnh Thuận' && p.status === 'issued' && p.version === 1)!.id;
}

/** The progress card of a target code. */
const card = (page: Page, code: string): Locator =>
  page.getByTestId('target-card').filter({ has: page.locator('.target-code', { hasText: new RegExp(`^${code}$`) }) });

describe('an amendment that changes a target', () => {
  let v1 = '';
  let v2 = '';

  it('the office changes target 10 from 02 to 03 căn in the amendment editor and sees it in the comparison', async () => {
    const page = await open('desktop');
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    v1 = await demoProgramId(page);
    await page.goto(`/programs/${v1}`);
    await page.getByRole('button', { name: vi('programs.amend') }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel(vi('programs.amendReason')).fill('Nâng chỉ tiêu nhà Mái ấm công đoàn lên 03 căn');
    await modal.getByRole('button', { name: vi('programs.amendCreate') }).click();
    await page.waitForURL(/\/programs\/[0-9a-f-]+\/edit$/);
    v2 = page.url().split('/').at(-2)!;
    expect(v2).not.toBe(v1);

    // The amendment carries version 1's targets; target 10 is edited here.
    const target10 = page.getByTestId('measured-target-10');
    await target10.waitFor();
    expect(await target10.getByTestId('measured-aim').innerText()).toContain('2');
    await target10.getByTestId('edit-target-10').click();
    const drawer = page.locator('.ant-drawer-open').filter({ has: page.getByTestId('target-edit-form') });
    const text = drawer.getByLabel(vi('catalogue.text'));
    const before = await text.inputValue();
    expect(before).toContain('02 căn');
    await text.fill(before.replace('02 căn', '03 căn'));
    const value = drawer.getByLabel(vi('catalogue.value'));
    await value.fill('3');
    await drawer.getByTestId('save-target-edit').click();
    await expect.poll(() => target10.innerText(), POLL).toContain('03 căn');
    expect(await target10.getByTestId('measured-aim').innerText()).toMatch(/3/);

    // The comparison with version 1 lists it: old → new value, and the new sentence.
    const pending = page.getByTestId('pending-changes');
    await expect
      .poll(() => pending.innerText().catch(() => ''), POLL)
      .toContain(vi('programs.changes.measuredValue', { before: 2, after: 3 }));
    expect(await pending.innerText()).toContain('03 căn');

    // The document's sentence follows; dated within the year, then saved as a draft.
    const issuedOn = page.getByLabel(vi('programs.field.issuedOn'), { exact: true });
    await issuedOn.click();
    await issuedOn.press('ControlOrMeta+a');
    await issuedOn.pressSequentially('15/06/2024');
    await issuedOn.press('Enter');
    await page.keyboard.press('Escape').catch(() => {});
    await page
      .getByRole('button', { name: vi('programs.saveDraft') })
      .first()
      .click();
    await page.getByText(vi('programs.saved')).first().waitFor();
    await screenshot(page, 'amendment-editor-target-10', { fullPage: false });
  });

  it('the comparison shows on a 360 px phone', async () => {
    const page = await open('phone');
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await page.goto(`/programs/${v2}`);
    const changes = page.getByTestId('version-changes').first();
    await changes.waitFor();
    const lines = await changes.innerText();
    expect(lines).toContain(vi('programs.changes.measuredValue', { before: 2, after: 3 }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'amendment-diff-phone', { fullPage: false });
  });

  it('the leader issues it and progress shows the new target from its date on', async () => {
    const page = await open('desktop');
    await signIn(page, LEADER.username, LEADER.password);
    await page.goto(`/programs/${v2}`);
    await page.getByRole('button', { name: vi('programs.issue') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: vi('programs.issue') })
      .click();
    await page.getByText(vi('programs.issued')).first().waitFor();
    await settle(page);
    // The stored summary of the issued amendment keeps the change.
    await expect
      .poll(
        () =>
          page
            .getByTestId('version-changes')
            .first()
            .innerText()
            .catch(() => ''),
        POLL,
      )
      .toContain('03 căn');

    // Asked by version 1, progress follows the version in force: 03 căn after 15/06/2024, 02 before.
    await page.goto(`/targets?programId=${v1}&asOf=2024-11-30`);
    await card(page, '10').waitFor();
    expect(await card(page, '10').locator('.target-text').innerText()).toContain('03 căn');
    expect(await card(page, '10').locator('.target-value').last().innerText()).toMatch(/3/);
    await page.goto(`/targets?programId=${v1}&asOf=2024-05-31`);
    await card(page, '10').waitFor();
    expect(await card(page, '10').locator('.target-text').innerText()).toContain('02 căn');
  });

  it('a chair sees no edit or retire button in the catalogue; the ended district office no catalogue edits', async () => {
    const chair = await open('desktop');
    await signIn(chair, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    await chair.goto('/catalogue?tab=targets');
    await chair.getByTestId('targets').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await chair.locator('[data-testid^="edit-target-"], [data-testid^="retire-target-"]').count()).toBe(0);
    expect(await chair.locator('[data-testid^="allocate-"]').count()).toBe(0);
    await chair.goto('/catalogue?tab=elements');
    await chair.getByTestId('elements').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await chair.locator('[data-testid^="edit-"], [data-testid^="archive-"]').count()).toBe(0);

    // vanphong.vt's district ended on 30/06/2025: the shared catalogue is not theirs to change today,
    // though the 2024 targets (written as of 31/12/2024) still are.
    const office = await open('desktop');
    await signIn(office, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await office.goto('/catalogue?tab=elements');
    await office.getByTestId('elements').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await office.locator('[data-testid^="edit-"], [data-testid^="archive-"]').count()).toBe(0);
    await office.goto('/catalogue?tab=targets');
    await office.locator('[data-testid^="edit-target-"]').first().waitFor();
  });
});
