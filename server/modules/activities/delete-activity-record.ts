// Xóa hồ sơ hoạt động: kept, marked deleted with who and why, and left out of
// every list and figure. The writer must hold the record's unit on its date;
// once a report covering its month was submitted or approved, a reason is
// required. The unit's derived facts are refreshed in the same transaction.
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { DeleteActivityRecordBody } from '../../../common/api/activities.js';
import type { Executor } from '../../db/client.js';
import { activityRecords } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { refreshActivityFacts } from './activity-facts.js';
import { isReported, requireActivityWriter } from './policy.js';
import { findRecordToWrite, snapshotRecord } from './record-writes.js';

export async function deleteActivityRecord(
  db: Executor,
  actor: Actor,
  id: string,
  body: z.output<typeof DeleteActivityRecordBody>,
): Promise<void> {
  requireActivityWriter(actor);
  await inTransaction(db, async (tx) => {
    const record = await findRecordToWrite(tx, actor, id);
    await requireVersion(tx, 'activity_records', record, body.expectedVersion);
    if (!body.reason && (await isReported(tx, record.unitId, record.occurredOn))) throw fieldError('ACTIVITY_REASON_REQUIRED', 'reason');
    const before = await snapshotRecord(tx, id);
    const deleted = await tx
      .update(activityRecords)
      .set({ deletedAt: new Date(), deletedBy: actor.userId ?? null, deleteReason: body.reason ?? null, ...nextVersion(actor) })
      .where(and(eq(activityRecords.id, id), eq(activityRecords.rowVersion, body.expectedVersion)))
      .returning({ id: activityRecords.id });
    if (deleted.length === 0) throw await staleWrite(tx, 'activity_records', id);
    await recordAudit(tx, actor, {
      action: 'activity_record.delete',
      entityType: 'activity_record',
      entityId: id,
      unitId: record.unitId,
      entityLabel: record.title,
      before,
      after: body.reason ? { reason: body.reason } : undefined,
    });
    await refreshActivityFacts(tx, [record.unitId]);
  });
}
