// The compliance board (theo dõi nộp báo cáo) of a period for the Office
// (docs/reporting.md "Compliance board"): every unit that owes the period in
// the reader's part of the tree, with its state, counts per state and the
// on-time and complete rates. Built on listExpectedReports, so the board, the
// due list and the reminders agree on who owes what.
import { sql } from 'drizzle-orm';
import { COMPLIANCE_STATES, type ComplianceState, type ReportKind } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly, toIso } from '../../db/sql.js';
import { isSystemAdmin, requireUnitAccess, type Actor } from '../../lib/access.js';
import { notFound } from '../../lib/errors.js';
import { foldText } from '../../lib/search-text.js';
import { OFFICE_ROLES, requireOffice } from '../notifications/policy.js';
import { isSubmittedOnTime, listExpectedReports, type ExpectedReport } from './expected-reports.js';

export interface ComplianceInput {
  unitId?: string | undefined;
  state?: ComplianceState | undefined;
  q?: string | undefined;
}

export interface ComplianceRow extends ExpectedReport {
  remindersSent: number;
}

export interface Compliance {
  period: ExpectedReport['period'];
  rows: ComplianceRow[];
  counts: Record<ComplianceState, number>;
  expected: number;
  onTime: number;
  complete: number;
  onTimeRate: number;
  completeRate: number;
}

/** Sent (counting) reports: complete. Returned ones must be sent again; drafts never count. */
const COMPLETE: ReadonlySet<ComplianceState> = new Set(['submitted_on_time', 'submitted_late', 'approved']);

/** A share of the expected units, 0–1, never above 1 (each unit is counted once). */
export function rate(part: number, expected: number): number {
  return expected === 0 ? 0 : Math.min(1, part / expected);
}

/**
 * The board's figures from expected reports (pure, so the rule is tested on
 * its own): each unit once, complete = its report is sent (submitted or
 * approved); on time = sent, and first submitted before the deadline.
 */
export function complianceFigures(rows: readonly ExpectedReport[]) {
  const units = new Map<string, ExpectedReport>();
  for (const r of rows) if (!units.has(r.unit.id)) units.set(r.unit.id, r);
  const counts = Object.fromEntries(COMPLIANCE_STATES.map((s) => [s, 0])) as Record<ComplianceState, number>;
  let complete = 0;
  let onTime = 0;
  for (const r of units.values()) {
    counts[r.state]++;
    if (!COMPLETE.has(r.state)) continue;
    complete++;
    if (r.report?.firstSubmittedAt && isSubmittedOnTime(r.report.firstSubmittedAt, r.period.dueOn)) onTime++;
  }
  const expected = units.size;
  return {
    units: [...units.values()],
    counts,
    expected,
    complete,
    onTime,
    completeRate: rate(complete, expected),
    onTimeRate: rate(onTime, expected),
  };
}

interface PeriodRow {
  id: string;
  programId: string;
  kind: ReportKind;
  dataFrom: unknown;
  dataTo: unknown;
  dueOn: unknown;
  factMonth: unknown;
  closedAt: unknown;
  rowVersion: number;
}

export async function getCompliance(
  ex: Executor,
  actor: Actor,
  periodId: string,
  input: ComplianceInput,
  now = new Date(),
): Promise<Compliance> {
  requireOffice(actor);
  const [p] = await queryRows<PeriodRow>(
    ex,
    sql`select id, program_id as "programId", kind, data_from as "dataFrom", data_to as "dataTo", due_on as "dueOn",
        fact_month as "factMonth", closed_at as "closedAt", row_version as "rowVersion"
      from report_periods where id = ${periodId}::uuid`,
  );
  if (!p) throw notFound();
  const period: ExpectedReport['period'] = {
    id: p.id,
    programId: p.programId,
    kind: p.kind,
    dataFrom: toDateOnly(p.dataFrom)!,
    dataTo: toDateOnly(p.dataTo)!,
    dueOn: toDateOnly(p.dueOn)!,
    factMonth: toDateOnly(p.factMonth)!,
    closedAt: p.closedAt == null ? null : toIso(p.closedAt),
    rowVersion: Number(p.rowVersion),
  };
  if (input.unitId) await requireUnitAccess(ex, actor, input.unitId, OFFICE_ROLES);

  // Whose units: the chosen unit's subtree, else the subtrees of the reader's Office assignments on the
  // period's cut-off (a unit that moved in later is not on this period's board); always within what they may read.
  const roots: Array<string | null> = input.unitId
    ? [input.unitId]
    : isSystemAdmin(actor)
      ? [null]
      : [...new Set(actor.assignments.filter((a) => OFFICE_ROLES.includes(a.role)).map((a) => a.unitId))];
  const lists = [];
  for (const root of roots) {
    lists.push(await listExpectedReports(ex, { periodIds: [periodId], readableBy: actor, now, ...(root ? { underUnitId: root } : {}) }));
  }
  const figures = complianceFigures(lists.flat());

  const reminders = new Map(
    (
      await queryRows<{ unitId: string; n: string | number }>(
        ex,
        sql`select unit_id as "unitId", count(*) as n from reminder_log
          where period_id = ${periodId}::uuid and status = 'sent' and kind in ('due_soon', 'overdue')
          group by unit_id`,
      )
    ).map((r) => [r.unitId, Number(r.n)]),
  );
  const q = input.q ? foldText(input.q) : '';
  const rows = figures.units
    .filter((r) => !input.state || r.state === input.state)
    .filter((r) => !q || foldText(`${r.unit.code} ${r.unit.shortName} ${r.unit.fullName}`).includes(q))
    .sort(
      (a, b) => (a.parent?.shortName ?? '').localeCompare(b.parent?.shortName ?? '', 'vi') || a.unit.code.localeCompare(b.unit.code, 'vi'),
    )
    .map((r) => ({ ...r, remindersSent: reminders.get(r.unit.id) ?? 0 }));

  return {
    period,
    rows,
    counts: figures.counts,
    expected: figures.expected,
    onTime: figures.onTime,
    complete: figures.complete,
    onTimeRate: figures.onTimeRate,
    completeRate: figures.completeRate,
  };
}
