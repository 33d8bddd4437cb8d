import type { FactCounting } from '../../../common/reports.js';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { excelNumberFormat, fileNameDate, formatDate, todayInVietnam } from '../../../common/format.js';
import { translate } from '../../../common/i18n/index.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { targets } from '../../db/schema/indicators.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { writeXlsxTable } from '../../lib/xlsx-table.js';
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
  counting: FactCounting = 'submitted',
): Promise<TargetBreakdownExport> {
  return inTransaction(db, async (tx) => {
    const breakdown = await getTargetBreakdown(tx, actor, targetId, asOf, counting);
    const [target] = await tx
      .select({ code: targets.code, text: targets.text, unitOfMeasure: targets.unitOfMeasure, scopeUnitId: targets.scopeUnitId })
      .from(targets)
      .where(eq(targets.id, targetId));
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, `targets.${key}`, params);
    const percent = target!.unitOfMeasure === 'percent';
    const title = target!.code ? t('exportTitle', { code: target!.code, text: target!.text }) : target!.text;

    // Real number cells; the format groups thousands, so a Vietnamese Excel shows "1.165" and "45,5".
    const cellNumFmt = (value: unknown) => excelNumberFormat(typeof value === 'number' ? value : null);
    const buffer = await writeXlsxTable({
      sheetName: t('exportSheet'),
      title,
      subtitle: t('exportAsOf', { date: formatDate(breakdown.asOf) }),
      rows: breakdown.units,
      columns: [
        { header: t('colUnitCode'), width: 16, value: (u) => u.unitCode },
        { header: t('colUnit'), width: 40, value: (u) => u.unitName },
        { header: t('colState'), width: 20, value: (u) => t(`state.${u.state}`) },
        { header: percent ? `${t('colValue')} (%)` : t('colValue'), width: 14, cellNumFmt, value: (u) => u.value },
        { header: t('colNumerator'), width: 14, cellNumFmt, value: (u) => u.numerator },
        { header: t('colDenominator'), width: 14, cellNumFmt, value: (u) => u.denominator },
        { header: t('colMeets'), width: 16, value: (u) => (u.meets === null ? '' : t(u.meets ? 'yes' : 'no')) },
        { header: t('colMonths'), width: 14, cellNumFmt, value: (u) => u.months },
        { header: t('colAllocated'), width: 18, cellNumFmt, value: (u) => u.allocated },
      ],
    });

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
