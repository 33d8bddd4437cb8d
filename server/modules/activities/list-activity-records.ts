// The records list (hồ sơ hoạt động): filters, diacritics-free search, the
// records behind a derived element, sort and pages, in the reader's scope.
import type { z } from 'zod';
import type { ListActivityRecordsQuery } from '../../../common/api/activities.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import {
  activityConditions,
  activityOrder,
  countActivityRecords,
  readActivityRecords,
  type ActivityRecordModel,
} from './activity-reads.js';
import { requireActivityReader } from './policy.js';

export interface ActivityRecordPageModel {
  items: ActivityRecordModel[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listActivityRecords(
  db: Executor,
  actor: Actor,
  query: z.output<typeof ListActivityRecordsQuery>,
): Promise<ActivityRecordPageModel> {
  requireActivityReader(actor);
  const where = await activityConditions(db, actor, query);
  const [items, total] = await Promise.all([
    readActivityRecords(db, actor, where, activityOrder(query.sort, query.order), query.pageSize, (query.page - 1) * query.pageSize),
    countActivityRecords(db, where),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
