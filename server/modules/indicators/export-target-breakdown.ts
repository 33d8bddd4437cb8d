import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { EXCEL_INTEGER, excelNumberFormat, fileNameDate, formatDate, todayInVietnam } from '../../../common/format.js';
import { translate } from '../../../common/i18n/index.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { targets } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { getTargetBreakdown } from './get-target-breakdown.js';

export interface TargetBreakdownExport {
  buffer: Buffer;
  fileName: string;
  rowCount: number;
}

/**
 * The per-unit results of one target (kết quả chỉ tiêu theo đơn vị) as an XLSX
 * file, scoped exactly like the breakdown (same use-case, same policy), and
 * audited in the same transaction as the read.
 */
export async function exportTargetBreakdown(
  db: Executor,
  actor: Actor,
  targetId: string,
  asOf: string = todayInVietnam(),
  locale: Locale = 'vi',
): Promise<TargetBreakdownExport> {
  return inTransaction(db, async (tx) => {
    const breakdown = await getTargetBreakdown(tx, actor, targetId, asOf);
    const [target] = await tx
      .select({ code: targets.code, text: targets.text, unitOfMeasure: targets.unitOfMeasure, scopeUnitId: targets.scopeUnitId })
      .from(targets)
      .where(eq(targets.id, targetId));
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, `targets.${key}`, params);
    const percent = target!.unitOfMeasure === 'percent';
    const title = target!.code ? t('exportTitle', { code: target!.code, text: target!.text }) : target!.text;

    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Công đoàn số';
    const sheet = workbook.addWorksheet(t('exportSheet'), { views: [{ state: 'frozen', ySplit: 3 }] });
    const columns = [
      { header: t('colUnitCode'), key: 'unitCode', width: 16 },
      { header: t('colUnit'), key: 'unitName', width: 40 },
      { header: t('colState'), key: 'state', width: 20 },
      { header: percent ? `${t('colValue')} (%)` : t('colValue'), key: 'value', width: 14 },
      { header: t('colNumerator'), key: 'numerator', width: 14 },
      { header: t('colDenominator'), key: 'denominator', width: 14 },
      { header: t('colMeets'), key: 'meets', width: 16 },
      { header: t('colMonths'), key: 'months', width: 14 },
      { header: t('colAllocated'), key: 'allocated', width: 18 },
    ];
    // Real number cells; the format groups thousands, so a Vietnamese Excel shows "1.165" and "45,5".
    const numberKeys = ['value', 'numerator', 'denominator', 'months', 'allocated'] as const;
    sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
    const titleRow = sheet.getRow(1);
    titleRow.getCell(1).value = title;
    titleRow.font = { bold: true, size: 13 };
    sheet.mergeCells(1, 1, 1, columns.length);
    titleRow.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    titleRow.height = Math.min(120, 20 * Math.ceil(title.length / 110));
    sheet.getRow(2).getCell(1).value = t('exportAsOf', { date: formatDate(breakdown.asOf) });
    sheet.getRow(2).font = { italic: true };
    sheet.mergeCells(2, 1, 2, columns.length);
    const header = sheet.getRow(3);
    columns.forEach((c, i) => {
      header.getCell(i + 1).value = c.header;
    });
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    header.alignment = { wrapText: true, vertical: 'middle' };
    for (const u of breakdown.units) {
      const row = sheet.addRow({
        unitCode: u.unitCode,
        unitName: u.unitName,
        state: t(`state.${u.state}`),
        value: u.value,
        numerator: u.numerator,
        denominator: u.denominator,
        meets: u.meets === null ? '' : t(u.meets ? 'yes' : 'no'),
        months: u.months,
        allocated: u.allocated,
      });
      for (const key of numberKeys) {
        const cell = row.getCell(key);
        cell.numFmt = typeof cell.value === 'number' ? excelNumberFormat(cell.value) : EXCEL_INTEGER;
      }
    }
    sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + breakdown.units.length, column: columns.length } };
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    await recordAudit(tx, actor, {
      action: 'target.export',
      entityType: 'target',
      entityId: targetId,
      unitId: target!.scopeUnitId,
      after: { asOf: breakdown.asOf, rowCount: breakdown.units.length },
    });
    const fileName = `${t('exportFileName')} ${target!.code ?? ''} ${fileNameDate(breakdown.asOf)}.xlsx`.replace(/\s+/g, ' ');
    return { buffer, fileName, rowCount: breakdown.units.length };
  });
}
