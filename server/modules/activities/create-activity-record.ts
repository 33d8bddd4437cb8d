// Ghi hồ sơ hoạt động: a record of any kind, by whoever holds its unit on its
// date with the kind's permission; its rules checked before anything is
// written; the record, its people, the audit entry and the unit's derived
// facts in one transaction.
import type { ActivityRecordInput } from '../../../common/api/activities.js';
import type { Executor } from '../../db/client.js';
import { activityRecords } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { inTransaction } from '../../lib/transaction.js';
import { refreshActivityFacts } from './activity-facts.js';
import type { ActivityRecordModel } from './activity-reads.js';
import { getActivityRecord } from './get-activity-record.js';
import { requireActivityWriter, requireWriteRecord } from './policy.js';
import { checkRecord } from './record-rules.js';
import { searchTextOf, snapshotRecord, writeRecordPeople } from './record-writes.js';

export type { ActivityRecordModel };

export async function createActivityRecord(db: Executor, actor: Actor, input: ActivityRecordInput): Promise<ActivityRecordModel> {
  requireActivityWriter(actor);
  const id = await inTransaction(db, async (tx) => {
    await requireWriteRecord(tx, actor, input.kind, input.unitId, input.occurredOn);
    const checked = await checkRecord(tx, input);
    const [row] = await tx
      .insert(activityRecords)
      .values({
        kind: input.kind,
        unitId: input.unitId,
        occurredOn: input.occurredOn,
        year: checked.columns.year,
        title: input.title,
        notes: input.notes ?? null,
        details: input.details as Record<string, unknown>,
        amountVnd: checked.columns.amountVnd,
        subjectUnitId: checked.columns.subjectUnitId,
        searchFolded: searchTextOf(input.title, input.notes, checked.people),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: activityRecords.id });
    await writeRecordPeople(tx, row!.id, checked.people);
    await recordAudit(tx, actor, {
      action: 'activity_record.create',
      entityType: 'activity_record',
      entityId: row!.id,
      unitId: input.unitId,
      entityLabel: input.title,
      after: await snapshotRecord(tx, row!.id),
    });
    await refreshActivityFacts(tx, [input.unitId]);
    return row!.id;
  });
  return getActivityRecord(db, actor, id);
}
