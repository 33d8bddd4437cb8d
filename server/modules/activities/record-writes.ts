// What every record write shares: finding the record to change, writing its
// people, its search text, and the snapshot the audit log keeps.
import { and, eq, isNull } from 'drizzle-orm';
import type { ActivityKind } from '../../../common/activities.js';
import type { Executor } from '../../db/client.js';
import { activityRecordPeople, activityRecords } from '../../db/schema/index.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { foldText } from '../../lib/search-text.js';
import type { CheckedPerson } from './record-rules.js';
import { requireWriteRecord } from './policy.js';

export type ActivityRecordRow = typeof activityRecords.$inferSelect;

/**
 * The record (not deleted), locked, when the actor may write it as it is now
 * (its unit on its date). Unknown and out-of-scope ids give the same 403 (404
 * for an administrator).
 */
export async function findRecordToWrite(tx: Executor, actor: Actor, id: string): Promise<ActivityRecordRow> {
  const [row] = await tx
    .select()
    .from(activityRecords)
    .where(and(eq(activityRecords.id, id), isNull(activityRecords.deletedAt)))
    .for('update');
  if (!row) throw isSystemAdmin(actor) ? notFound() : forbidden();
  await requireWriteRecord(tx, actor, row.kind as ActivityKind, row.unitId, row.occurredOn);
  return row;
}

/** Title, notes and people's names, folded for diacritics-free search. */
export function searchTextOf(title: string, notes: string | null | undefined, people: readonly CheckedPerson[]): string {
  return foldText([title, notes ?? '', ...new Set(people.map((p) => p.fullName))].join(' '));
}

/** Replaces the record's people with the checked ones (union position as it is at the write). */
export async function writeRecordPeople(tx: Executor, recordId: string, people: readonly CheckedPerson[]): Promise<void> {
  await tx.delete(activityRecordPeople).where(eq(activityRecordPeople.recordId, recordId));
  if (people.length === 0) return;
  await tx
    .insert(activityRecordPeople)
    .values(people.map((p) => ({ recordId, memberId: p.memberId, role: p.role, unionPosition: p.unionPosition })));
}

/** The record as the audit log keeps it: its fields and people (no search helper or version columns). */
export async function snapshotRecord(tx: Executor, id: string): Promise<Record<string, unknown> | null> {
  const [r] = await tx.select().from(activityRecords).where(eq(activityRecords.id, id));
  if (!r) return null;
  const people = await tx
    .select({ memberId: activityRecordPeople.memberId, role: activityRecordPeople.role, unionPosition: activityRecordPeople.unionPosition })
    .from(activityRecordPeople)
    .where(eq(activityRecordPeople.recordId, id));
  const { searchFolded: _s, createdAt: _c, updatedAt: _u, rowVersion: _v, updatedBy: _b, createdBy: _cb, ...rest } = r;
  return { ...rest, people };
}
