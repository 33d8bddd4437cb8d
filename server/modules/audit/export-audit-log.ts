import { desc, eq } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import { EXCEL_DATE_TIME, fileNameDate, formatNumber, todayInVietnam, vietnamWallClock } from '../../../common/format.js';
import { translate } from '../../../common/i18n/index.js';
import { LIMITS } from '../../../common/limits.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { auditLog, orgUnits, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { writeXlsxTable } from '../../lib/xlsx-table.js';
import { auditColumnsFor, auditConditions } from './filters.js';
import { actionLabel, entityTypeLabel } from './labels.js';
import { requireAuditReader } from './policy.js';
import { presentAuditEntry } from './presenter.js';
import type { AuditFilter } from './schemas.js';

/** Excel refuses cells longer than this. */
const EXCEL_CELL_MAX = 32_767;

export interface AuditExport {
  buffer: Buffer;
  fileName: string;
  rowCount: number;
  truncated: boolean;
}

/**
 * The audit log in the actor's scope as an XLSX file, newest first, at most
 * maxRows rows (a last row says when more matched). The export is itself
 * audited, in the same transaction as the read.
 */
export async function exportAuditLog(
  db: Executor,
  actor: Actor,
  filter: AuditFilter,
  locale: Locale = 'vi',
  maxRows: number = LIMITS.auditExportMaxRows,
): Promise<AuditExport> {
  requireAuditReader(actor);
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .select(auditColumnsFor(actor))
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(orgUnits, eq(orgUnits.id, auditLog.unitId))
      .where(auditConditions(actor, filter))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(maxRows + 1);
    const truncated = rows.length > maxRows;
    const entries = rows.slice(0, maxRows).map(presentAuditEntry);
    const buffer = await buildWorkbook(entries, locale, truncated ? maxRows : null);
    await recordAudit(tx, actor, {
      action: 'audit.export',
      entityType: 'audit_log',
      entityId: null,
      unitId: filter.unitId ?? null,
      after: { filter: definedOnly(filter), rowCount: entries.length, ...(truncated ? { truncated: true } : {}) },
    });
    const fileName = `${translate(locale, 'audit.exportFileName')} ${fileNameDate(todayInVietnam())}.xlsx`;
    return { buffer, fileName, rowCount: entries.length, truncated };
  });
}

/** The filters that were set (includeSubtree only matters with a unit). */
function definedOnly(filter: AuditFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([k, v]) => v !== undefined && !(k === 'includeSubtree' && !filter.unitId)));
}

function jsonText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > EXCEL_CELL_MAX ? `${text.slice(0, EXCEL_CELL_MAX - 1)}…` : text;
}

async function buildWorkbook(entries: ReturnType<typeof presentAuditEntry>[], locale: Locale, truncatedAt: number | null): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `audit.${key}`, params);
  return writeXlsxTable({
    sheetName: t('exportSheet'),
    rows: entries,
    columns: [
      // Excel has no time zones: store the Vietnam wall-clock time.
      { header: t('colTime'), width: 18, numFmt: EXCEL_DATE_TIME, value: (e) => vietnamWallClock(e.at) },
      { header: t('colUser'), width: 30, value: (e) => (e.userId ? `${e.userFullName ?? ''} (${e.username ?? e.userId})` : t('system')) },
      { header: t('colAction'), width: 28, value: (e) => actionLabel(locale, e.action) },
      { header: t('colEntityType'), width: 20, value: (e) => entityTypeLabel(locale, e.entityType) },
      { header: t('colEntityLabel'), width: 36, value: (e) => e.entityLabel ?? '' },
      { header: t('colEntityId'), width: 38, value: (e) => e.entityId ?? '' },
      { header: t('colUnit'), width: 36, value: (e) => (e.unitId ? [e.unitCode, e.unitName].filter(Boolean).join(' – ') || e.unitId : '') },
      { header: t('colBefore'), width: 50, value: (e) => jsonText(e.before) },
      { header: t('colAfter'), width: 50, value: (e) => jsonText(e.after) },
    ],
    notes: [truncatedAt !== null ? t('exportTruncated', { max: formatNumber(truncatedAt, { locale }) }) : null],
  });
}
