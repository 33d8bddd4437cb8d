// The compliance board as an XLSX (the same rows and filters as the page).
import type { Locale } from '../../../common/enums.js';
import { EXCEL_DATE_TIME, fileNameDate, formatPercent, todayInVietnam, formatDate, vietnamWallClock } from '../../../common/format.js';
import { translate } from '../../../common/i18n/index.js';
import { periodText } from '../../../common/notification-text.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { writeXlsxTable } from '../../lib/xlsx-table.js';
import { getCompliance, type ComplianceInput, type ComplianceRow } from './get-compliance.js';

export async function exportCompliance(
  ex: Executor,
  actor: Actor,
  periodId: string,
  input: ComplianceInput,
  locale: Locale,
  now = new Date(),
) {
  const board = await getCompliance(ex, actor, periodId, input, now);
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const p = board.period;
  const period = periodText(t, { periodKind: p.kind, month: Number(p.dataFrom.slice(5, 7)), year: Number(p.dataFrom.slice(0, 4)) });
  const when = (iso: string | null) => (iso ? vietnamWallClock(iso) : null);
  const buffer = await writeXlsxTable<ComplianceRow>({
    sheetName: t('reportReview.boardSheet'),
    titleBlock: {
      unit: null,
      title: t('reportReview.boardXlsxTitle', { period: period.toLocaleUpperCase(locale === 'vi' ? 'vi-VN' : 'en-GB') }),
      lines: [
        t('reportReview.boardDeadline', { date: formatDate(p.dueOn) }),
        t('reportReview.boardXlsxLine', {
          expected: board.expected,
          complete: board.complete,
          completeRate: formatPercent(board.completeRate * 100, { locale }),
          onTime: board.onTime,
          onTimeRate: formatPercent(board.onTimeRate * 100, { locale }),
          date: formatDate(todayInVietnam(now)),
        }),
      ],
    },
    printA4Landscape: true,
    rows: board.rows,
    columns: [
      { header: t('reportReview.boardIndex'), width: 6, value: (_, i) => i + 1 },
      { header: t('reportReview.boardCode'), width: 14, numFmt: '@', value: (r) => r.unit.code },
      { header: t('reportReview.boardUnit'), width: 40, value: (r) => r.unit.shortName },
      { header: t('reportReview.boardParent'), width: 28, value: (r) => r.parent?.shortName ?? '' },
      { header: t('reportReview.boardState'), width: 18, value: (r) => t(`reports.state_${r.state}`) },
      {
        header: t('reportReview.boardFirstSubmitted'),
        width: 18,
        numFmt: EXCEL_DATE_TIME,
        value: (r) => when(r.report?.firstSubmittedAt ?? null),
      },
      { header: t('reportReview.boardSubmitted'), width: 18, numFmt: EXCEL_DATE_TIME, value: (r) => when(r.report?.submittedAt ?? null) },
      { header: t('reportReview.boardApproved'), width: 18, numFmt: EXCEL_DATE_TIME, value: (r) => when(r.report?.approvedAt ?? null) },
      { header: t('reportReview.boardReminders'), width: 12, value: (r) => r.remindersSent },
    ],
  });
  return { buffer, fileName: `theo-doi-nop-bao-cao-${p.dataFrom.slice(0, 7)}-${fileNameDate(todayInVietnam(now))}.xlsx` };
}
