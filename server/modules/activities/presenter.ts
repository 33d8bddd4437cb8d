import type { z } from 'zod';
import type { ActivityRecordView } from '../../../common/api/activities.js';
import type { ActivityRecordModel } from './activity-reads.js';

export function presentActivityRecord(m: ActivityRecordModel): z.input<typeof ActivityRecordView> {
  return {
    id: m.id,
    kind: m.kind,
    unitId: m.unitId,
    unitName: m.unitName,
    occurredOn: m.occurredOn,
    title: m.title,
    notes: m.notes,
    details: m.details,
    people: m.people,
    amountVnd: m.amountVnd,
    subjectUnitName: m.subjectUnitName,
    inspectionsDone: m.inspectionsDone,
    attachmentCount: m.attachmentCount,
    rowVersion: m.rowVersion,
    updatedAt: m.updatedAt,
    allowedActions: m.writable ? ['edit', 'delete'] : [],
    reasonRequired: m.reasonRequired,
  };
}
