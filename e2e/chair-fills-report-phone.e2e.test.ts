// The reporting cycle on 360 px phones (issue 9, docs/reporting.md): the CĐCS
// chair of VT10 (cdcs.thpt) opens December 2024's monthly report from the due
// card on home, sees it grouped by the program's task groups with a narrative
// box each and the difficulties box; the figures counted from the activity
// records (people reached, "Mái ấm công đoàn" houses…) are shown read-only,
// not typed. One value is refused as typed (half a worker), fixed; the chair
// fills the rest and submits. The Office (vanphong.vt: the district held VT10
// on the period's cut-off) opens it from the compliance board and returns it
// with a comment on one figure; the chair sees the comment, fixes the figure
// and resubmits; the Office approves. The compiled report (BC) of December,
// downloaded as DOCX and read back, holds the unit's narrative.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { docxParagraphs } from '../server/modules/programs/programs.fixtures.js';
import { DEMO, horizontalOverflow, screenshot, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let downloads: string;
beforeAll(async () => {
  e2e = await startE2e();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-bc-'));
});
afterAll(async () => {
  await e2e?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);

const NARRATIVE = 'Vận động xây dựng 01 căn nhà Mái ấm công đoàn cho một giáo viên có hoàn cảnh khó khăn.';
const WHOLE_COMMENT = 'Đề nghị CĐCS kiểm tra lại số người lao động chưa là đoàn viên trước khi gửi lại.';
const FIELD_COMMENT = 'Trường chỉ có 02 nhân viên hợp đồng chưa vào công đoàn.';

/** The district's 2024 program and its December 2024 monthly period (through the API, with the page's session). */
async function december(page: Page): Promise<{ programId: string; periodId: string }> {
  const programs = (await (await page.request.get('/api/programs?year=2024&pageSize=100')).json()) as {
    items: Array<{ id: string; status: string; unitName: string }>;
  };
  const program = programs.items.find((p) => p.status === 'issued' && p.unitName.includes('Vĩnh Thuận'))!;
  const schedule = (await (await page.request.get(`/api/programs/${program.id}/report-schedule`)).json()) as {
    periods: Array<{ id: string; kind: string; dataFrom: string }>;
  };
  const period = schedule.periods.find((p) => p.kind === 'monthly' && p.dataFrom === '2024-12-01')!;
  return { programId: program.id, periodId: period.id };
}

/** Confirms the open Popconfirm: its button of that name, or its last (OK) button. */
async function confirm(page: Page, name?: string): Promise<void> {
  const buttons = page.locator('.ant-popconfirm:visible').getByRole('button', name ? { name } : {});
  await (name ? buttons : buttons.last()).click();
}

describe('the reporting cycle on phones', () => {
  // About 80 s on a quiet machine (two sign-ins, three page loads per step); room for a busy one.
  it(
    'a chair submits, the Office returns with a comment, the chair resubmits, the Office approves; the BC follows',
    { timeout: 180_000 },
    async () => {
      const [chair, office] = await Promise.all([e2e.newPage('phone'), e2e.newPage('phone')]);
      await Promise.all([
        signIn(chair, DEMO.grassrootsChair.username, DEMO.grassrootsChair.password),
        signIn(office, DEMO.federationOfficer.username, DEMO.federationOfficer.password),
      ]);
      const { programId, periodId } = await december(office);

      // ---- The chair: home → the due card → December's form, in one tap.
      const card = chair.getByTestId('due-home-card');
      await card.waitFor();
      expect(await horizontalOverflow(chair)).toBeLessThanOrEqual(1);
      await card
        .getByTestId('due-item')
        .filter({ hasText: vi('reports.kind_monthly') })
        .filter({ hasText: new RegExp(`${vi('reports.state_not_started')}|${vi('reports.state_draft')}`) })
        .first()
        .click();
      await chair.getByTestId('report-form').waitFor();
      expect(await horizontalOverflow(chair)).toBeLessThanOrEqual(1);

      // Sections by the program's task groups, each with its narrative box; no "other targets" section.
      for (const group of [1, 2, 3, 5, 8, 9]) await chair.getByTestId(`narrative-${group}`).waitFor();
      expect(await chair.getByRole('heading', { name: vi('reportForm.otherSection') }).count()).toBe(0);
      // Counted from the activity records, not typed: the houses and the people reached.
      for (const code of ['mai_am_houses_supported', 'propaganda_reached']) {
        const derived = chair.getByTestId(`field-${code}`);
        await derived.waitFor();
        expect(await derived.getAttribute('class')).toContain('report-field-derived');
        expect(await derived.locator('input').count()).toBe(0);
      }
      await expect(chair.getByTestId('field-mai_am_houses_supported').textContent()).resolves.toContain('Mái ấm công đoàn');

      // One value refused as typed (a count of people is whole), with its message under the field; then fixed.
      const workersField = chair.getByTestId('field-non_member_workers');
      const workers = workersField.locator('input');
      expect(await workers.getAttribute('inputmode')).toBe('numeric');
      await workers.fill('2,5');
      const message = workersField.locator('.report-field-message');
      await message.waitFor();
      await expect(message.innerText()).resolves.toBe(vi('reports.valueWholeNumber'));
      // The draft's autosave is refused too (the server checks the same rule); what was typed stays.
      await chair.getByTestId('save-state').getByText(vi('reportForm.notSaved')).waitFor();
      await screenshot(chair, 'chair-report-refused');
      // Twelve workers who are not members (a mistake the Office will point out).
      await workers.fill('12');
      await message.waitFor({ state: 'detached' });
      const radios = chair.locator('.report-field:not(.report-field-derived) .ant-radio-group');
      for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).locator('label').first().click();
      await chair.getByTestId('narrative-2').locator('textarea').fill(NARRATIVE);
      await chair.getByTestId('difficulties').locator('textarea').fill('Kinh phí hoạt động còn hạn chế.');

      const saved = vi('reportForm.saved', { time: '' }).trim();
      await chair.getByTestId('save-state').getByText(saved).waitFor();
      await chair.getByTestId('submit-report').click();
      await confirm(chair);
      await chair.getByText(vi('reportForm.submitted')).waitFor();
      expect([vi('reports.state_submitted_on_time'), vi('reports.state_submitted_late')]).toContain(
        (await chair.getByTestId('report-state').innerText()).trim(),
      );
      expect(await chair.getByTestId('submit-report').count()).toBe(0);

      // ---- The Office: the compliance board of December → VT10's report → return with comments.
      await office.goto(`/reports/periods/${periodId}/compliance`);
      await office.getByTestId('compliance-row').filter({ hasText: 'VT10' }).click();
      await office.waitForURL(/\/reports\/[0-9a-f-]+\/review$/);
      const reviewUrl = office.url();
      await office.getByTestId('review-field-non_member_workers').locator('textarea').fill(FIELD_COMMENT);
      await office.getByTestId('review-whole-comment').fill(WHOLE_COMMENT);
      expect(await horizontalOverflow(office)).toBeLessThanOrEqual(1);
      await office.getByTestId('review-return').click();
      await confirm(office, vi('reportReview.return'));
      await office.getByText(vi('reportReview.returned')).waitFor();

      // ---- The chair: the returned report, its comments at the top and under the figure; fix and resubmit.
      await chair.goto('/');
      await chair
        .getByTestId('due-home-card')
        .getByTestId('due-item')
        .filter({ hasText: vi('reports.state_returned') })
        .first()
        .click();
      await chair.getByTestId('review-comment').waitFor();
      await expect(chair.getByTestId('review-comment').innerText()).resolves.toContain(WHOLE_COMMENT);
      await expect(workersField.getByTestId('field-comment').innerText()).resolves.toContain(FIELD_COMMENT);
      await workers.fill('2');
      await chair.getByTestId('save-state').getByText(saved).waitFor();
      await expect(chair.getByTestId('submit-report').innerText()).resolves.toContain(vi('reportForm.resubmit'));
      await chair.getByTestId('submit-report').click();
      await confirm(chair);
      await chair.getByText(vi('reportForm.submitted')).waitFor();

      // ---- The Office approves.
      await office.goto(reviewUrl);
      await office.getByTestId('review-approve').click();
      await confirm(office, vi('reportReview.approve'));
      await office.getByText(vi('reportReview.approved')).waitFor();
      await screenshot(office, 'office-after-approval');

      // ---- The compiled report (BC) of December: the unit's narrative, and target 10's row.
      await office.goto(`/programs/${programId}/report-schedule`);
      await office.getByTestId(`period-compiled-${periodId}`).click();
      await office.getByTestId('compiled-form').waitFor();
      const downloaded = office.waitForEvent('download');
      await office.getByTestId('compiled-download').click();
      const download = await downloaded;
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      const paragraphs = await docxParagraphs(fs.readFileSync(file));
      expect(paragraphs.some((p) => p.includes('THPT') && p.endsWith(`: ${NARRATIVE}`))).toBe(true);
      expect(paragraphs.findIndex((p) => p.endsWith('Vận động hỗ trợ 02 căn nhà Mái ấm công đoàn.'))).toBeGreaterThan(0);
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
