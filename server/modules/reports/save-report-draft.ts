import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SaveReportBody } from '../../../common/api/reports.js';
import type { Executor } from '../../db/client.js';
import { reports, reportValues } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import { forbidden, AppError } from '../../lib/errors.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { isUniqueViolation } from '../programs/program-rules.js';
import { reportAfterWrite, type ReportModel } from './get-report.js';
import { canSubmitReport } from './policy.js';
import {
  buildForm,
  derivedValuesRefused,
  chainOf,
  expectedReportOf,
  loadPeriod,
  typedValues,
  valueProblems,
  valuesInvalid,
  type FormValue,
} from './report-form.js';
import { recordReportEvent } from './report-writes.js';

/**
 * Saves a draft of a unit's report for a period (PUT …/report): creates the
 * report on the first save (expectedVersion null), then version-checked.
 * Values are checked by common/report-values.ts (empty ones may stay empty
 * until submission); any refused value refuses the save with every problem
 * listed against its field, and nothing is written. Returns the report id.
 * `now` is the time of the save (tests, the demo loader's fixed clock).
 * Two first saves of one report at once (two tabs, the browser's offline
 * queue and a click): the second insert hits the unique key on (period,
 * unit) and answers 409 STALE_WRITE naming the first, as a sequential one does.
 * With `withReport` it also returns the form as saved (the PUT's answer), built
 * in the save's transaction (get-report.ts reportAfterWrite).
 */
export async function saveReportDraft(
  ex: Executor,
  actor: Actor,
  periodId: string,
  unitId: string,
  body: z.output<typeof SaveReportBody>,
  now: Date = new Date(),
  options: { withReport?: boolean } = {},
): Promise<SavedReport> {
  try {
    return await saveInTransaction(ex, actor, periodId, unitId, body, now, options);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const [winner] = await ex
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.periodId, periodId), eq(reports.unitId, unitId)));
    throw winner ? await staleWrite(ex, 'reports', winner.id) : error;
  }
}

async function saveInTransaction(
  ex: Executor,
  actor: Actor,
  periodId: string,
  unitId: string,
  body: z.output<typeof SaveReportBody>,
  now: Date,
  options: { withReport?: boolean },
): Promise<SavedReport> {
  return inTransaction(ex, async (tx) => {
    const period = await loadPeriod(tx, periodId);
    const expected = await expectedReportOf(tx, periodId, unitId);
    if (!(await canSubmitReport(tx, actor, unitId, { dataTo: toDateOnly(period.dataTo)! }))) throw forbidden();
    if (!expected) throw new AppError('REPORT_NOT_DUE', { unit: await unitName(tx, unitId) });
    if (period.closedAt) throw new AppError('REPORT_PERIOD_LOCKED');
    const [existing] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.periodId, periodId), eq(reports.unitId, unitId)))
      .for('update');
    if (existing) {
      if (body.expectedVersion !== existing.rowVersion) throw await staleWrite(tx, 'reports', existing.id);
      if (existing.status !== 'draft' && existing.status !== 'returned') throw new AppError('REPORT_NOT_EDITABLE');
    } else if (body.expectedVersion !== null) {
      throw new AppError('STALE_WRITE', { name: '—', time: '—', currentVersion: 0 });
    }
    const chain = await chainOf(tx, period);
    const typed = typedValues(body.values);
    const sections = await buildForm(tx, { chain, period, unitId, reportId: existing?.id ?? null, typed });
    const derived = derivedValuesRefused(sections, typed.keys());
    if (derived) throw derived;
    const problems = valueProblems(sections, typed, { requireAll: false });
    if (problems.length) throw valuesInvalid(problems);
    let id: string;
    if (existing) {
      id = existing.id;
      await tx
        .update(reports)
        .set({
          narratives: body.narratives,
          difficulties: body.difficulties ?? null,
          rowVersion: sql`row_version + 1`,
          updatedAt: now,
          updatedBy: actor.userId ?? null,
        })
        .where(eq(reports.id, id));
      await tx.delete(reportValues).where(eq(reportValues.reportId, id));
    } else {
      const [created] = await tx
        .insert(reports)
        .values({
          periodId,
          unitId,
          status: 'draft',
          narratives: body.narratives,
          difficulties: body.difficulties ?? null,
          createdBy: actor.userId ?? null,
          createdAt: now,
          updatedAt: now,
          updatedBy: actor.userId ?? null,
        })
        .returning({ id: reports.id });
      id = created!.id;
      await recordReportEvent(tx, actor, id, 'created', null, null, now);
    }
    await insertValues(tx, id, typed);
    await recordAudit(tx, actor, {
      action: existing ? 'report.save' : 'report.create',
      entityType: 'report',
      entityId: id,
      unitId,
      entityLabel: `${expected.unit.shortName} · ${period.kind} ${toDateOnly(period.dataTo)}`,
      after: { values: typed.size, narratives: Object.keys(body.narratives).length, difficulties: Boolean(body.difficulties) },
    });
    // A draft changes no fact: the form checked above, with its values as typed, is the form as saved.
    const report = options.withReport
      ? await reportAfterWrite(tx, actor, { reportId: id, period, expected, chain, sections, submitter: true })
      : null;
    return { id, report };
  });
}

/** A report written by a step of the workflow, and the form as its writer now sees it when asked for. */
export interface SavedReport {
  id: string;
  report: ReportModel | null;
}

export async function insertValues(tx: Executor, reportId: string, typed: ReadonlyMap<string, FormValue>): Promise<void> {
  if (typed.size === 0) return;
  await tx.insert(reportValues).values(
    [...typed].map(([dataElementId, v]) => ({
      reportId,
      dataElementId,
      valueNumber: v.number == null ? null : String(v.number),
      valueBool: v.bool,
      valueText: v.text,
      notApplicable: v.notApplicable,
      notApplicableReason: v.notApplicableReason,
    })),
  );
}

export async function unitName(tx: Executor, unitId: string): Promise<string> {
  const rows = (await tx.execute(sql`select short_name from org_units where id = ${unitId}::uuid`)) as unknown as {
    rows: { short_name: string }[];
  };
  return rows.rows[0]?.short_name ?? '—';
}
