// What the report workflow's steps share: the history row, facts written or
// removed for a report, and the derived figures refreshed for the report's
// unit when it touched an addend element (docs/reporting.md "Workflow").
import { sql } from 'drizzle-orm';
import type { ReportAction } from '../../../common/reports.js';
import type { Executor } from '../../db/client.js';
import { reportEvents } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { refreshDerivedFactsForAddend } from '../members/member-facts.js';
import type { FormSection, FormValue } from './report-form.js';

export async function recordReportEvent(
  tx: Executor,
  actor: Actor,
  reportId: string,
  action: ReportAction,
  comment: string | null = null,
  fieldComments: Record<string, string> | null = null,
  at: Date = new Date(),
): Promise<void> {
  await tx.insert(reportEvents).values({ reportId, action, actorId: actor.userId ?? null, at, comment, fieldComments });
}

/** Refreshes the unit's derived figures when one of the elements is an addend of a derived element (one unit, not every unit). */
export async function refreshAddendsOf(tx: Executor, unitId: string, elementIds: readonly string[]): Promise<void> {
  if (elementIds.length === 0) return;
  const addends = await queryRows<{ id: string }>(
    tx,
    sql`select distinct derived_addend_element_id as id from data_elements
        where derived_addend_element_id in (${sql.join(
          elementIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  for (const a of addends) await refreshDerivedFactsForAddend(tx, a.id, undefined, [unitId]);
}

/**
 * Writes the report's editable values as facts of the unit in the fact month
 * (report_id = the report, approved = false), replacing what was there.
 */
export async function writeReportFacts(
  tx: Executor,
  input: { reportId: string; unitId: string; factMonth: string; sections: FormSection[]; values: ReadonlyMap<string, FormValue> },
): Promise<string[]> {
  const rows = input.sections
    .flatMap((s) => s.fields)
    .filter((f) => f.editable && input.values.has(f.dataElementId))
    .map((f) => ({ id: f.dataElementId, v: input.values.get(f.dataElementId)! }));
  if (rows.length === 0) return [];
  await tx.execute(sql`
    insert into facts (unit_id, data_element_id, month, value_number, value_bool, value_text, not_applicable, report_id, approved, updated_at)
    values ${sql.join(
      rows.map(
        ({ id, v }) =>
          sql`(${input.unitId}::uuid, ${id}::uuid, ${input.factMonth}::date, ${v.notApplicable || v.number == null ? null : String(v.number)}::numeric,
               ${v.notApplicable ? null : v.bool}::boolean, ${v.notApplicable ? null : v.text}, ${v.notApplicable}, ${input.reportId}::uuid, false, now())`,
      ),
      sql`, `,
    )}
    on conflict (unit_id, data_element_id, month) do update set
      value_number = excluded.value_number, value_bool = excluded.value_bool, value_text = excluded.value_text,
      not_applicable = excluded.not_applicable, report_id = excluded.report_id, approved = false, updated_at = now()`);
  return rows.map((r) => r.id);
}

/** Removes the facts a report gave (returned, reopened): it stops counting. Returns the elements removed. */
export async function deleteReportFacts(tx: Executor, reportId: string): Promise<string[]> {
  const rows = await queryRows<{ data_element_id: string }>(
    tx,
    sql`delete from facts where report_id = ${reportId}::uuid returning data_element_id`,
  );
  return rows.map((r) => r.data_element_id);
}
