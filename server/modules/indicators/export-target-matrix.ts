import type { Locale } from '../../../common/enums.js';
import { fileNameDate, formatDate, formatNumber, formatPercent } from '../../../common/format.js';
import { hasMessage, translate } from '../../../common/i18n/index.js';
import type { TargetStatus } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { inTransaction } from '../../lib/transaction.js';
import { writeXlsxTable } from '../../lib/xlsx-table.js';
import type { UnitCell } from './compute-unit-cells.js';
import { getTargetMatrix, type MatrixUnit } from './get-target-matrix.js';
import type { TargetMatrixQuery } from './schemas.js';

/** Light fills of the status colours the web uses (targets/labels.tsx STATUS_COLORS). */
export const STATUS_FILLS: Record<TargetStatus, string> = {
  achieved: 'FFD9F7BE',
  on_track: 'FFBAE0FF',
  at_risk: 'FFFFE7BA',
  off_track: 'FFFFCCC7',
  no_data: 'FFF0F0F0',
};

/**
 * The leader's matrix (units × targets) as an XLSX file: one row per unit in
 * the caller's scope, the misses first, one coloured column per target
 * ("Có nguy cơ (45,5%)"). Scoped exactly like the matrix (same use-case) and
 * audited in the same transaction as the read.
 */
export async function exportTargetMatrix(db: Executor, actor: Actor, query: TargetMatrixQuery, locale: Locale = 'vi') {
  return inTransaction(db, async (tx) => {
    const matrix = await getTargetMatrix(tx, actor, query);
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, `targets.${key}`, params);
    const cellOf = (u: MatrixUnit, targetId: string): UnitCell | undefined => u.cells.find((c) => c.targetId === targetId);
    const text = (c: UnitCell | undefined, uom: string) => {
      if (!c) return '';
      const label = c.status ? t(`status.${c.status}`) : t('matrixNotJudged');
      const gradeKey = `targets.grade.${c.grade}`;
      const grade = c.grade === null ? null : hasMessage(gradeKey) ? translate(locale, gradeKey) : c.grade;
      const shown =
        grade ??
        (c.ownValue === null ? null : uom === 'percent' ? formatPercent(c.ownValue, { locale }) : formatNumber(c.ownValue, { locale }));
      return shown ? `${label} (${shown})` : label;
    };
    const buffer = await writeXlsxTable({
      sheetName: t('matrixSheet'),
      title: t('matrixExportTitle'),
      subtitle: t('exportAsOf', { date: formatDate(matrix.asOf) }),
      rows: matrix.units,
      columns: [
        { header: t('colUnitCode'), width: 14, value: (u) => u.unitCode },
        { header: t('colUnit'), width: 36, value: (u) => u.unitName },
        { header: t('matrixLagging'), width: 12, value: (u) => u.lagging },
        { header: t('matrixNoData'), width: 12, value: (u) => u.noData },
        ...matrix.targets.map((target) => ({
          header: target.code ? `${t('target')} ${target.code}` : target.text.slice(0, 40),
          width: 22,
          value: (u: MatrixUnit) => text(cellOf(u, target.targetId), target.unitOfMeasure),
          fill: (u: MatrixUnit) => {
            const status = cellOf(u, target.targetId)?.status;
            return status ? STATUS_FILLS[status] : undefined;
          },
        })),
      ],
    });
    await recordAudit(tx, actor, {
      action: 'target.export',
      entityType: 'target',
      entityId: null,
      unitId: null,
      after: { matrix: true, programId: query.programId ?? null, asOf: matrix.asOf, rowCount: matrix.units.length },
    });
    return { buffer, fileName: `${t('matrixFileName')} ${fileNameDate(matrix.asOf)}.xlsx`, rowCount: matrix.units.length };
  });
}
