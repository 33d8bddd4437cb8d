import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reports, reportValues } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { refreshActivityFacts } from '../activities/activity-facts.js';
import { notifyReportSubmitted } from '../notifications/notify.js';
import { canSubmitReport } from './policy.js';
import {
  buildForm,
  derivedValuesRefused,
  chainOf,
  expectedReportOf,
  loadPeriod,
  lockReport,
  valueProblems,
  valuesInvalid,
  type FormValue,
} from './report-form.js';
import { recordReportEvent, refreshAddendsOf, writeReportFacts } from './report-writes.js';
import { reportAfterWrite } from './get-report.js';
import { unitName, type SavedReport } from './save-report-draft.js';

/**
 * Submits (or resubmits after a return) a report: every asked field must be
 * answered and valid (else 400 listing every field problem, nothing written);
 * the unit must owe the period, the period must be open and the actor must
 * hold the unit. In one transaction: the values become facts of the fact
 * month (report_id, approved = false), the unit's derived figures are
 * refreshed when an addend was touched, the history and audit rows are
 * written and the Office is notified. `now` is the submission time (tests,
 * the demo loader). `deferDerivedRefresh`: a batch writer (the demo loader)
 * refreshes the derived figures of its units once at the end instead.
 * `withReport`: also the form as submitted (the POST's answer), built in the
 * submission's transaction (get-report.ts reportAfterWrite).
 */
export async function submitReport(
  ex: Executor,
  actor: Actor,
  reportId: string,
  body: { expectedVersion: number },
  now: Date = new Date(),
  options: { deferDerivedRefresh?: boolean; withReport?: boolean } = {},
): Promise<SavedReport> {
  return inTransaction(ex, async (tx) => {
    const report = await lockReport(tx, reportId);
    const period = await loadPeriod(tx, report.periodId);
    if (!(await canSubmitReport(tx, actor, report.unitId, { dataTo: toDateOnly(period.dataTo)! }))) throw forbidden();
    if (report.rowVersion !== body.expectedVersion) throw await staleWrite(tx, 'reports', report.id);
    if (period.closedAt) throw new AppError('REPORT_PERIOD_LOCKED');
    if (report.status === 'submitted' || report.status === 'approved') throw new AppError('REPORT_ALREADY_SUBMITTED');
    const expected = await expectedReportOf(tx, period.id, report.unitId);
    if (!expected) throw new AppError('REPORT_NOT_DUE', { unit: await unitName(tx, report.unitId) });
    const chain = await chainOf(tx, period);
    const sections = await buildForm(tx, { chain, period, unitId: report.unitId, reportId: report.id });
    const values = new Map<string, FormValue>(
      sections.flatMap((s) => s.fields.filter((f) => f.editable && f.value).map((f) => [f.dataElementId, f.value!] as const)),
    );
    // A value stored for a derived field (the draft save refuses them; rows written otherwise) is refused, not sent.
    const derivedIds = sections.flatMap((s) => s.fields.filter((f) => f.derived).map((f) => f.dataElementId));
    if (derivedIds.length) {
      const kept = await tx
        .select({ id: reportValues.dataElementId })
        .from(reportValues)
        .where(and(eq(reportValues.reportId, report.id), inArray(reportValues.dataElementId, derivedIds)));
      const derived = derivedValuesRefused(
        sections,
        kept.map((k) => k.id),
      );
      if (derived) throw derived;
    }
    const problems = valueProblems(sections, values, { requireAll: true });
    if (problems.length) throw valuesInvalid(problems);
    const factMonth = toDateOnly(period.factMonth)!;
    const written = await writeReportFacts(tx, { reportId: report.id, unitId: report.unitId, factMonth, sections, values });
    if (!options.deferDerivedRefresh) await refreshAddendsOf(tx, report.unitId, written);
    const resubmission = report.firstSubmittedAt != null;
    await tx
      .update(reports)
      .set({
        status: 'submitted',
        firstSubmittedAt: report.firstSubmittedAt ?? now,
        submittedAt: now,
        submittedBy: actor.userId ?? null,
        reviewComment: null,
        fieldComments: {},
        rowVersion: sql`row_version + 1`,
        updatedAt: now,
        updatedBy: actor.userId ?? null,
      })
      .where(eq(reports.id, report.id));
    // A unit's first report of a year makes it answer for its records of that year: figures from
    // records count from then on, zeros included (docs/activities.md "Derived facts").
    if (!resubmission && !options.deferDerivedRefresh) await refreshActivityFacts(tx, [report.unitId]);
    await recordReportEvent(tx, actor, report.id, resubmission ? 'resubmitted' : 'submitted', null, null, now);
    await recordAudit(tx, actor, {
      action: resubmission ? 'report.resubmit' : 'report.submit',
      entityType: 'report',
      entityId: report.id,
      unitId: report.unitId,
      entityLabel: `${expected.unit.shortName} · ${period.kind} ${toDateOnly(period.dataTo)}`,
      before: { status: report.status },
      after: { status: 'submitted', facts: written.length, factMonth },
    });
    await notifyReportSubmitted(tx, report.id);
    // Rebuilt: the figures derived from the registry and from records may have changed with the facts written;
    // the reported values are those just checked and written.
    const model = options.withReport
      ? await reportAfterWrite(tx, actor, { reportId: report.id, period, expected, chain, typed: values })
      : null;
    return { id: report.id, report: model };
  });
}
