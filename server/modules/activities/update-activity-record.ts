// Sửa hồ sơ hoạt động: the whole record again, with the version it was read
// at (409 STALE_WRITE otherwise). The writer must hold the record's unit on
// its date as it was AND as it will be (a record moved to another unit or
// date is checked at both ends); the kind does not change. Once a report of
// the unit covering the record's month (before or after) was submitted or
// approved, a reason is required and kept in the audit entry. The derived
// facts of the old and the new unit are refreshed in the same transaction.
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { UpdateActivityRecordBody } from '../../../common/api/activities.js';
import type { Executor } from '../../db/client.js';
import { activityRecords } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { refreshActivityFacts } from './activity-facts.js';
import type { ActivityRecordModel } from './activity-reads.js';
import { getActivityRecord } from './get-activity-record.js';
import { isReported, requireActivityWriter, requireWriteRecord } from './policy.js';
import { checkRecord } from './record-rules.js';
import { findRecordToWrite, searchTextOf, snapshotRecord, writeRecordPeople } from './record-writes.js';

export async function updateActivityRecord(
  db: Executor,
  actor: Actor,
  id: string,
  body: z.output<typeof UpdateActivityRecordBody>,
): Promise<ActivityRecordModel> {
  requireActivityWriter(actor);
  const input = body.record;
  await inTransaction(db, async (tx) => {
    const old = await findRecordToWrite(tx, actor, id);
    await requireVersion(tx, 'activity_records', old, body.expectedVersion);
    if (input.kind !== old.kind) throw fieldError('ACTIVITY_KIND_FIXED', 'record.kind');
    if (input.unitId !== old.unitId || input.occurredOn !== old.occurredOn) {
      await requireWriteRecord(tx, actor, input.kind, input.unitId, input.occurredOn);
    }
    const checked = await checkRecord(tx, input, id);
    const reported = (await isReported(tx, old.unitId, old.occurredOn)) || (await isReported(tx, input.unitId, input.occurredOn));
    if (reported && !body.reason) throw fieldError('ACTIVITY_REASON_REQUIRED', 'reason');
    const before = await snapshotRecord(tx, id);
    const updated = await tx
      .update(activityRecords)
      .set({
        unitId: input.unitId,
        occurredOn: input.occurredOn,
        year: checked.columns.year,
        title: input.title,
        notes: input.notes ?? null,
        details: input.details as Record<string, unknown>,
        amountVnd: checked.columns.amountVnd,
        subjectUnitId: checked.columns.subjectUnitId,
        searchFolded: searchTextOf(input.title, input.notes, checked.people),
        ...nextVersion(actor),
      })
      .where(and(eq(activityRecords.id, id), eq(activityRecords.rowVersion, body.expectedVersion)))
      .returning({ id: activityRecords.id });
    if (updated.length === 0) throw await staleWrite(tx, 'activity_records', id);
    await writeRecordPeople(tx, id, checked.people);
    await recordAudit(tx, actor, {
      action: 'activity_record.update',
      entityType: 'activity_record',
      entityId: id,
      unitId: input.unitId,
      entityLabel: input.title,
      before,
      after: { ...(await snapshotRecord(tx, id)), ...(body.reason ? { reason: body.reason } : {}) },
    });
    await refreshActivityFacts(tx, [...new Set([old.unitId, input.unitId])]);
  });
  return getActivityRecord(db, actor, id);
}
