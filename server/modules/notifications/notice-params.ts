// The params of a notice about a period and units (notifications.params), from
// the database rows; the same for the in-app row and the e-mail.
import { inArray } from 'drizzle-orm';
import { digestUnitParams } from '../../../common/notification-text.js';
import { formatDate } from '../../../common/format.js';
import type { ReportKind } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';

export interface PeriodRow {
  id: string;
  kind: string;
  dataFrom: unknown;
  dueOn: unknown;
}

export function periodParams(period: PeriodRow): Record<string, string | number> {
  const from = toDateOnly(period.dataFrom)!;
  return {
    periodKind: period.kind as ReportKind,
    month: Number(from.slice(5, 7)),
    year: Number(from.slice(0, 4)),
    dueOn: formatDate(toDateOnly(period.dueOn)!),
  };
}

/** Short names of units, by id. */
export async function unitNames(ex: Executor, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await ex.select({ id: orgUnits.id, shortName: orgUnits.shortName }).from(orgUnits).where(inArray(orgUnits.id, unitIds));
  return new Map(rows.map((r) => [r.id, r.shortName]));
}

/** A digest's unit params, names sorted as Vietnamese sorts them. */
export function digestParams(names: Map<string, string>, unitIds: string[]): Record<string, string | number> {
  const sorted = unitIds.map((id) => names.get(id) ?? '').sort((a, b) => a.localeCompare(b, 'vi'));
  return digestUnitParams(sorted) as Record<string, string | number>;
}
