// What each role sees (issue 10): a CĐCS chair's home on a 360 px phone shows
// their own union's targets; the district leader's units × targets matrix marks
// the demo's lagging units, filters by status and exports (read back); a chair
// never sees "Sửa đổi, bổ sung" on the district's program, the office does; only
// the leader delegates issuing, and "Ban hành" follows the delegation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { DEMO_UNITS } from '../scripts/demo/org-tree.js';
import { DEMO, horizontalOverflow, screenshot, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let downloads: string;
beforeAll(async () => {
  e2e = await startE2e();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-e2e-role-views-'));
});
afterAll(async () => {
  await e2e?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);
const own = DEMO_UNITS.find((u) => u.code === 'VT10')!;
const sibling = DEMO_UNITS.find((u) => u.code === 'VT11')!;
const LEADER = { username: 'lanhdao.vt', password: 'Demo@2024' };
const AS_OF = '2024-11-30';

async function programId(page: Page): Promise<string> {
  const res = await page.request.get('/api/programs?year=2024');
  const body = (await res.json()) as { items: Array<{ id: string; unitName: string; status: string }> };
  return body.items.find((p) => p.unitName === 'LĐLĐ huyện Vĩnh Thuận' && p.status === 'issued')!.id;
}

describe('what each role sees', () => {
  it("a chair's home on a phone shows their own union's targets, the district's figures one tap further", async () => {
    const page = await e2e.newPage('phone');
    await signIn(page, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    const card = page.getByTestId('targets-home-card');
    await card.getByTestId('own-target-card').first().waitFor();
    expect(await card.innerText()).toContain(vi('targets.ownTitle', { unit: own.shortName }));
    expect(await card.getByTestId('own-target-card').count()).toBeGreaterThan(5);
    // Own value, own target and what is owed, not only the district's totals.
    expect(await card.getByTestId('own-value').count()).toBeGreaterThan(0);
    expect(await card.getByTestId('own-owed').count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).not.toContain(sibling.shortName);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'chair-phone-own-targets');

    await card.getByTestId('parent-figures').first().click();
    await page.waitForURL('**/targets/*');
    await page.locator('.breakdown-head .target-value').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
  });

  it("the leader's matrix marks the lagging units, filters by status and exports what it shows", async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, LEADER.username, LEADER.password);
    const id = await programId(page);
    await page.goto(`/targets/matrix?programId=${id}&asOf=${AS_OF}`);
    const table = page.getByTestId('matrix-table');
    await table.getByTestId('matrix-cell').first().waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(10);
    // Lagging units first: the first row misses at least one target, coloured as such.
    const first = rows.first();
    expect(
      await first
        .locator('[data-testid="matrix-cell"][data-status="off_track"], [data-testid="matrix-cell"][data-status="at_risk"]')
        .count(),
    ).toBeGreaterThan(0);
    const lagging = await table.locator('[data-testid="matrix-cell"][data-status="off_track"]').count();
    expect(lagging).toBeGreaterThan(0);
    await screenshot(page, 'leader-matrix');

    // Export: the file holds the same units in the same order.
    const names = (await rows.locator('td:first-child > div > div:first-child').allInnerTexts()).map((s) => s.trim());
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: vi('targets.exportXlsx') }).click();
    const download = await downloaded;
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const fileNames: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) fileNames.push(String(row.getCell(2).text));
    });
    expect(fileNames).toEqual(names);
    expect(String(sheet.getRow(3).getCell(5).text)).toBe(`${vi('targets.target')} 1`);

    // Filter by status: only units with an off-track target remain.
    await page.goto(`/targets/matrix?programId=${id}&asOf=${AS_OF}&status=off_track`);
    await table.getByTestId('matrix-cell').first().waitFor();
    const filtered = await rows.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThanOrEqual(rowCount);
    for (let i = 0; i < filtered; i++) {
      expect(await rows.nth(i).locator('[data-testid="matrix-cell"][data-status="off_track"]').count()).toBeGreaterThan(0);
    }

    // The progress page's status tiles filter its list.
    await page.goto(`/targets?programId=${id}&asOf=${AS_OF}`);
    await page.getByTestId('target-card').first().waitFor();
    const all = await page.getByTestId('target-card').count();
    await page.getByTestId('status-tile-achieved').click();
    await page.waitForURL('**status=achieved**');
    // The URL changes before React re-renders the list: wait until only achieved cards remain.
    const cards = page.getByTestId('target-card');
    await expect.poll(() => cards.filter({ hasNot: page.getByTestId('status-achieved') }).count()).toBe(0);
    const achieved = await cards.count();
    expect(achieved).toBeGreaterThan(0);
    expect(achieved).toBeLessThan(all);
    expect(await page.getByTestId('target-card').locator('[data-testid="status-achieved"]').count()).toBe(achieved);
  });

  it("a chair never sees the amend button on the district's program; the district's office does; 'Ban hành' follows the leader's delegation", async () => {
    const chair = await e2e.newPage('desktop');
    await signIn(chair, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password);
    const id = await programId(chair);
    await chair.goto(`/programs/${id}`);
    await chair.getByRole('button', { name: vi('programs.downloadDocx') }).waitFor();
    expect(await chair.getByRole('button', { name: vi('programs.amend') }).count()).toBe(0);
    expect(await chair.getByRole('button', { name: vi('programs.edit') }).count()).toBe(0);
    expect(await chair.getByRole('button', { name: vi('programs.issue') }).count()).toBe(0);

    const office = await e2e.newPage('desktop');
    await signIn(office, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await office.goto(`/programs/${id}`);
    await office.getByRole('button', { name: vi('programs.amend') }).waitFor();

    // Who issues (docs/issue-delegations.md): the district's page lists the Office's delegation; only the
    // leader, on a phone, sees "Ủy quyền" and "Thu hồi"; the Office reads the list without them.
    const unitId = ((await (await office.request.get(`/api/programs/${id}`)).json()) as { unitId: string }).unitId;
    await office.goto(`/units/${unitId}`);
    await office.locator('[data-testid="issue-delegation"][data-state="active"]').waitFor();
    expect(await office.getByTestId('issue-delegation-grant').count()).toBe(0);
    expect(await office.getByTestId('issue-delegation-revoke').count()).toBe(0);
    const leader = await e2e.newPage('phone');
    await signIn(leader, LEADER.username, LEADER.password);
    await leader.goto(`/units/${unitId}`);
    await leader.locator('[data-testid="issue-delegation"][data-state="active"]').waitFor();
    await leader.getByTestId('issue-delegation-grant').waitFor();
    expect(await leader.getByTestId('issue-delegation-revoke').count()).toBe(1);
    expect(await horizontalOverflow(leader)).toBeLessThanOrEqual(1);

    // The Office drafts an amendment: delegated, it sees "Ban hành"; once the leader revokes the
    // delegation (confirmed), it no longer does and is told who issues; the leader still does.
    const csrf = ((await (await office.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    const amended = await office.request.post(`/api/programs/${id}/amend`, {
      headers: { 'x-csrf-token': csrf },
      data: { reason: 'Kiểm tra quyền ban hành' },
    });
    expect(amended.status()).toBe(201);
    const draftId = ((await amended.json()) as { id: string }).id;
    await office.goto(`/programs/${draftId}`);
    await office.getByRole('button', { name: vi('programs.issue') }).waitFor();
    await leader.getByTestId('issue-delegation-revoke').click();
    await leader
      .locator('.ant-popconfirm')
      .getByRole('button', { name: vi('delegations.revoke') })
      .click();
    await leader.locator('[data-testid="issue-delegation"][data-state="revoked"]').waitFor();
    await office.reload();
    await office.getByTestId('program-draft-notice').waitFor();
    expect(await office.getByTestId('program-draft-notice').innerText()).toContain(vi('programs.issueNeedsDelegation'));
    expect(await office.getByRole('button', { name: vi('programs.issue') }).count()).toBe(0);
    await leader.goto(`/programs/${draftId}`);
    await leader.getByRole('button', { name: vi('programs.issue') }).waitFor();
  });
});
