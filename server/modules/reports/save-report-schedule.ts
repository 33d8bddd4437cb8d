import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PutReportScheduleBody } from '../../../common/api/reports.js';
import type { Executor } from '../../db/client.js';
import { reportPeriods, reports, reportSchedules } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, type ErrorCode } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { formatDate, formatDateTime } from '../../../common/format.js';
import { programNotFound } from '../programs/policy.js';
import { loadReportSchedule, type ReportSchedule } from './get-report-schedule.js';
import { requireScheduleWrite } from './policy.js';
import { chainIssued, factMonthOf, programChain } from './report-periods.js';

/**
 * Saves a program's schedule (docs/reporting.md "Schedule"): which unit kinds
 * report and the periods (kept by id, added, removed). Version-checked on the
 * schedule row (null = saving over the defaults). A closed period cannot
 * change; a period with reports cannot be removed. Every period problem is
 * listed against its field (`periods.<i>.<field>`) in one refusal.
 */
export async function saveReportSchedule(
  ex: Executor,
  actor: Actor,
  programId: string,
  body: z.output<typeof PutReportScheduleBody>,
): Promise<ReportSchedule> {
  return inTransaction(ex, async (tx) => {
    const chain = await programChain(tx, programId);
    if (!chain) throw programNotFound(actor);
    await requireScheduleWrite(tx, actor, chain);
    if (!chainIssued(chain)) throw new AppError('REPORT_PROGRAM_NOT_ISSUED');
    const before = await loadReportSchedule(tx, chain); // makes the default periods real
    const [locked] = await tx.select().from(reportSchedules).where(eq(reportSchedules.programId, chain.firstId)).for('update');
    if ((locked?.rowVersion ?? null) !== body.expectedVersion) {
      throw new AppError('STALE_WRITE', {
        name: '—',
        time: locked ? formatDateTime(locked.updatedAt) : '—',
        currentVersion: locked?.rowVersion ?? 0,
      });
    }
    // Checks first, nothing written before they all pass; every problem listed against its field.
    const problems: { code: ErrorCode; field: string; params?: Record<string, string> }[] = [];
    const seen = new Set<string>();
    const byId = new Map(before.periods.map((p) => [p.id, p]));
    body.periods.forEach((p, i) => {
      if (p.dataFrom > p.dataTo) problems.push({ code: 'REPORT_PERIOD_DATES_INVALID', field: `periods.${i}.dataTo` });
      if (p.dueOn < p.dataFrom) problems.push({ code: 'REPORT_PERIOD_DUE_BEFORE_START', field: `periods.${i}.dueOn` });
      const key = `${p.kind}:${p.dataFrom}`;
      if (seen.has(key))
        problems.push({ code: 'REPORT_PERIOD_DUPLICATE', field: `periods.${i}.dataFrom`, params: { date: formatDate(p.dataFrom) } });
      seen.add(key);
      if (!p.id) return;
      const old = byId.get(p.id);
      if (!old) return problems.push({ code: 'NOT_FOUND', field: `periods.${i}.id` });
      const changed =
        old.kind !== p.kind ||
        toDateOnly(old.dataFrom) !== p.dataFrom ||
        toDateOnly(old.dataTo) !== p.dataTo ||
        toDateOnly(old.dueOn) !== p.dueOn;
      if (changed && old.closedAt) problems.push({ code: 'REPORT_PERIOD_LOCKED', field: `periods.${i}.dueOn` });
    });
    if (problems.length) {
      const [first] = problems;
      throw new AppError(first!.code, first!.params ?? {}, {
        fields: problems.map((q) => ({ field: q.field, messageKey: `errors.${q.code}`, ...(q.params ? { params: q.params } : {}) })),
      });
    }
    const kept = new Set(body.periods.flatMap((p) => (p.id ? [p.id] : [])));
    const removed = before.periods.filter((p) => !kept.has(p.id));
    if (removed.length) {
      const used = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(
          inArray(
            reports.periodId,
            removed.map((p) => p.id),
          ),
        )
        .limit(1);
      if (used.length || removed.some((p) => p.closedAt)) throw new AppError('REPORT_PERIOD_IN_USE');
      await tx.delete(reportPeriods).where(
        inArray(
          reportPeriods.id,
          removed.map((p) => p.id),
        ),
      );
    }
    const now = new Date();
    for (const p of body.periods) {
      const values = { kind: p.kind, dataFrom: p.dataFrom, dataTo: p.dataTo, dueOn: p.dueOn, factMonth: factMonthOf(p.dataTo) };
      if (p.id) {
        const old = byId.get(p.id)!;
        const same =
          old.kind === p.kind &&
          toDateOnly(old.dataFrom) === p.dataFrom &&
          toDateOnly(old.dataTo) === p.dataTo &&
          toDateOnly(old.dueOn) === p.dueOn;
        if (!same)
          await tx
            .update(reportPeriods)
            .set({ ...values, rowVersion: sql`row_version + 1`, updatedAt: now, updatedBy: actor.userId ?? null })
            .where(and(eq(reportPeriods.id, p.id), eq(reportPeriods.programId, chain.firstId)));
      } else {
        await tx.insert(reportPeriods).values({ ...values, programId: chain.firstId, updatedBy: actor.userId ?? null });
      }
    }
    if (locked) {
      await tx
        .update(reportSchedules)
        .set({ unitKinds: body.unitKinds, rowVersion: sql`row_version + 1`, updatedAt: now, updatedBy: actor.userId ?? null })
        .where(eq(reportSchedules.programId, chain.firstId));
    } else {
      await tx.insert(reportSchedules).values({ programId: chain.firstId, unitKinds: body.unitKinds, updatedBy: actor.userId ?? null });
    }
    const after = await loadReportSchedule(tx, chain);
    await recordAudit(tx, actor, {
      action: 'report_schedule.save',
      entityType: 'program',
      entityId: chain.firstId,
      unitId: chain.unitId,
      entityLabel: chain.title,
      before: { unitKinds: before.unitKinds, periods: before.periods.length },
      after: {
        unitKinds: after.unitKinds,
        periods: after.periods.map((p) => ({ kind: p.kind, dataFrom: p.dataFrom, dataTo: p.dataTo, dueOn: p.dueOn })),
      },
    });
    return after;
  });
}
